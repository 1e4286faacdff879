/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at `target/idl/pool_bot.json`.
 */
export type PoolBot = {
  "address": "Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A",
  "metadata": {
    "name": "poolBot",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Member-owned trading pool: shares, validator quorum, approved-route execution, insurance reserve"
  },
  "docs": [
    "The program's instructions."
  ],
  "instructions": [
    {
      "name": "applyChange",
      "docs": [
        "Anyone: applies a queued change whose time lock has passed."
      ],
      "discriminator": [
        248,
        177,
        9,
        41,
        50,
        98,
        255,
        50
      ],
      "accounts": [
        {
          "name": "applier",
          "docs": [
            "Anyone, once the change is due."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Receives the change (limits, quorums, config version)."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "change",
            "product"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ],
          "writable": true
        },
        {
          "name": "change",
          "docs": [
            "The due change."
          ],
          "writable": true
        },
        {
          "name": "proposer",
          "docs": [
            "The ADMIN who queued it (receives the rent)."
          ],
          "writable": true,
          "relations": [
            "change"
          ]
        },
        {
          "name": "product",
          "docs": [
            "The product, for `EnableProduct` only."
          ],
          "writable": true,
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "approveClaim",
      "docs": [
        "SENIOR+ validator: approves a claim (pays it at quorum)."
      ],
      "discriminator": [
        74,
        228,
        211,
        63,
        140,
        255,
        69,
        210
      ],
      "accounts": [
        {
          "name": "validator",
          "docs": [
            "A SENIOR, LEAD or ADMIN validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Its config version decides which claim votes still count (read only)."
          ],
          "relations": [
            "validatorSet",
            "claim",
            "insurance"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ],
          "writable": true
        },
        {
          "name": "claim",
          "docs": [
            "Receives the vote; paid when it reaches quorum."
          ],
          "writable": true
        },
        {
          "name": "position",
          "docs": [
            "The claimant's position (its open-claim mark is cleared when the claim is decided)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  101,
                  109,
                  98,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "claim.claimant",
                "account": "claim"
              }
            ]
          }
        },
        {
          "name": "insurance",
          "docs": [
            "The pool's insurance reserve (signs the payment)."
          ],
          "writable": true
        },
        {
          "name": "insuranceVault",
          "docs": [
            "The reserve's token account."
          ],
          "writable": true
        },
        {
          "name": "claimantToken",
          "docs": [
            "The claimant's token account for the pool's asset."
          ],
          "writable": true
        },
        {
          "name": "mint",
          "docs": [
            "The pool's asset mint."
          ]
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The mint's token program."
          ]
        }
      ],
      "args": []
    },
    {
      "name": "approveMandate",
      "docs": [
        "Validator: approves a mandate."
      ],
      "discriminator": [
        32,
        144,
        36,
        58,
        19,
        225,
        123,
        58
      ],
      "accounts": [
        {
          "name": "validator",
          "docs": [
            "A validator of the pool."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Its quorum, config version and time lock decide the vote; notes an approved mandate's",
            "expiry (deposits queue until then)."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "mandate"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set (records the voter's activity)."
          ],
          "writable": true
        },
        {
          "name": "mandate",
          "docs": [
            "Receives the vote; must be pending, within its vote window and current."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "approveTrade",
      "docs": [
        "Validator: approves a proposal."
      ],
      "discriminator": [
        7,
        254,
        199,
        234,
        17,
        251,
        210,
        183
      ],
      "accounts": [
        {
          "name": "validator",
          "docs": [
            "A validator of the pool."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Counts the decision; its quorum and config version decide the vote."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "proposal"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set (records the voter's activity)."
          ],
          "writable": true
        },
        {
          "name": "proposal",
          "docs": [
            "Receives the vote; must be pending and live."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "cancelChange",
      "docs": [
        "ADMIN: cancels a queued change."
      ],
      "discriminator": [
        100,
        30,
        4,
        148,
        3,
        244,
        243,
        168
      ],
      "accounts": [
        {
          "name": "admin",
          "docs": [
            "An ADMIN validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Whose validator set names the ADMIN (read only)."
          ],
          "relations": [
            "validatorSet",
            "change"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ]
        },
        {
          "name": "change",
          "docs": [
            "The queued change."
          ],
          "writable": true
        },
        {
          "name": "proposer",
          "docs": [
            "The ADMIN who queued it (receives the rent)."
          ],
          "writable": true,
          "relations": [
            "change"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "closeClaim",
      "docs": [
        "Anyone: closes a finished claim, returning rent to its claimant."
      ],
      "discriminator": [
        42,
        177,
        165,
        35,
        213,
        179,
        211,
        19
      ],
      "accounts": [
        {
          "name": "pool",
          "docs": [
            "Whose claim it was (read only)."
          ],
          "relations": [
            "claim"
          ]
        },
        {
          "name": "claim",
          "docs": [
            "A paid or denied claim."
          ],
          "writable": true
        },
        {
          "name": "claimant",
          "docs": [
            "The member who filed it."
          ],
          "writable": true,
          "relations": [
            "claim"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "closeMandate",
      "docs": [
        "Anyone: closes a finished mandate (rent back to its proposer)."
      ],
      "discriminator": [
        117,
        87,
        189,
        5,
        254,
        125,
        248,
        180
      ],
      "accounts": [
        {
          "name": "pool",
          "docs": [
            "Its clock and config version decide whether the mandate is finished (read only)."
          ],
          "relations": [
            "mandate"
          ]
        },
        {
          "name": "mandate",
          "docs": [
            "A rejected, revoked, expired or stale mandate."
          ],
          "writable": true
        },
        {
          "name": "proposer",
          "docs": [
            "The keeper or ADMIN who paid for it."
          ],
          "writable": true,
          "relations": [
            "mandate"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "closeProposal",
      "docs": [
        "Anyone: closes a finished proposal, returning rent to its proposer."
      ],
      "discriminator": [
        213,
        178,
        139,
        19,
        50,
        191,
        82,
        245
      ],
      "accounts": [
        {
          "name": "pool",
          "docs": [
            "Whose proposal it was (read only)."
          ],
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "proposal",
          "docs": [
            "An executed, rejected or expired proposal."
          ],
          "writable": true
        },
        {
          "name": "proposer",
          "docs": [
            "The keeper who paid for it."
          ],
          "writable": true,
          "relations": [
            "proposal"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "denyClaim",
      "docs": [
        "SENIOR+ validator: denies a claim."
      ],
      "discriminator": [
        116,
        75,
        24,
        147,
        107,
        89,
        247,
        37
      ],
      "accounts": [
        {
          "name": "validator",
          "docs": [
            "A SENIOR, LEAD or ADMIN validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Its config version decides which claim votes still count (read only)."
          ],
          "relations": [
            "validatorSet",
            "claim",
            "insurance"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ],
          "writable": true
        },
        {
          "name": "claim",
          "docs": [
            "Receives the vote; denied when approval becomes unreachable."
          ],
          "writable": true
        },
        {
          "name": "position",
          "docs": [
            "The claimant's position (its open-claim mark is cleared when the claim is decided)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  101,
                  109,
                  98,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "claim.claimant",
                "account": "claim"
              }
            ]
          }
        },
        {
          "name": "insurance",
          "docs": [
            "The pool's insurance reserve."
          ],
          "writable": true
        },
        {
          "name": "insuranceVault",
          "docs": [
            "The reserve's token account (its balance is reported)."
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "denyClaimArgs"
            }
          }
        }
      ]
    },
    {
      "name": "deposit",
      "docs": [
        "Member: deposits for shares at once (only while no proposal is live)."
      ],
      "discriminator": [
        242,
        35,
        198,
        137,
        82,
        225,
        242,
        182
      ],
      "accounts": [
        {
          "name": "member",
          "docs": [
            "The member; pays for the position on the first deposit."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Mints the shares at the current share value; refuses while a proposal is live."
          ],
          "writable": true
        },
        {
          "name": "position",
          "docs": [
            "The member's position (created on the first deposit)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  101,
                  109,
                  98,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "member"
              }
            ]
          }
        },
        {
          "name": "memberToken",
          "docs": [
            "The member's token account."
          ],
          "writable": true
        },
        {
          "name": "vault",
          "docs": [
            "The pool's vault."
          ],
          "writable": true
        },
        {
          "name": "mint",
          "docs": [
            "The pool's asset mint."
          ]
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The mint's token program."
          ]
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program (creates the position)."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "depositArgs"
            }
          }
        }
      ]
    },
    {
      "name": "disableProduct",
      "docs": [
        "ADMIN: disables a product at once."
      ],
      "discriminator": [
        199,
        135,
        50,
        33,
        123,
        24,
        200,
        83
      ],
      "accounts": [
        {
          "name": "admin",
          "docs": [
            "An ADMIN validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Whose validator set names the ADMIN (read only)."
          ],
          "relations": [
            "validatorSet",
            "product"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ]
        },
        {
          "name": "product",
          "docs": [
            "Disabled: no new proposal or execution under it."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "executeAndDistribute",
      "docs": [
        "Keeper or validator: runs an approved route and distributes the gain."
      ],
      "discriminator": [
        4,
        125,
        115,
        193,
        172,
        166,
        92,
        182
      ],
      "accounts": [
        {
          "name": "executor",
          "docs": [
            "An authorised keeper or a validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "The pool (its PDA signs the route's legs)."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "proposal",
            "product",
            "insurance"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set (keeper list, validators)."
          ]
        },
        {
          "name": "proposal",
          "docs": [
            "The approved proposal (never handed to a leg)."
          ],
          "writable": true
        },
        {
          "name": "product",
          "docs": [
            "The proposal's product."
          ],
          "writable": true,
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "vault",
          "docs": [
            "The pool's vault: the route starts and ends here; its gain is the profit (read from",
            "the raw token layout)."
          ],
          "writable": true
        },
        {
          "name": "mint",
          "docs": [
            "The pool's asset mint (the insurance transfer names it)."
          ]
        },
        {
          "name": "insurance",
          "docs": [
            "Receives the insurance share in its books."
          ],
          "writable": true
        },
        {
          "name": "insuranceVault",
          "docs": [
            "Receives the insurance share."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The mint's token program."
          ]
        }
      ],
      "args": []
    },
    {
      "name": "executeMandate",
      "docs": [
        "Keeper: runs a route inside an active mandate and distributes the gain."
      ],
      "discriminator": [
        66,
        205,
        94,
        79,
        120,
        226,
        164,
        24
      ],
      "accounts": [
        {
          "name": "keeper",
          "docs": [
            "An authorised keeper."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Its PDA signs the legs; books the gain and counts the execution."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "mandate",
            "product",
            "insurance"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "Holds the keeper list (read only)."
          ]
        },
        {
          "name": "mandate",
          "docs": [
            "The active mandate: its terms bound the route, its budget is spent (never a leg's",
            "account)."
          ],
          "writable": true
        },
        {
          "name": "product",
          "docs": [
            "The mandate's product: its leg rules bound every leg; books the execution."
          ],
          "writable": true,
          "relations": [
            "mandate"
          ]
        },
        {
          "name": "vault",
          "docs": [
            "The pool's vault: the route starts and ends here; its gain is the profit (read from",
            "the raw token layout)."
          ],
          "writable": true
        },
        {
          "name": "mint",
          "docs": [
            "The pool's asset mint (the insurance transfer names it)."
          ]
        },
        {
          "name": "insurance",
          "docs": [
            "Receives the insurance share in its books."
          ],
          "writable": true
        },
        {
          "name": "insuranceVault",
          "docs": [
            "Receives the insurance share."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The mint's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "executeMandateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "expireClaim",
      "docs": [
        "Anyone: marks an undecided claim past its expiry Expired."
      ],
      "discriminator": [
        176,
        78,
        241,
        29,
        159,
        81,
        26,
        6
      ],
      "accounts": [
        {
          "name": "pool",
          "docs": [
            "Whose claim lifetime the claim was filed under (read only)."
          ],
          "relations": [
            "claim",
            "insurance"
          ]
        },
        {
          "name": "claim",
          "docs": [
            "Moved to Expired (it must be pending and past its lifetime)."
          ],
          "writable": true
        },
        {
          "name": "insurance",
          "docs": [
            "The pool's insurance reserve."
          ],
          "writable": true
        },
        {
          "name": "position",
          "docs": [
            "The claimant's position (its open-claim mark is cleared)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  101,
                  109,
                  98,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "claim.claimant",
                "account": "claim"
              }
            ]
          }
        }
      ],
      "args": []
    },
    {
      "name": "expireProposal",
      "docs": [
        "Anyone: marks an expired or stale proposal Expired."
      ],
      "discriminator": [
        21,
        237,
        43,
        176,
        1,
        202,
        146,
        144
      ],
      "accounts": [
        {
          "name": "pool",
          "docs": [
            "Its config version tells a stale proposal; counts the expiry."
          ],
          "writable": true,
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "proposal",
          "docs": [
            "Moved to Expired (it must be past its lifetime or stale)."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "fileClaim",
      "docs": [
        "Member: files an insurance claim."
      ],
      "discriminator": [
        187,
        254,
        40,
        13,
        146,
        223,
        230,
        97
      ],
      "accounts": [
        {
          "name": "claimant",
          "docs": [
            "The member claiming; pays for the claim account (returned on close)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Hands out the claim id and its expiry."
          ],
          "writable": true,
          "relations": [
            "position",
            "insurance"
          ]
        },
        {
          "name": "position",
          "docs": [
            "The claimant's position (active or withdrawn): caps the claim and holds the open-claim",
            "mark."
          ],
          "writable": true
        },
        {
          "name": "insurance",
          "docs": [
            "The pool's insurance reserve."
          ],
          "writable": true
        },
        {
          "name": "insuranceVault",
          "docs": [
            "The reserve's token account (its balance, less pending claims, caps the claim)."
          ]
        },
        {
          "name": "claim",
          "docs": [
            "The new claim, at the pool's next claim id."
          ],
          "writable": true
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "fileClaimArgs"
            }
          }
        }
      ]
    },
    {
      "name": "fundInsurance",
      "docs": [
        "Anyone: adds tokens to the insurance reserve."
      ],
      "discriminator": [
        58,
        216,
        37,
        162,
        201,
        50,
        20,
        66
      ],
      "accounts": [
        {
          "name": "funder",
          "docs": [
            "Who pays."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Names the asset mint the donation must be in."
          ],
          "relations": [
            "insurance"
          ]
        },
        {
          "name": "insurance",
          "docs": [
            "The pool's insurance reserve."
          ],
          "writable": true
        },
        {
          "name": "insuranceVault",
          "docs": [
            "The reserve's token account."
          ],
          "writable": true
        },
        {
          "name": "funderToken",
          "docs": [
            "The funder's token account."
          ],
          "writable": true
        },
        {
          "name": "mint",
          "docs": [
            "The pool's asset mint."
          ]
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The mint's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "fundInsuranceArgs"
            }
          }
        }
      ]
    },
    {
      "name": "initializePool",
      "docs": [
        "Creates a pool, its vault, validator set and insurance reserve."
      ],
      "discriminator": [
        95,
        180,
        10,
        172,
        84,
        174,
        232,
        40
      ],
      "accounts": [
        {
          "name": "creator",
          "docs": [
            "Pays for the accounts and becomes the first ADMIN validator."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "mint",
          "docs": [
            "The asset members deposit."
          ]
        },
        {
          "name": "pool",
          "docs": [
            "Created here: the terms and the books of the pool."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  111,
                  111,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "creator"
              },
              {
                "kind": "account",
                "path": "mint"
              }
            ]
          }
        },
        {
          "name": "vault",
          "docs": [
            "The pool's vault, owned by the pool PDA."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              }
            ]
          }
        },
        {
          "name": "validatorSet",
          "docs": [
            "The validator set."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  108,
                  105,
                  100,
                  97,
                  116,
                  111,
                  114,
                  115
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              }
            ]
          }
        },
        {
          "name": "insurance",
          "docs": [
            "The insurance reserve."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  105,
                  110,
                  115,
                  117,
                  114,
                  97,
                  110,
                  99,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              }
            ]
          }
        },
        {
          "name": "insuranceVault",
          "docs": [
            "The insurance reserve's token account, owned by the reserve PDA."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  105,
                  110,
                  115,
                  117,
                  114,
                  97,
                  110,
                  99,
                  101,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              }
            ]
          }
        },
        {
          "name": "tokenProgram",
          "docs": [
            "SPL Token or Token-2022 (the mint's program)."
          ]
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "initializePoolArgs"
            }
          }
        }
      ]
    },
    {
      "name": "proposeMandate",
      "docs": [
        "Keeper or ADMIN: proposes a standing mandate (a class of trades approved once)."
      ],
      "discriminator": [
        224,
        105,
        33,
        86,
        105,
        97,
        142,
        87
      ],
      "accounts": [
        {
          "name": "proposer",
          "docs": [
            "An authorised keeper or an ADMIN; pays for the mandate (returned on close)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Hands out the id; its proposal lifetime bounds the vote."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "product"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "Holds the keeper list and the ADMINs (read only)."
          ]
        },
        {
          "name": "product",
          "docs": [
            "The product whose limits, leg rules and markets bound the mandate (read only)."
          ]
        },
        {
          "name": "mandate",
          "docs": [
            "The new mandate, at the pool's next mandate id."
          ],
          "writable": true
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "proposeMandateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "proposeTrade",
      "docs": [
        "Keeper: proposes a trade route."
      ],
      "discriminator": [
        90,
        218,
        7,
        166,
        111,
        48,
        29,
        15
      ],
      "accounts": [
        {
          "name": "keeper",
          "docs": [
            "An authorised keeper; pays for the proposal (returned on close)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Hands out the id, counts the proposal and notes its expiry (deposits wait for it)."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "product"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set (holds the keeper list)."
          ]
        },
        {
          "name": "product",
          "docs": [
            "The product the trade runs under."
          ],
          "writable": true
        },
        {
          "name": "proposal",
          "docs": [
            "The new proposal, at the pool's next proposal id."
          ],
          "writable": true
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "proposeTradeArgs"
            }
          }
        }
      ]
    },
    {
      "name": "queueChange",
      "docs": [
        "ADMIN: queues a governance change until the time lock has passed."
      ],
      "discriminator": [
        86,
        150,
        134,
        232,
        202,
        133,
        157,
        253
      ],
      "accounts": [
        {
          "name": "admin",
          "docs": [
            "An ADMIN validator; pays for the change account (returned when it is applied or cancelled)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Hands out the change id; its time lock sets when the change may apply."
          ],
          "writable": true,
          "relations": [
            "validatorSet"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ]
        },
        {
          "name": "change",
          "docs": [
            "The new pending change, at the pool's next change id."
          ],
          "writable": true
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "queueChangeArgs"
            }
          }
        }
      ]
    },
    {
      "name": "registerProduct",
      "docs": [
        "ADMIN: registers a product (disabled until an `EnableProduct` change applies)."
      ],
      "discriminator": [
        224,
        97,
        195,
        220,
        124,
        218,
        78,
        43
      ],
      "accounts": [
        {
          "name": "admin",
          "docs": [
            "An ADMIN validator; pays for the product account."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Hands out the product id."
          ],
          "writable": true,
          "relations": [
            "validatorSet"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ]
        },
        {
          "name": "product",
          "docs": [
            "The new product, at the pool's next product id."
          ],
          "writable": true
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "registerProductArgs"
            }
          }
        }
      ]
    },
    {
      "name": "rejectMandate",
      "docs": [
        "Validator: rejects a mandate."
      ],
      "discriminator": [
        138,
        4,
        11,
        120,
        96,
        11,
        252,
        158
      ],
      "accounts": [
        {
          "name": "validator",
          "docs": [
            "A validator of the pool."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Its quorum, config version and time lock decide the vote; notes an approved mandate's",
            "expiry (deposits queue until then)."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "mandate"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set (records the voter's activity)."
          ],
          "writable": true
        },
        {
          "name": "mandate",
          "docs": [
            "Receives the vote; must be pending, within its vote window and current."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "rejectMandateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "rejectTrade",
      "docs": [
        "Validator: rejects a proposal."
      ],
      "discriminator": [
        147,
        133,
        74,
        223,
        57,
        232,
        76,
        80
      ],
      "accounts": [
        {
          "name": "validator",
          "docs": [
            "A validator of the pool."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Counts the decision; its quorum and config version decide the vote."
          ],
          "writable": true,
          "relations": [
            "validatorSet",
            "proposal"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set (records the voter's activity)."
          ],
          "writable": true
        },
        {
          "name": "proposal",
          "docs": [
            "Receives the vote; must be pending and live."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "rejectTradeArgs"
            }
          }
        }
      ]
    },
    {
      "name": "removeKeeper",
      "docs": [
        "ADMIN: de-authorises a keeper at once; open proposals go stale."
      ],
      "discriminator": [
        193,
        167,
        169,
        215,
        44,
        36,
        88,
        247
      ],
      "accounts": [
        {
          "name": "admin",
          "docs": [
            "An ADMIN validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Its config version is bumped: the removed keeper's proposals go stale."
          ],
          "writable": true,
          "relations": [
            "validatorSet"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set (holds the keeper list)."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "keeperArgs"
            }
          }
        }
      ]
    },
    {
      "name": "requestDeposit",
      "docs": [
        "Member: deposits now, becoming shares once the proposals live now have ended."
      ],
      "discriminator": [
        243,
        202,
        197,
        215,
        135,
        97,
        213,
        109
      ],
      "accounts": [
        {
          "name": "member",
          "docs": [
            "The member; pays for the request (returned at settlement) and the position."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Queues the request (ids, pending total, when the head is ready)."
          ],
          "writable": true
        },
        {
          "name": "position",
          "docs": [
            "The member's position (created on the first deposit)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  101,
                  109,
                  98,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "member"
              }
            ]
          }
        },
        {
          "name": "request",
          "docs": [
            "The new request, at the pool's next deposit id."
          ],
          "writable": true
        },
        {
          "name": "memberToken",
          "docs": [
            "The member's token account."
          ],
          "writable": true
        },
        {
          "name": "vault",
          "docs": [
            "The pool's vault."
          ],
          "writable": true
        },
        {
          "name": "mint",
          "docs": [
            "The pool's asset mint."
          ]
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The mint's token program."
          ]
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "requestDepositArgs"
            }
          }
        }
      ]
    },
    {
      "name": "revokeMandate",
      "docs": [
        "LEAD or ADMIN: revokes a mandate at once."
      ],
      "discriminator": [
        252,
        97,
        140,
        119,
        67,
        43,
        177,
        108
      ],
      "accounts": [
        {
          "name": "validator",
          "docs": [
            "A LEAD or ADMIN validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Whose mandate it is (read only)."
          ],
          "relations": [
            "validatorSet",
            "mandate"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "Names the signer's role (read only)."
          ]
        },
        {
          "name": "mandate",
          "docs": [
            "Revoked at once: no execution under it lands after this."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "settleDeposit",
      "docs": [
        "Anyone: turns the oldest ready deposit request into shares."
      ],
      "discriminator": [
        14,
        246,
        224,
        0,
        26,
        237,
        144,
        57
      ],
      "accounts": [
        {
          "name": "settler",
          "docs": [
            "Whoever settles (a keeper, the member, anyone); pays only the fee."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Mints the request's shares at the current share value and advances the queue."
          ],
          "writable": true,
          "relations": [
            "request",
            "nextRequest"
          ]
        },
        {
          "name": "request",
          "docs": [
            "The oldest unsettled request."
          ],
          "writable": true
        },
        {
          "name": "depositor",
          "docs": [
            "The depositor (receives the request's rent)."
          ],
          "writable": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "position",
          "docs": [
            "The depositor's position (receives the shares)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  101,
                  109,
                  98,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "depositor"
              }
            ]
          }
        },
        {
          "name": "nextRequest",
          "docs": [
            "The request after this one, required when one exists: its `ready_at` becomes the",
            "queue's."
          ],
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "updateConfig",
      "docs": [
        "ADMIN: renames, pauses / unpauses or raises the time lock, at once."
      ],
      "discriminator": [
        29,
        158,
        252,
        191,
        10,
        83,
        219,
        99
      ],
      "accounts": [
        {
          "name": "admin",
          "docs": [
            "An ADMIN validator."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Its name, pause flag or time lock change."
          ],
          "writable": true,
          "relations": [
            "validatorSet"
          ]
        },
        {
          "name": "validatorSet",
          "docs": [
            "The pool's validator set."
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "updateConfigArgs"
            }
          }
        }
      ]
    },
    {
      "name": "withdraw",
      "docs": [
        "Member: withdraws at the share value."
      ],
      "discriminator": [
        183,
        18,
        70,
        156,
        148,
        109,
        161,
        34
      ],
      "accounts": [
        {
          "name": "member",
          "docs": [
            "The member."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "Burns the shares and pays at the current share value."
          ],
          "writable": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "position",
          "docs": [
            "The member's position."
          ],
          "writable": true
        },
        {
          "name": "memberToken",
          "docs": [
            "The member's token account."
          ],
          "writable": true
        },
        {
          "name": "vault",
          "docs": [
            "The pool's vault."
          ],
          "writable": true
        },
        {
          "name": "mint",
          "docs": [
            "The pool's asset mint."
          ]
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The mint's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "withdrawArgs"
            }
          }
        }
      ]
    }
  ],
  "accounts": [
    {
      "name": "claim",
      "discriminator": [
        155,
        70,
        22,
        176,
        123,
        215,
        246,
        102
      ]
    },
    {
      "name": "depositRequest",
      "discriminator": [
        86,
        27,
        56,
        8,
        25,
        62,
        62,
        243
      ]
    },
    {
      "name": "insuranceReserve",
      "discriminator": [
        198,
        196,
        1,
        20,
        88,
        133,
        15,
        236
      ]
    },
    {
      "name": "mandate",
      "discriminator": [
        113,
        216,
        98,
        159,
        185,
        63,
        55,
        18
      ]
    },
    {
      "name": "memberPosition",
      "discriminator": [
        88,
        118,
        224,
        251,
        240,
        186,
        123,
        175
      ]
    },
    {
      "name": "pendingChange",
      "discriminator": [
        232,
        183,
        176,
        196,
        15,
        195,
        115,
        147
      ]
    },
    {
      "name": "pool",
      "discriminator": [
        241,
        154,
        109,
        4,
        17,
        177,
        109,
        188
      ]
    },
    {
      "name": "product",
      "discriminator": [
        102,
        76,
        55,
        251,
        38,
        73,
        224,
        229
      ]
    },
    {
      "name": "tradeProposal",
      "discriminator": [
        89,
        131,
        99,
        60,
        98,
        34,
        235,
        216
      ]
    },
    {
      "name": "validatorSet",
      "discriminator": [
        35,
        206,
        97,
        202,
        43,
        11,
        11,
        127
      ]
    }
  ],
  "events": [
    {
      "name": "accountClosed",
      "discriminator": [
        19,
        250,
        79,
        236,
        91,
        80,
        148,
        48
      ]
    },
    {
      "name": "changeFinished",
      "discriminator": [
        207,
        50,
        29,
        87,
        132,
        62,
        69,
        162
      ]
    },
    {
      "name": "changeQueued",
      "discriminator": [
        232,
        143,
        80,
        230,
        125,
        117,
        169,
        213
      ]
    },
    {
      "name": "claimExpired",
      "discriminator": [
        224,
        96,
        139,
        90,
        26,
        10,
        65,
        93
      ]
    },
    {
      "name": "claimFiled",
      "discriminator": [
        78,
        228,
        214,
        247,
        197,
        67,
        130,
        19
      ]
    },
    {
      "name": "claimVoted",
      "discriminator": [
        67,
        12,
        39,
        230,
        249,
        12,
        66,
        9
      ]
    },
    {
      "name": "configUpdated",
      "discriminator": [
        40,
        241,
        230,
        122,
        11,
        19,
        198,
        194
      ]
    },
    {
      "name": "depositRequested",
      "discriminator": [
        35,
        33,
        229,
        138,
        116,
        238,
        192,
        22
      ]
    },
    {
      "name": "depositSettled",
      "discriminator": [
        154,
        83,
        222,
        39,
        153,
        147,
        84,
        58
      ]
    },
    {
      "name": "deposited",
      "discriminator": [
        111,
        141,
        26,
        45,
        161,
        35,
        100,
        57
      ]
    },
    {
      "name": "insuranceFunded",
      "discriminator": [
        158,
        72,
        23,
        80,
        138,
        56,
        33,
        206
      ]
    },
    {
      "name": "keeperChanged",
      "discriminator": [
        194,
        174,
        248,
        100,
        222,
        104,
        243,
        108
      ]
    },
    {
      "name": "mandateExecuted",
      "discriminator": [
        42,
        97,
        111,
        87,
        96,
        89,
        108,
        173
      ]
    },
    {
      "name": "mandateProposed",
      "discriminator": [
        111,
        238,
        24,
        95,
        158,
        67,
        39,
        212
      ]
    },
    {
      "name": "mandateRevoked",
      "discriminator": [
        228,
        111,
        181,
        60,
        204,
        58,
        131,
        28
      ]
    },
    {
      "name": "mandateVoted",
      "discriminator": [
        166,
        6,
        188,
        98,
        158,
        83,
        225,
        106
      ]
    },
    {
      "name": "poolInitialized",
      "discriminator": [
        100,
        118,
        173,
        87,
        12,
        198,
        254,
        229
      ]
    },
    {
      "name": "productRegistered",
      "discriminator": [
        116,
        97,
        68,
        213,
        201,
        211,
        170,
        221
      ]
    },
    {
      "name": "productToggled",
      "discriminator": [
        172,
        160,
        211,
        6,
        61,
        171,
        118,
        157
      ]
    },
    {
      "name": "proposalExpired",
      "discriminator": [
        48,
        8,
        10,
        52,
        213,
        133,
        166,
        223
      ]
    },
    {
      "name": "tradeExecuted",
      "discriminator": [
        41,
        110,
        64,
        129,
        60,
        79,
        179,
        80
      ]
    },
    {
      "name": "tradeProposed",
      "discriminator": [
        119,
        113,
        214,
        38,
        23,
        142,
        28,
        147
      ]
    },
    {
      "name": "tradeVoted",
      "discriminator": [
        94,
        117,
        57,
        236,
        25,
        100,
        242,
        56
      ]
    },
    {
      "name": "validatorChanged",
      "discriminator": [
        59,
        121,
        4,
        77,
        62,
        29,
        214,
        54
      ]
    },
    {
      "name": "withdrew",
      "discriminator": [
        15,
        125,
        249,
        65,
        130,
        86,
        20,
        166
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "mathOverflow",
      "msg": "Arithmetic overflow"
    },
    {
      "code": 6001,
      "name": "zeroAmount",
      "msg": "Amount must be greater than zero"
    },
    {
      "code": 6002,
      "name": "belowMinContribution",
      "msg": "Deposit is below the pool's minimum contribution"
    },
    {
      "code": 6003,
      "name": "zeroShares",
      "msg": "Deposit would mint zero shares"
    },
    {
      "code": 6004,
      "name": "slippageSharesOut",
      "msg": "Fewer shares than min_shares_out would be minted"
    },
    {
      "code": 6005,
      "name": "slippageAmountOut",
      "msg": "Less than min_amount_out would be paid"
    },
    {
      "code": 6006,
      "name": "insufficientShares",
      "msg": "Withdrawal exceeds the member's shares"
    },
    {
      "code": 6007,
      "name": "poolFull",
      "msg": "The pool has reached max_members"
    },
    {
      "code": 6008,
      "name": "invalidBps",
      "msg": "Basis points must be between 0 and 10000"
    },
    {
      "code": 6009,
      "name": "invalidName",
      "msg": "Name must be 1 to 32 bytes"
    },
    {
      "code": 6010,
      "name": "textTooLong",
      "msg": "Text is longer than allowed"
    },
    {
      "code": 6011,
      "name": "invalidMaxMembers",
      "msg": "max_members must be at least 1"
    },
    {
      "code": 6012,
      "name": "maxMembersBelowActive",
      "msg": "max_members is below the number of active members"
    },
    {
      "code": 6013,
      "name": "invalidMinContribution",
      "msg": "min_contribution must be at least 1 base unit"
    },
    {
      "code": 6014,
      "name": "invalidProposalTtl",
      "msg": "Proposal lifetime must be 1 second to 7 days"
    },
    {
      "code": 6015,
      "name": "invalidClaimTtl",
      "msg": "Claim lifetime must be 1 second to 90 days"
    },
    {
      "code": 6016,
      "name": "invalidTimeLock",
      "msg": "Time lock must be 0 to 90 days"
    },
    {
      "code": 6017,
      "name": "invalidMaxTradeAmount",
      "msg": "A product's max trade amount must be greater than zero"
    },
    {
      "code": 6018,
      "name": "invalidFlag",
      "msg": "A stored flag is neither 0 nor 1"
    },
    {
      "code": 6019,
      "name": "poolPaused",
      "msg": "The pool is paused: deposits and trades are blocked"
    },
    {
      "code": 6020,
      "name": "wrongPool",
      "msg": "Account belongs to a different pool"
    },
    {
      "code": 6021,
      "name": "wrongMint",
      "msg": "Token mint does not match the pool's asset mint"
    },
    {
      "code": 6022,
      "name": "wrongVault",
      "msg": "Token account is not the pool's vault"
    },
    {
      "code": 6023,
      "name": "wrongProduct",
      "msg": "Product does not match the proposal's product"
    },
    {
      "code": 6024,
      "name": "wrongTokenOwner",
      "msg": "Token account does not belong to the expected owner"
    },
    {
      "code": 6025,
      "name": "wrongRentReceiver",
      "msg": "Rent must go back to the account that paid it"
    },
    {
      "code": 6026,
      "name": "notValidator",
      "msg": "Signer is not a validator of this pool"
    },
    {
      "code": 6027,
      "name": "insufficientRole",
      "msg": "Signer's validator role is too low for this action"
    },
    {
      "code": 6028,
      "name": "notKeeper",
      "msg": "Signer is not an authorised keeper of this pool"
    },
    {
      "code": 6029,
      "name": "duplicateValidator",
      "msg": "Validator is already in the set"
    },
    {
      "code": 6030,
      "name": "duplicateKeeper",
      "msg": "Keeper is already authorised"
    },
    {
      "code": 6031,
      "name": "validatorSetFull",
      "msg": "The validator set is full"
    },
    {
      "code": 6032,
      "name": "keeperListFull",
      "msg": "The keeper list is full"
    },
    {
      "code": 6033,
      "name": "keeperNotFound",
      "msg": "Keeper is not in the list"
    },
    {
      "code": 6034,
      "name": "invalidRole",
      "msg": "Unknown validator role"
    },
    {
      "code": 6035,
      "name": "invalidQuorum",
      "msg": "required_approvals must be between 1 and the number of validators (and of SENIOR+ claim voters)"
    },
    {
      "code": 6036,
      "name": "lastAdmin",
      "msg": "At least one ADMIN validator must remain"
    },
    {
      "code": 6037,
      "name": "productDisabled",
      "msg": "Product is disabled"
    },
    {
      "code": 6038,
      "name": "productStateUnchanged",
      "msg": "Product is already in that state"
    },
    {
      "code": 6039,
      "name": "tooManyPrograms",
      "msg": "Too many allowed programs for a product"
    },
    {
      "code": 6040,
      "name": "programNotAllowed",
      "msg": "Route calls a program the product does not allow"
    },
    {
      "code": 6041,
      "name": "tradeTooLarge",
      "msg": "Trade amount exceeds the product's maximum trade size"
    },
    {
      "code": 6042,
      "name": "tradeExceedsPool",
      "msg": "Trade amount exceeds the pool's assets"
    },
    {
      "code": 6043,
      "name": "invalidMinProfit",
      "msg": "Minimum profit is below the product's floor or above the expected profit"
    },
    {
      "code": 6044,
      "name": "invalidRouteLength",
      "msg": "A route has 1 to 4 legs"
    },
    {
      "code": 6045,
      "name": "routeLegTooLarge",
      "msg": "A route leg is too large"
    },
    {
      "code": 6046,
      "name": "routeMismatch",
      "msg": "The route does not match the approved route hash"
    },
    {
      "code": 6047,
      "name": "proposalInRoute",
      "msg": "A route leg may not pass the proposal account"
    },
    {
      "code": 6048,
      "name": "routeSignerNotAllowed",
      "msg": "Only the pool PDA may sign a route leg"
    },
    {
      "code": 6049,
      "name": "routeAccountMissing",
      "msg": "An account named by the route was not supplied"
    },
    {
      "code": 6050,
      "name": "routeSelfInvocation",
      "msg": "A route leg may not call the Pool Bot program itself"
    },
    {
      "code": 6051,
      "name": "proposalNotPending",
      "msg": "Proposal is not pending"
    },
    {
      "code": 6052,
      "name": "proposalNotApproved",
      "msg": "Proposal is not approved"
    },
    {
      "code": 6053,
      "name": "proposalExpired",
      "msg": "Proposal has expired"
    },
    {
      "code": 6054,
      "name": "proposalStale",
      "msg": "Proposal is stale: validators or quorum changed since it was made"
    },
    {
      "code": 6055,
      "name": "proposalStillLive",
      "msg": "Proposal is still live: neither expired nor stale"
    },
    {
      "code": 6056,
      "name": "proposalNotFinished",
      "msg": "Proposal is not finished (executed, rejected or expired)"
    },
    {
      "code": 6057,
      "name": "proposalFinished",
      "msg": "Proposal is already finished (executed, rejected or expired)"
    },
    {
      "code": 6058,
      "name": "alreadyVoted",
      "msg": "Validator has already voted"
    },
    {
      "code": 6059,
      "name": "profitBelowMinimum",
      "msg": "Vault gained less than the approved minimum profit"
    },
    {
      "code": 6060,
      "name": "vaultAuthorityChanged",
      "msg": "The route changed the vault's owner, delegate or close authority"
    },
    {
      "code": 6061,
      "name": "claimExceedsReserve",
      "msg": "Claim amount exceeds what the insurance reserve holds beyond pending claims"
    },
    {
      "code": 6062,
      "name": "claimNotPending",
      "msg": "Claim is not pending"
    },
    {
      "code": 6063,
      "name": "claimNotFinished",
      "msg": "Claim is not finished (paid or denied)"
    },
    {
      "code": 6064,
      "name": "notMember",
      "msg": "Claimant is not a member of this pool"
    },
    {
      "code": 6065,
      "name": "unknownProposal",
      "msg": "No trade proposal with this id exists in the pool"
    },
    {
      "code": 6066,
      "name": "proposalsLive",
      "msg": "A trade proposal or mandate is live: request a deposit instead (it becomes shares once every live proposal has ended, and after a proposal lifetime while a mandate stands)"
    },
    {
      "code": 6067,
      "name": "depositsAwaitingSettlement",
      "msg": "A matured deposit request must be settled before a trade can execute"
    },
    {
      "code": 6068,
      "name": "wrongDepositRequest",
      "msg": "Deposit request is not the oldest unsettled one, or the next request was not given"
    },
    {
      "code": 6069,
      "name": "depositNotReady",
      "msg": "Deposit request not ready: a proposal live when it was made may still execute"
    },
    {
      "code": 6070,
      "name": "booksOutOfBalance",
      "msg": "The books do not balance (an invariant failed)"
    },
    {
      "code": 6071,
      "name": "withdrawalLeavesDust",
      "msg": "Withdrawal would leave less than the minimum contribution: withdraw everything or leave at least min_contribution"
    },
    {
      "code": 6072,
      "name": "claimAlreadyOpen",
      "msg": "The member already has a claim awaiting a decision"
    },
    {
      "code": 6073,
      "name": "claimExceedsStake",
      "msg": "Claim exceeds the claimant's capital at stake (contributed minus withdrawn minus claims paid)"
    },
    {
      "code": 6074,
      "name": "claimantCannotVote",
      "msg": "A claimant may not vote on their own claim"
    },
    {
      "code": 6075,
      "name": "claimExpired",
      "msg": "Claim has expired"
    },
    {
      "code": 6076,
      "name": "claimStillOpen",
      "msg": "Claim is still open for votes"
    },
    {
      "code": 6077,
      "name": "mintTransferFee",
      "msg": "The mint charges transfer fees: the vault would get less than members are credited"
    },
    {
      "code": 6078,
      "name": "mintTransferHook",
      "msg": "The mint has a transfer hook: its program could block every withdrawal"
    },
    {
      "code": 6079,
      "name": "mintPermanentDelegate",
      "msg": "The mint has a permanent delegate who could move the vault's tokens"
    },
    {
      "code": 6080,
      "name": "mintPausable",
      "msg": "The mint is pausable: its issuer could freeze every withdrawal"
    },
    {
      "code": 6081,
      "name": "mintNonTransferable",
      "msg": "The mint is non-transferable"
    },
    {
      "code": 6082,
      "name": "mintDefaultAccountState",
      "msg": "The mint sets a default account state (accounts may start frozen)"
    },
    {
      "code": 6083,
      "name": "mintConfidentialTransfers",
      "msg": "The mint has confidential transfers: balances the pool books could move unseen"
    },
    {
      "code": 6084,
      "name": "mintExtensionNotSupported",
      "msg": "The mint has an extension the pool does not support"
    },
    {
      "code": 6085,
      "name": "invalidLegRule",
      "msg": "A leg rule needs a 1 to 8 byte discriminator and distinct source and destination"
    },
    {
      "code": 6086,
      "name": "tooManyLegRules",
      "msg": "A product may declare at most 4 leg rules"
    },
    {
      "code": 6087,
      "name": "tooManyMarkets",
      "msg": "A product may list at most 16 markets, each once"
    },
    {
      "code": 6088,
      "name": "legNotAllowed",
      "msg": "The leg calls an instruction no leg rule of the product allows"
    },
    {
      "code": 6089,
      "name": "legAccountNotPoolOwned",
      "msg": "A leg's source or destination is not a token account the pool owns"
    },
    {
      "code": 6090,
      "name": "marketNotAllowed",
      "msg": "The leg trades on a market the product does not list"
    },
    {
      "code": 6091,
      "name": "routeSpentTooMuch",
      "msg": "The route took more from the vault than the approved amount_in"
    },
    {
      "code": 6092,
      "name": "routeDrainedPoolAccount",
      "msg": "The route left a pool token account with less, another owner, a delegate or a closer"
    },
    {
      "code": 6093,
      "name": "changeNotDue",
      "msg": "The governance change is still waiting out the time lock"
    },
    {
      "code": 6094,
      "name": "timeLockLowered",
      "msg": "Lowering the time lock waits out the current one: queue a change"
    },
    {
      "code": 6095,
      "name": "claimCooldown",
      "msg": "The member's last claim was denied or expired: it may file again after a cooldown"
    },
    {
      "code": 6096,
      "name": "mandateMarkets",
      "msg": "A mandate lists 1 to 8 markets, each once"
    },
    {
      "code": 6097,
      "name": "mandateMarketNotAllowed",
      "msg": "The mandate names a market its product does not list"
    },
    {
      "code": 6098,
      "name": "mandateBudget",
      "msg": "A mandate's budget needs a period of a minute to 30 days, at least one trade, and notional at least max_amount_in"
    },
    {
      "code": 6099,
      "name": "mandateDuration",
      "msg": "A mandate stands 1 second to 30 days"
    },
    {
      "code": 6100,
      "name": "mandateMinProfitTooLow",
      "msg": "The mandate's minimum profit is below the product's"
    },
    {
      "code": 6101,
      "name": "mandateNotPending",
      "msg": "Mandate is not pending"
    },
    {
      "code": 6102,
      "name": "mandateNotApproved",
      "msg": "Mandate is not approved"
    },
    {
      "code": 6103,
      "name": "mandateNotYetActive",
      "msg": "Mandate is approved but still waiting out the pool's time lock"
    },
    {
      "code": 6104,
      "name": "mandateExpired",
      "msg": "Mandate has expired"
    },
    {
      "code": 6105,
      "name": "mandateStale",
      "msg": "Mandate is stale: validators, quorum or terms changed since it was proposed"
    },
    {
      "code": 6106,
      "name": "mandateRevoked",
      "msg": "Mandate was revoked"
    },
    {
      "code": 6107,
      "name": "mandateNotRevocable",
      "msg": "Only a pending or approved mandate can be revoked"
    },
    {
      "code": 6108,
      "name": "mandateNotFinished",
      "msg": "Mandate can still be used or voted on"
    },
    {
      "code": 6109,
      "name": "mandateAmountTooLarge",
      "msg": "amount_in is above the mandate's max_amount_in"
    },
    {
      "code": 6110,
      "name": "mandateBudgetExceeded",
      "msg": "The mandate's budget for this period is spent"
    },
    {
      "code": 6111,
      "name": "mandateRouteNotClosed",
      "msg": "A mandate's route must spend from the vault first and pay back into it last"
    },
    {
      "code": 6112,
      "name": "notKeeperOrAdmin",
      "msg": "Signer is neither an authorised keeper nor an ADMIN"
    }
  ],
  "types": [
    {
      "name": "accountClosed",
      "docs": [
        "A finished proposal's, claim's or mandate's account was closed and its rent returned."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "account",
            "docs": [
              "The closed account."
            ],
            "type": "pubkey"
          },
          {
            "name": "rentTo",
            "docs": [
              "Who received the rent."
            ],
            "type": "pubkey"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "accountRef",
      "docs": [
        "An account of a leg as the proposer sends it: an index into the remaining accounts."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "index",
            "docs": [
              "Index into the instruction's remaining accounts."
            ],
            "type": "u8"
          },
          {
            "name": "isSigner",
            "docs": [
              "Signs the CPI (only the pool PDA may)."
            ],
            "type": "bool"
          },
          {
            "name": "isWritable",
            "docs": [
              "Writable in the CPI."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "changeFinished",
      "docs": [
        "A queued governance change was applied or cancelled (its account is closed)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "account",
            "docs": [
              "The pending change account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "by",
            "docs": [
              "Who applied or cancelled it."
            ],
            "type": "pubkey"
          },
          {
            "name": "applied",
            "docs": [
              "True when applied, false when cancelled."
            ],
            "type": "bool"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "changeQueued",
      "docs": [
        "A governance change was queued; it may apply from `eta`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "account",
            "docs": [
              "The pending change account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "proposer",
            "docs": [
              "The ADMIN who queued it."
            ],
            "type": "pubkey"
          },
          {
            "name": "change",
            "docs": [
              "What it does."
            ],
            "type": {
              "defined": {
                "name": "governanceChange"
              }
            }
          },
          {
            "name": "eta",
            "docs": [
              "Unix time from which anyone may apply it."
            ],
            "type": "i64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "claim",
      "docs": [
        "PDA `[SEED_CLAIM, pool, id]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool insured."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Sequential id within the pool."
            ],
            "type": "u64"
          },
          {
            "name": "claimant",
            "docs": [
              "The member claiming (paid to their token account; gets the rent back on close)."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Amount claimed, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "reason",
            "docs": [
              "The claimant's reason."
            ],
            "type": "string"
          },
          {
            "name": "proposalId",
            "docs": [
              "The trade proposal the loss relates to, if any."
            ],
            "type": {
              "option": "u64"
            }
          },
          {
            "name": "status",
            "docs": [
              "Pending, Paid or Denied."
            ],
            "type": {
              "defined": {
                "name": "claimStatus"
              }
            }
          },
          {
            "name": "approvals",
            "docs": [
              "Bit per validator slot that approved."
            ],
            "type": "u32"
          },
          {
            "name": "rejections",
            "docs": [
              "Bit per validator slot that rejected."
            ],
            "type": "u32"
          },
          {
            "name": "configVersion",
            "docs": [
              "The pool's `config_version` the votes were cast under."
            ],
            "type": "u64"
          },
          {
            "name": "filedAt",
            "docs": [
              "Unix time filed."
            ],
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "docs": [
              "Unix time from which it can no longer be voted on (then anyone may expire it)."
            ],
            "type": "i64"
          },
          {
            "name": "decidedAt",
            "docs": [
              "Unix time paid or denied."
            ],
            "type": "i64"
          },
          {
            "name": "decisionNote",
            "docs": [
              "Why it was denied (the deciding rejection's reason)."
            ],
            "type": "string"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "claimExpired",
      "docs": [
        "An undecided claim ran out of time."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "claim",
            "docs": [
              "The claim account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "amount",
            "docs": [
              "Amount it had asked for (no longer reserved)."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "claimFiled",
      "docs": [
        "A member filed an insurance claim."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "claim",
            "docs": [
              "The claim account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "claimant",
            "docs": [
              "The member."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Amount."
            ],
            "type": "u64"
          },
          {
            "name": "reason",
            "docs": [
              "Reason."
            ],
            "type": "string"
          },
          {
            "name": "proposalId",
            "docs": [
              "Related proposal id."
            ],
            "type": {
              "option": "u64"
            }
          },
          {
            "name": "expiresAt",
            "docs": [
              "Unix time from which it can no longer be voted on."
            ],
            "type": "i64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "claimStatus",
      "docs": [
        "Where a claim is in its life."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "pending"
          },
          {
            "name": "paid"
          },
          {
            "name": "denied"
          },
          {
            "name": "expired"
          }
        ]
      }
    },
    {
      "name": "claimVoted",
      "docs": [
        "A validator voted on a claim."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "claim",
            "docs": [
              "The claim account."
            ],
            "type": "pubkey"
          },
          {
            "name": "validator",
            "docs": [
              "The validator."
            ],
            "type": "pubkey"
          },
          {
            "name": "approve",
            "docs": [
              "Approve (true) or deny."
            ],
            "type": "bool"
          },
          {
            "name": "reason",
            "docs": [
              "The denial reason (empty for approvals)."
            ],
            "type": "string"
          },
          {
            "name": "status",
            "docs": [
              "Status after the vote."
            ],
            "type": {
              "defined": {
                "name": "claimStatus"
              }
            }
          },
          {
            "name": "paid",
            "docs": [
              "Amount paid by this vote (0 unless it paid the claim)."
            ],
            "type": "u64"
          },
          {
            "name": "reserveBalance",
            "docs": [
              "Reserve balance after."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "configChange",
      "docs": [
        "Configuration fields that change only through the time lock (`None` keeps the value)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "maxMembers",
            "docs": [
              "Most active members."
            ],
            "type": {
              "option": "u32"
            }
          },
          {
            "name": "minContribution",
            "docs": [
              "Smallest deposit."
            ],
            "type": {
              "option": "u64"
            }
          },
          {
            "name": "insuranceBps",
            "docs": [
              "Insurance share of each gain, in basis points."
            ],
            "type": {
              "option": "u16"
            }
          },
          {
            "name": "requiredApprovals",
            "docs": [
              "Trade approvals needed."
            ],
            "type": {
              "option": "u8"
            }
          },
          {
            "name": "requireLeadApproval",
            "docs": [
              "Whether one trade approval must come from a LEAD or ADMIN."
            ],
            "type": {
              "option": "bool"
            }
          },
          {
            "name": "proposalTtl",
            "docs": [
              "Seconds a proposal stays open."
            ],
            "type": {
              "option": "i64"
            }
          },
          {
            "name": "claimRequiredApprovals",
            "docs": [
              "Claim approvals needed."
            ],
            "type": {
              "option": "u8"
            }
          },
          {
            "name": "claimRequireLeadApproval",
            "docs": [
              "Whether one claim approval must come from a LEAD or ADMIN."
            ],
            "type": {
              "option": "bool"
            }
          },
          {
            "name": "claimTtl",
            "docs": [
              "Seconds a claim stays open."
            ],
            "type": {
              "option": "i64"
            }
          },
          {
            "name": "timeLock",
            "docs": [
              "A shorter time lock (raising it is immediate, through `update_config`)."
            ],
            "type": {
              "option": "i64"
            }
          }
        ]
      }
    },
    {
      "name": "configUpdated",
      "docs": [
        "The configuration changed (values after the change)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "admin",
            "docs": [
              "The ADMIN who changed it."
            ],
            "type": "pubkey"
          },
          {
            "name": "maxMembers",
            "docs": [
              "Maximum active members."
            ],
            "type": "u32"
          },
          {
            "name": "minContribution",
            "docs": [
              "Minimum deposit."
            ],
            "type": "u64"
          },
          {
            "name": "insuranceBps",
            "docs": [
              "Insurance share in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "requiredApprovals",
            "docs": [
              "Approvals needed."
            ],
            "type": "u8"
          },
          {
            "name": "requireLeadApproval",
            "docs": [
              "Whether a LEAD or ADMIN approval is needed."
            ],
            "type": "bool"
          },
          {
            "name": "proposalTtl",
            "docs": [
              "Proposal lifetime, seconds."
            ],
            "type": "i64"
          },
          {
            "name": "claimRequiredApprovals",
            "docs": [
              "Claim approvals needed."
            ],
            "type": "u8"
          },
          {
            "name": "claimRequireLead",
            "docs": [
              "Whether a LEAD or ADMIN claim approval is needed."
            ],
            "type": "bool"
          },
          {
            "name": "claimTtl",
            "docs": [
              "Claim lifetime, seconds."
            ],
            "type": "i64"
          },
          {
            "name": "timeLock",
            "docs": [
              "Governance time lock, seconds."
            ],
            "type": "i64"
          },
          {
            "name": "paused",
            "docs": [
              "Whether deposits and trades are blocked."
            ],
            "type": "bool"
          },
          {
            "name": "configVersion",
            "docs": [
              "Config version (bumped when the quorum changed)."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "denyClaimArgs",
      "docs": [
        "Arguments of `deny_claim`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reason",
            "docs": [
              "Why (at most 200 bytes; kept in the claim when this vote denies it)."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "depositArgs",
      "docs": [
        "Arguments of `deposit`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amount",
            "docs": [
              "Amount, in base units (at least the pool's `min_contribution`)."
            ],
            "type": "u64"
          },
          {
            "name": "minSharesOut",
            "docs": [
              "Least shares the member accepts (slippage bound)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "depositRequest",
      "docs": [
        "PDA `[SEED_DEPOSIT, pool, id]`. Settled strictly in id order (`ready_at` never decreases",
        "with the id), by anyone, once `ready_at` has passed; the rent goes back to the depositor."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool this account belongs to (checked with `has_one = pool`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "depositor",
            "docs": [
              "The member whose position receives the shares."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Sequential id within the pool."
            ],
            "type": "u64"
          },
          {
            "name": "amount",
            "docs": [
              "Amount already moved into the vault, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "requestedAt",
            "docs": [
              "Unix time requested."
            ],
            "type": "i64"
          },
          {
            "name": "readyAt",
            "docs": [
              "Unix time from which it can be settled: when the last proposal live at `requested_at`",
              "expires."
            ],
            "type": "i64"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "depositRequested",
      "docs": [
        "A member's deposit was queued until the proposals live now have ended."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "request",
            "docs": [
              "The request account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "member",
            "docs": [
              "The member."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Amount moved into the vault."
            ],
            "type": "u64"
          },
          {
            "name": "readyAt",
            "docs": [
              "Unix time from which it can be settled."
            ],
            "type": "i64"
          },
          {
            "name": "pendingDeposits",
            "docs": [
              "Pool pending deposits after."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "depositSettled",
      "docs": [
        "A deposit request became shares."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "request",
            "docs": [
              "The (now closed) request account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "member",
            "docs": [
              "The member."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Amount settled."
            ],
            "type": "u64"
          },
          {
            "name": "shares",
            "docs": [
              "Shares minted."
            ],
            "type": "u64"
          },
          {
            "name": "totalShares",
            "docs": [
              "Pool total shares after."
            ],
            "type": "u64"
          },
          {
            "name": "totalAssets",
            "docs": [
              "Pool total assets after."
            ],
            "type": "u64"
          },
          {
            "name": "pendingDeposits",
            "docs": [
              "Pool pending deposits after."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "deposited",
      "docs": [
        "A member deposited."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "member",
            "docs": [
              "The member."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Amount deposited."
            ],
            "type": "u64"
          },
          {
            "name": "shares",
            "docs": [
              "Shares minted."
            ],
            "type": "u64"
          },
          {
            "name": "totalShares",
            "docs": [
              "Pool total shares after."
            ],
            "type": "u64"
          },
          {
            "name": "totalAssets",
            "docs": [
              "Pool total assets after."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "executeMandateArgs",
      "docs": [
        "Arguments of `execute_mandate`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amountIn",
            "docs": [
              "Vault amount the route puts in."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Least gain the keeper accepts (raised to the mandate's minimum when lower)."
            ],
            "type": "u64"
          },
          {
            "name": "legs",
            "docs": [
              "The route, accounts by index into the remaining accounts."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "legSpec"
                }
              }
            }
          }
        ]
      }
    },
    {
      "name": "fileClaimArgs",
      "docs": [
        "Arguments of `file_claim`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amount",
            "docs": [
              "Amount claimed, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "reason",
            "docs": [
              "What happened (at most 200 bytes)."
            ],
            "type": "string"
          },
          {
            "name": "proposalId",
            "docs": [
              "The trade proposal the loss relates to, if any (an id the pool has issued)."
            ],
            "type": {
              "option": "u64"
            }
          }
        ]
      }
    },
    {
      "name": "fundInsuranceArgs",
      "docs": [
        "Arguments of `fund_insurance`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amount",
            "docs": [
              "Amount, in base units."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "governanceChange",
      "docs": [
        "What a queued change does when applied."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "addValidator",
            "fields": [
              {
                "name": "validator",
                "docs": [
                  "Its wallet."
                ],
                "type": "pubkey"
              },
              {
                "name": "role",
                "docs": [
                  "Its role."
                ],
                "type": {
                  "defined": {
                    "name": "role"
                  }
                }
              }
            ]
          },
          {
            "name": "removeValidator",
            "fields": [
              {
                "name": "validator",
                "docs": [
                  "Its wallet."
                ],
                "type": "pubkey"
              }
            ]
          },
          {
            "name": "setValidatorRole",
            "fields": [
              {
                "name": "validator",
                "docs": [
                  "Its wallet."
                ],
                "type": "pubkey"
              },
              {
                "name": "role",
                "docs": [
                  "The new role."
                ],
                "type": {
                  "defined": {
                    "name": "role"
                  }
                }
              }
            ]
          },
          {
            "name": "addKeeper",
            "fields": [
              {
                "name": "keeper",
                "docs": [
                  "Its wallet."
                ],
                "type": "pubkey"
              }
            ]
          },
          {
            "name": "enableProduct",
            "fields": [
              {
                "name": "product",
                "docs": [
                  "The product account."
                ],
                "type": "pubkey"
              }
            ]
          },
          {
            "name": "config",
            "fields": [
              {
                "defined": {
                  "name": "configChange"
                }
              }
            ]
          }
        ]
      }
    },
    {
      "name": "initializePoolArgs",
      "docs": [
        "Arguments of `initialize_pool`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "name",
            "docs": [
              "Display name, 1 to 32 bytes."
            ],
            "type": "string"
          },
          {
            "name": "maxMembers",
            "docs": [
              "Most active members."
            ],
            "type": "u32"
          },
          {
            "name": "minContribution",
            "docs": [
              "Smallest deposit, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "insuranceBps",
            "docs": [
              "Share of each trade's gain sent to the insurance reserve (500 = 5%)."
            ],
            "type": "u16"
          },
          {
            "name": "requiredApprovals",
            "docs": [
              "Trade approvals needed (the creator is the only validator at first, so 1)."
            ],
            "type": "u8"
          },
          {
            "name": "requireLeadApproval",
            "docs": [
              "Whether one approval must come from a LEAD or ADMIN."
            ],
            "type": "bool"
          },
          {
            "name": "proposalTtl",
            "docs": [
              "Seconds a proposal stays open (also the longest a requested deposit waits)."
            ],
            "type": "i64"
          },
          {
            "name": "claimRequiredApprovals",
            "docs": [
              "Claim approvals needed (SENIOR+ voters other than the claimant; 1 at first, as for",
              "trades)."
            ],
            "type": "u8"
          },
          {
            "name": "claimRequireLeadApproval",
            "docs": [
              "Whether one claim approval must come from a LEAD or ADMIN."
            ],
            "type": "bool"
          },
          {
            "name": "claimTtl",
            "docs": [
              "Seconds a claim stays open for votes."
            ],
            "type": "i64"
          },
          {
            "name": "timeLock",
            "docs": [
              "Seconds a governance change waits between being queued and applied (0 for fixtures",
              "only; production pools: days, so members can withdraw first)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "insuranceFunded",
      "docs": [
        "Someone funded the insurance reserve directly."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "funder",
            "docs": [
              "Who paid."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Amount."
            ],
            "type": "u64"
          },
          {
            "name": "reserveBalance",
            "docs": [
              "Reserve balance after."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "insuranceReserve",
      "docs": [
        "PDA `[SEED_INSURANCE, pool]`; authority of its token account `[SEED_INSURANCE_VAULT, pool]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool insured."
            ],
            "type": "pubkey"
          },
          {
            "name": "vault",
            "docs": [
              "The reserve's token account (pool asset mint)."
            ],
            "type": "pubkey"
          },
          {
            "name": "totalAllocated",
            "docs": [
              "Sum of the insurance share of every executed trade."
            ],
            "type": "u64"
          },
          {
            "name": "totalFunded",
            "docs": [
              "Sum of direct funding (`fund_insurance`)."
            ],
            "type": "u64"
          },
          {
            "name": "totalPaid",
            "docs": [
              "Sum paid out on claims."
            ],
            "type": "u64"
          },
          {
            "name": "claimsFiled",
            "docs": [
              "Claims filed."
            ],
            "type": "u64"
          },
          {
            "name": "claimsPaid",
            "docs": [
              "Claims paid."
            ],
            "type": "u64"
          },
          {
            "name": "claimsDenied",
            "docs": [
              "Claims denied."
            ],
            "type": "u64"
          },
          {
            "name": "claimsExpired",
            "docs": [
              "Claims that expired undecided."
            ],
            "type": "u64"
          },
          {
            "name": "pendingClaims",
            "docs": [
              "Claims awaiting a decision."
            ],
            "type": "u64"
          },
          {
            "name": "pendingAmount",
            "docs": [
              "Sum of pending claims' amounts."
            ],
            "type": "u64"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          },
          {
            "name": "vaultBump",
            "docs": [
              "Bump of the token account PDA."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "keeperArgs",
      "docs": [
        "Arguments of `remove_keeper`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "keeper",
            "docs": [
              "The keeper's wallet."
            ],
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "keeperChanged",
      "docs": [
        "A keeper was authorised or de-authorised."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "admin",
            "docs": [
              "The ADMIN who made the change."
            ],
            "type": "pubkey"
          },
          {
            "name": "keeper",
            "docs": [
              "The keeper."
            ],
            "type": "pubkey"
          },
          {
            "name": "authorised",
            "docs": [
              "True when added, false when removed."
            ],
            "type": "bool"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "legRule",
      "docs": [
        "A leg rule as stored in a product."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "program",
            "docs": [
              "The program the leg invokes."
            ],
            "type": "pubkey"
          },
          {
            "name": "discriminator",
            "docs": [
              "The instruction data must start with the first `discriminator_len` of these bytes."
            ],
            "type": {
              "array": [
                "u8",
                8
              ]
            }
          },
          {
            "name": "discriminatorLen",
            "docs": [
              "How many bytes of `discriminator` are matched (1 to 8)."
            ],
            "type": "u8"
          },
          {
            "name": "sourceIndex",
            "docs": [
              "Index, in the leg's accounts, of the token account it spends from."
            ],
            "type": "u8"
          },
          {
            "name": "destinationIndex",
            "docs": [
              "Index, in the leg's accounts, of the token account it pays into."
            ],
            "type": "u8"
          },
          {
            "name": "marketIndex",
            "docs": [
              "Index, in the leg's accounts, of the market (DEX pool), or `NO_MARKET`."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Keeps the layout a multiple of 8 bytes."
            ],
            "type": {
              "array": [
                "u8",
                4
              ]
            }
          }
        ]
      }
    },
    {
      "name": "legRuleArgs",
      "docs": [
        "A leg rule as an ADMIN declares it."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "program",
            "docs": [
              "The program the leg invokes (never Pool Bot itself)."
            ],
            "type": "pubkey"
          },
          {
            "name": "discriminator",
            "docs": [
              "Leading bytes of the instruction data (1 to 8; an Anchor instruction's 8-byte",
              "discriminator, an SPL instruction's 1-byte tag)."
            ],
            "type": "bytes"
          },
          {
            "name": "sourceIndex",
            "docs": [
              "Index of the token account the leg spends from."
            ],
            "type": "u8"
          },
          {
            "name": "destinationIndex",
            "docs": [
              "Index of the token account the leg pays into."
            ],
            "type": "u8"
          },
          {
            "name": "marketIndex",
            "docs": [
              "Index of the market account, if the instruction names one."
            ],
            "type": {
              "option": "u8"
            }
          }
        ]
      }
    },
    {
      "name": "legSpec",
      "docs": [
        "A leg as the proposer sends it."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "programIndex",
            "docs": [
              "Index of the invoked program in the remaining accounts."
            ],
            "type": "u8"
          },
          {
            "name": "accounts",
            "docs": [
              "Its accounts, in order."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "accountRef"
                }
              }
            }
          },
          {
            "name": "data",
            "docs": [
              "Its instruction data."
            ],
            "type": "bytes"
          }
        ]
      }
    },
    {
      "name": "mandate",
      "docs": [
        "PDA `[SEED_MANDATE, pool, id]`."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool this account belongs to (checked with `has_one = pool`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "proposer",
            "docs": [
              "Who proposed it (a keeper or an ADMIN; gets the rent back on close)."
            ],
            "type": "pubkey"
          },
          {
            "name": "product",
            "docs": [
              "The product whose leg rules every route must also obey."
            ],
            "type": "pubkey"
          },
          {
            "name": "markets",
            "docs": [
              "Markets the routes may trade (first `market_count`)."
            ],
            "type": {
              "array": [
                "pubkey",
                8
              ]
            }
          },
          {
            "name": "id",
            "docs": [
              "Sequential id within the pool."
            ],
            "type": "u64"
          },
          {
            "name": "maxAmountIn",
            "docs": [
              "Largest `amount_in` of one execution."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Least gain of one execution, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "period",
            "docs": [
              "Seconds in one budget period."
            ],
            "type": "i64"
          },
          {
            "name": "maxNotionalPerPeriod",
            "docs": [
              "Most `amount_in` summed over a period."
            ],
            "type": "u64"
          },
          {
            "name": "duration",
            "docs": [
              "Seconds it stands once active."
            ],
            "type": "i64"
          },
          {
            "name": "configVersion",
            "docs": [
              "The pool's `config_version` when proposed: any later change makes it stale."
            ],
            "type": "u64"
          },
          {
            "name": "createdAt",
            "docs": [
              "Unix time proposed."
            ],
            "type": "i64"
          },
          {
            "name": "voteExpiresAt",
            "docs": [
              "Unix time votes close (proposal time plus the pool's proposal lifetime)."
            ],
            "type": "i64"
          },
          {
            "name": "activeFrom",
            "docs": [
              "Unix time of its first permitted use (approval plus the pool's time lock)."
            ],
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "docs": [
              "Unix time from which it can no longer be used (`active_from + duration`)."
            ],
            "type": "i64"
          },
          {
            "name": "decidedAt",
            "docs": [
              "Unix time of the last status change."
            ],
            "type": "i64"
          },
          {
            "name": "periodStart",
            "docs": [
              "Start of the current budget period."
            ],
            "type": "i64"
          },
          {
            "name": "notionalInPeriod",
            "docs": [
              "`amount_in` used in the current period."
            ],
            "type": "u64"
          },
          {
            "name": "executions",
            "docs": [
              "Executions under it."
            ],
            "type": "u64"
          },
          {
            "name": "totalNotional",
            "docs": [
              "Sum of their `amount_in`."
            ],
            "type": "u64"
          },
          {
            "name": "totalGain",
            "docs": [
              "Sum of their gains."
            ],
            "type": "u64"
          },
          {
            "name": "approvals",
            "docs": [
              "Bit per validator slot that approved."
            ],
            "type": "u32"
          },
          {
            "name": "rejections",
            "docs": [
              "Bit per validator slot that rejected."
            ],
            "type": "u32"
          },
          {
            "name": "maxTradesPerPeriod",
            "docs": [
              "Most executions per period."
            ],
            "type": "u32"
          },
          {
            "name": "tradesInPeriod",
            "docs": [
              "Executions in the current period."
            ],
            "type": "u32"
          },
          {
            "name": "minProfitBps",
            "docs": [
              "Least gain of one execution in basis points of its `amount_in`."
            ],
            "type": "u16"
          },
          {
            "name": "marketCount",
            "docs": [
              "Entries used in `markets`."
            ],
            "type": "u8"
          },
          {
            "name": "status",
            "docs": [
              "`MandateStatus as u8`."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Keeps the layout a multiple of 8 bytes."
            ],
            "type": {
              "array": [
                "u8",
                3
              ]
            }
          }
        ]
      }
    },
    {
      "name": "mandateExecuted",
      "docs": [
        "A keeper ran a route under a mandate (totals after it)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "mandate",
            "docs": [
              "The mandate account."
            ],
            "type": "pubkey"
          },
          {
            "name": "executor",
            "docs": [
              "The keeper."
            ],
            "type": "pubkey"
          },
          {
            "name": "amountIn",
            "docs": [
              "Vault amount the route put in."
            ],
            "type": "u64"
          },
          {
            "name": "gain",
            "docs": [
              "Vault gain."
            ],
            "type": "u64"
          },
          {
            "name": "insurance",
            "docs": [
              "Of which went to the insurance reserve."
            ],
            "type": "u64"
          },
          {
            "name": "memberProfit",
            "docs": [
              "Of which stayed with the members."
            ],
            "type": "u64"
          },
          {
            "name": "tradesInPeriod",
            "docs": [
              "Executions in the mandate's current period."
            ],
            "type": "u32"
          },
          {
            "name": "notionalInPeriod",
            "docs": [
              "`amount_in` used in the current period."
            ],
            "type": "u64"
          },
          {
            "name": "totalShares",
            "docs": [
              "Shares outstanding."
            ],
            "type": "u64"
          },
          {
            "name": "totalAssets",
            "docs": [
              "Members' assets."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "mandateProposed",
      "docs": [
        "A keeper or ADMIN proposed a mandate (its terms, for validators to review)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "mandate",
            "docs": [
              "The mandate account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "proposer",
            "docs": [
              "Who proposed it."
            ],
            "type": "pubkey"
          },
          {
            "name": "product",
            "docs": [
              "The product whose leg rules its routes obey."
            ],
            "type": "pubkey"
          },
          {
            "name": "markets",
            "docs": [
              "Markets its routes may trade."
            ],
            "type": {
              "vec": "pubkey"
            }
          },
          {
            "name": "maxAmountIn",
            "docs": [
              "Largest `amount_in` of one execution."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Least gain of one execution, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "minProfitBps",
            "docs": [
              "Least gain of one execution, in basis points of `amount_in`."
            ],
            "type": "u16"
          },
          {
            "name": "period",
            "docs": [
              "Seconds in one budget period."
            ],
            "type": "i64"
          },
          {
            "name": "maxTradesPerPeriod",
            "docs": [
              "Most executions per period."
            ],
            "type": "u32"
          },
          {
            "name": "maxNotionalPerPeriod",
            "docs": [
              "Most `amount_in` per period."
            ],
            "type": "u64"
          },
          {
            "name": "duration",
            "docs": [
              "Seconds it stands once active."
            ],
            "type": "i64"
          },
          {
            "name": "voteExpiresAt",
            "docs": [
              "Unix time votes close."
            ],
            "type": "i64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "mandateRevoked",
      "docs": [
        "A LEAD or ADMIN revoked a mandate."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "mandate",
            "docs": [
              "The mandate account."
            ],
            "type": "pubkey"
          },
          {
            "name": "by",
            "docs": [
              "Who revoked it."
            ],
            "type": "pubkey"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "mandateStatus",
      "docs": [
        "Where a mandate is in its life, as stored."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "pending"
          },
          {
            "name": "approved"
          },
          {
            "name": "rejected"
          },
          {
            "name": "revoked"
          }
        ]
      }
    },
    {
      "name": "mandateTerms",
      "docs": [
        "The terms a keeper or ADMIN proposes."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "markets",
            "docs": [
              "DEX pool accounts the routes may trade (1 to `MAX_MANDATE_MARKETS`, each listed by the",
              "product when it lists markets)."
            ],
            "type": {
              "vec": "pubkey"
            }
          },
          {
            "name": "maxAmountIn",
            "docs": [
              "Largest `amount_in` of one execution."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Least gain of one execution, in base units (at least the product's `min_profit`)."
            ],
            "type": "u64"
          },
          {
            "name": "minProfitBps",
            "docs": [
              "Least gain of one execution in basis points of its `amount_in` (the larger bound wins)."
            ],
            "type": "u16"
          },
          {
            "name": "period",
            "docs": [
              "Seconds in one budget period."
            ],
            "type": "i64"
          },
          {
            "name": "maxTradesPerPeriod",
            "docs": [
              "Most executions per period."
            ],
            "type": "u32"
          },
          {
            "name": "maxNotionalPerPeriod",
            "docs": [
              "Most `amount_in` summed over a period's executions."
            ],
            "type": "u64"
          },
          {
            "name": "duration",
            "docs": [
              "Seconds it stands once active (at most `MAX_MANDATE_DURATION`)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "mandateVoted",
      "docs": [
        "A validator voted on a mandate."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "mandate",
            "docs": [
              "The mandate account."
            ],
            "type": "pubkey"
          },
          {
            "name": "validator",
            "docs": [
              "The validator."
            ],
            "type": "pubkey"
          },
          {
            "name": "approve",
            "docs": [
              "Approve (true) or reject."
            ],
            "type": "bool"
          },
          {
            "name": "reason",
            "docs": [
              "The rejection reason (empty for approvals)."
            ],
            "type": "string"
          },
          {
            "name": "approvals",
            "docs": [
              "Approvals so far."
            ],
            "type": "u8"
          },
          {
            "name": "rejections",
            "docs": [
              "Rejections so far."
            ],
            "type": "u8"
          },
          {
            "name": "status",
            "docs": [
              "Status after the vote."
            ],
            "type": {
              "defined": {
                "name": "mandateStatus"
              }
            }
          },
          {
            "name": "activeFrom",
            "docs": [
              "Unix time of its first permitted use (set when approved)."
            ],
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "docs": [
              "Unix time it stops (set when approved)."
            ],
            "type": "i64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "memberPosition",
      "docs": [
        "PDA `[SEED_MEMBER, pool, owner]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool this account belongs to (checked with `has_one = pool`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "owner",
            "docs": [
              "The member's wallet."
            ],
            "type": "pubkey"
          },
          {
            "name": "shares",
            "docs": [
              "Shares held."
            ],
            "type": "u64"
          },
          {
            "name": "pendingDeposit",
            "docs": [
              "Requested deposits not yet settled into shares."
            ],
            "type": "u64"
          },
          {
            "name": "capitalContributed",
            "docs": [
              "Sum of the member's deposits (settled or not)."
            ],
            "type": "u64"
          },
          {
            "name": "totalWithdrawn",
            "docs": [
              "Sum of the member's withdrawals."
            ],
            "type": "u64"
          },
          {
            "name": "claimsPaid",
            "docs": [
              "Sum of insurance claims paid to the member."
            ],
            "type": "u64"
          },
          {
            "name": "joinedAt",
            "docs": [
              "Unix time of the first deposit."
            ],
            "type": "i64"
          },
          {
            "name": "lastActivityAt",
            "docs": [
              "Unix time of the last deposit or withdrawal."
            ],
            "type": "i64"
          },
          {
            "name": "status",
            "docs": [
              "Active or Withdrawn."
            ],
            "type": {
              "defined": {
                "name": "memberStatus"
              }
            }
          },
          {
            "name": "nextClaimAt",
            "docs": [
              "Unix time before which the member may not file again, after a claim was denied or",
              "expired (so one member cannot keep the reserve held back by re-filing)."
            ],
            "type": "i64"
          },
          {
            "name": "openClaim",
            "docs": [
              "1 while one of the member's claims awaits a decision (one at a time)."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "memberStatus",
      "docs": [
        "Whether a member holds shares or money waiting to become shares."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "active"
          },
          {
            "name": "withdrawn"
          }
        ]
      }
    },
    {
      "name": "pendingChange",
      "docs": [
        "PDA `[SEED_CHANGE, pool, id]`; closed (rent to the proposer) when applied or cancelled."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool this account belongs to (checked with `has_one = pool`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Sequential id within the pool."
            ],
            "type": "u64"
          },
          {
            "name": "proposer",
            "docs": [
              "The ADMIN who queued it (gets the rent back)."
            ],
            "type": "pubkey"
          },
          {
            "name": "change",
            "docs": [
              "What it does."
            ],
            "type": {
              "defined": {
                "name": "governanceChange"
              }
            }
          },
          {
            "name": "queuedAt",
            "docs": [
              "Unix time queued."
            ],
            "type": "i64"
          },
          {
            "name": "eta",
            "docs": [
              "Unix time from which anyone may apply it."
            ],
            "type": "i64"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "pool",
      "docs": [
        "One trading pool. PDA `[SEED_POOL, creator, asset_mint]`; it is also the authority of the",
        "vault and signs every route leg."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "creator",
            "docs": [
              "Who created the pool (its first ADMIN validator); part of the PDA seeds."
            ],
            "type": "pubkey"
          },
          {
            "name": "assetMint",
            "docs": [
              "The SPL token members deposit (e.g. USDC)."
            ],
            "type": "pubkey"
          },
          {
            "name": "vault",
            "docs": [
              "The pool's token account for `asset_mint`, owned by this PDA."
            ],
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "docs": [
              "The token program of `asset_mint` (SPL Token or Token-2022)."
            ],
            "type": "pubkey"
          },
          {
            "name": "name",
            "docs": [
              "UTF-8 name, zero padded."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "minContribution",
            "docs": [
              "Smallest deposit accepted, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "proposalTtl",
            "docs": [
              "Seconds a proposal stays open after it is made."
            ],
            "type": "i64"
          },
          {
            "name": "claimTtl",
            "docs": [
              "Seconds an insurance claim stays open for votes."
            ],
            "type": "i64"
          },
          {
            "name": "timeLock",
            "docs": [
              "Seconds a governance change waits between being queued and applied (members can leave",
              "first); raising it is immediate, lowering it waits out the current lock."
            ],
            "type": "i64"
          },
          {
            "name": "proposalsLiveUntil",
            "docs": [
              "Latest `expires_at` of any proposal made: until then a trade may still execute, so new",
              "money is queued (`request_deposit`) instead of buying shares at once."
            ],
            "type": "i64"
          },
          {
            "name": "mandatesActiveUntil",
            "docs": [
              "Latest `expires_at` of any approved mandate: until then a keeper may trade at any",
              "moment, so new money is queued for at least one proposal lifetime."
            ],
            "type": "i64"
          },
          {
            "name": "depositQueueReadyAt",
            "docs": [
              "`ready_at` of the oldest unsettled deposit request (`i64::MAX` when none): trades may",
              "not execute from then until it is settled, so it is priced before their profit."
            ],
            "type": "i64"
          },
          {
            "name": "totalShares",
            "docs": [
              "Shares held by all members."
            ],
            "type": "u64"
          },
          {
            "name": "totalAssets",
            "docs": [
              "Assets owed to members by internal accounting (never the live vault balance)."
            ],
            "type": "u64"
          },
          {
            "name": "pendingDeposits",
            "docs": [
              "Requested deposits in the vault that are not shares yet (not in `total_assets`)."
            ],
            "type": "u64"
          },
          {
            "name": "totalContributed",
            "docs": [
              "Sum of all deposits."
            ],
            "type": "u64"
          },
          {
            "name": "totalWithdrawn",
            "docs": [
              "Sum of all withdrawals."
            ],
            "type": "u64"
          },
          {
            "name": "totalProfit",
            "docs": [
              "Sum of executed trades' gains (before the insurance share)."
            ],
            "type": "u64"
          },
          {
            "name": "totalMemberProfit",
            "docs": [
              "The members' part of `total_profit` (after the insurance share)."
            ],
            "type": "u64"
          },
          {
            "name": "createdAt",
            "docs": [
              "Unix time of creation."
            ],
            "type": "i64"
          },
          {
            "name": "configVersion",
            "docs": [
              "Bumped when validators, roles or quorum change; older pending proposals become stale."
            ],
            "type": "u64"
          },
          {
            "name": "nextProposalId",
            "docs": [
              "Id the next trade proposal gets."
            ],
            "type": "u64"
          },
          {
            "name": "nextClaimId",
            "docs": [
              "Id the next insurance claim gets."
            ],
            "type": "u64"
          },
          {
            "name": "nextProductId",
            "docs": [
              "Id the next product gets."
            ],
            "type": "u64"
          },
          {
            "name": "nextDepositId",
            "docs": [
              "Id the next deposit request gets."
            ],
            "type": "u64"
          },
          {
            "name": "nextChangeId",
            "docs": [
              "Id the next governance change gets."
            ],
            "type": "u64"
          },
          {
            "name": "nextMandateId",
            "docs": [
              "Id the next mandate gets."
            ],
            "type": "u64"
          },
          {
            "name": "mandateTrades",
            "docs": [
              "Executions under mandates."
            ],
            "type": "u64"
          },
          {
            "name": "depositQueueHead",
            "docs": [
              "Id of the oldest unsettled deposit request (== `next_deposit_id` when none)."
            ],
            "type": "u64"
          },
          {
            "name": "tradesProposed",
            "docs": [
              "Trade proposals made."
            ],
            "type": "u64"
          },
          {
            "name": "tradesApproved",
            "docs": [
              "Proposals that reached quorum."
            ],
            "type": "u64"
          },
          {
            "name": "tradesRejected",
            "docs": [
              "Proposals rejected by the validators."
            ],
            "type": "u64"
          },
          {
            "name": "tradesExecuted",
            "docs": [
              "Proposals executed."
            ],
            "type": "u64"
          },
          {
            "name": "tradesExpired",
            "docs": [
              "Proposals that expired or went stale before execution."
            ],
            "type": "u64"
          },
          {
            "name": "maxMembers",
            "docs": [
              "Most members with a position at one time."
            ],
            "type": "u32"
          },
          {
            "name": "activeMembers",
            "docs": [
              "Members holding shares."
            ],
            "type": "u32"
          },
          {
            "name": "withdrawnMembers",
            "docs": [
              "Members who withdrew everything."
            ],
            "type": "u32"
          },
          {
            "name": "insuranceBps",
            "docs": [
              "Share of each trade's gain sent to the insurance reserve, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "requiredApprovals",
            "docs": [
              "Trade approvals needed to execute."
            ],
            "type": "u8"
          },
          {
            "name": "requireLeadApproval",
            "docs": [
              "1 when one approval must come from a LEAD or ADMIN validator."
            ],
            "type": "u8"
          },
          {
            "name": "claimRequiredApprovals",
            "docs": [
              "Claim approvals needed (SENIOR+ voters other than the claimant)."
            ],
            "type": "u8"
          },
          {
            "name": "claimRequireLead",
            "docs": [
              "1 when one claim approval must come from a LEAD or ADMIN validator."
            ],
            "type": "u8"
          },
          {
            "name": "paused",
            "docs": [
              "1 while deposits and trades are blocked (withdrawals never are)."
            ],
            "type": "u8"
          },
          {
            "name": "decimals",
            "docs": [
              "Decimals of `asset_mint`."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          },
          {
            "name": "vaultBump",
            "docs": [
              "Bump of the vault PDA."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Keeps the layout a multiple of 8 bytes."
            ],
            "type": {
              "array": [
                "u8",
                2
              ]
            }
          }
        ]
      }
    },
    {
      "name": "poolInitialized",
      "docs": [
        "A pool was created."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "docs": [
              "Its creator and first ADMIN."
            ],
            "type": "pubkey"
          },
          {
            "name": "assetMint",
            "docs": [
              "The asset mint."
            ],
            "type": "pubkey"
          },
          {
            "name": "name",
            "docs": [
              "The name."
            ],
            "type": "string"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "product",
      "docs": [
        "PDA `[SEED_PRODUCT, pool, id]`."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool this account belongs to (checked with `has_one = pool`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "name",
            "docs": [
              "UTF-8 name, zero padded."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "legRules",
            "docs": [
              "What each leg of its routes may do (first `rule_count` used)."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "legRule"
                  }
                },
                4
              ]
            }
          },
          {
            "name": "markets",
            "docs": [
              "Markets (DEX pool accounts) its legs may trade on (first `market_count`; none = any)."
            ],
            "type": {
              "array": [
                "pubkey",
                16
              ]
            }
          },
          {
            "name": "id",
            "docs": [
              "Sequential id within the pool."
            ],
            "type": "u64"
          },
          {
            "name": "maxTradeAmount",
            "docs": [
              "Largest `amount_in` a proposal may use."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Smallest `min_profit` a proposal may set."
            ],
            "type": "u64"
          },
          {
            "name": "proposals",
            "docs": [
              "Proposals made under it."
            ],
            "type": "u64"
          },
          {
            "name": "executed",
            "docs": [
              "Proposals executed under it."
            ],
            "type": "u64"
          },
          {
            "name": "totalProfit",
            "docs": [
              "Sum of executed trades' gains."
            ],
            "type": "u64"
          },
          {
            "name": "createdAt",
            "docs": [
              "Unix time registered."
            ],
            "type": "i64"
          },
          {
            "name": "maxLiquidityBps",
            "docs": [
              "Largest share of a DEX pool's input reserve a trade may take, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "category",
            "docs": [
              "`ProductCategory as u8`."
            ],
            "type": "u8"
          },
          {
            "name": "enabled",
            "docs": [
              "1 while proposals under it may be made and executed."
            ],
            "type": "u8"
          },
          {
            "name": "ruleCount",
            "docs": [
              "Entries used in `leg_rules`."
            ],
            "type": "u8"
          },
          {
            "name": "marketCount",
            "docs": [
              "Entries used in `markets`."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Keeps the layout a multiple of 8 bytes."
            ],
            "type": {
              "array": [
                "u8",
                1
              ]
            }
          }
        ]
      }
    },
    {
      "name": "productCategory",
      "docs": [
        "What kind of strategy a product is."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "arbitrage"
          },
          {
            "name": "staking"
          },
          {
            "name": "trading"
          },
          {
            "name": "lending"
          },
          {
            "name": "other"
          }
        ]
      }
    },
    {
      "name": "productConfig",
      "docs": [
        "Limits every proposal under a product must respect."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "maxTradeAmount",
            "docs": [
              "Largest `amount_in` a proposal may use."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Smallest `min_profit` a proposal may set."
            ],
            "type": "u64"
          },
          {
            "name": "maxLiquidityBps",
            "docs": [
              "Largest share of a DEX pool's input reserve a trade may take, in basis points",
              "(enforced by keepers and validator policy, where reserves are known)."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "productRegistered",
      "docs": [
        "A product was registered."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "product",
            "docs": [
              "The product account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "name",
            "docs": [
              "Its name."
            ],
            "type": "string"
          },
          {
            "name": "category",
            "docs": [
              "Its category."
            ],
            "type": {
              "defined": {
                "name": "productCategory"
              }
            }
          },
          {
            "name": "programs",
            "docs": [
              "Programs its leg rules name."
            ],
            "type": {
              "vec": "pubkey"
            }
          },
          {
            "name": "markets",
            "docs": [
              "Markets its legs may trade on (empty = any)."
            ],
            "type": {
              "vec": "pubkey"
            }
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "productToggled",
      "docs": [
        "A product was enabled or disabled."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "product",
            "docs": [
              "The product account."
            ],
            "type": "pubkey"
          },
          {
            "name": "enabled",
            "docs": [
              "State after the change."
            ],
            "type": "bool"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "proposalExpired",
      "docs": [
        "A proposal expired or went stale."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "docs": [
              "The proposal account."
            ],
            "type": "pubkey"
          },
          {
            "name": "stale",
            "docs": [
              "True when it went stale rather than ran out of time."
            ],
            "type": "bool"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "proposalStatus",
      "docs": [
        "Where a proposal is in its life."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "pending"
          },
          {
            "name": "approved"
          },
          {
            "name": "rejected"
          },
          {
            "name": "executed"
          },
          {
            "name": "expired"
          }
        ]
      }
    },
    {
      "name": "proposeMandateArgs",
      "docs": [
        "Arguments of `propose_mandate`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "terms",
            "docs": [
              "What the mandate permits."
            ],
            "type": {
              "defined": {
                "name": "mandateTerms"
              }
            }
          }
        ]
      }
    },
    {
      "name": "proposeTradeArgs",
      "docs": [
        "Arguments of `propose_trade`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amountIn",
            "docs": [
              "Vault amount the route puts in."
            ],
            "type": "u64"
          },
          {
            "name": "expectedProfit",
            "docs": [
              "Gain the keeper expects."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Least gain the execution must produce."
            ],
            "type": "u64"
          },
          {
            "name": "legs",
            "docs": [
              "The route, accounts by index into the remaining accounts."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "legSpec"
                }
              }
            }
          }
        ]
      }
    },
    {
      "name": "queueChangeArgs",
      "docs": [
        "Arguments of `queue_change`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "change",
            "docs": [
              "What the change does."
            ],
            "type": {
              "defined": {
                "name": "governanceChange"
              }
            }
          }
        ]
      }
    },
    {
      "name": "registerProductArgs",
      "docs": [
        "Arguments of `register_product`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "name",
            "docs": [
              "Display name, 1 to 32 bytes."
            ],
            "type": "string"
          },
          {
            "name": "category",
            "docs": [
              "Category."
            ],
            "type": {
              "defined": {
                "name": "productCategory"
              }
            }
          },
          {
            "name": "config",
            "docs": [
              "Limits for proposals under it."
            ],
            "type": {
              "defined": {
                "name": "productConfig"
              }
            }
          },
          {
            "name": "legRules",
            "docs": [
              "What each leg of its routes may do (1 to 4 rules; never this program)."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "legRuleArgs"
                }
              }
            }
          },
          {
            "name": "markets",
            "docs": [
              "Markets its legs may trade on (at most 16; empty = any)."
            ],
            "type": {
              "vec": "pubkey"
            }
          }
        ]
      }
    },
    {
      "name": "rejectMandateArgs",
      "docs": [
        "Arguments of `reject_mandate`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reason",
            "docs": [
              "Why (at most 200 bytes; recorded in the event)."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "rejectTradeArgs",
      "docs": [
        "Arguments of `reject_trade`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reason",
            "docs": [
              "Why (at most 200 bytes; recorded in the event)."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "requestDepositArgs",
      "docs": [
        "Arguments of `request_deposit`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amount",
            "docs": [
              "Amount, in base units (at least the pool's `min_contribution`)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "role",
      "docs": [
        "Validator roles, lowest first. Any role votes on trades; SENIOR and above vote on claims;",
        "a LEAD or ADMIN approval satisfies `require_lead_approval`; ADMIN manages the pool."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "junior"
          },
          {
            "name": "senior"
          },
          {
            "name": "lead"
          },
          {
            "name": "admin"
          }
        ]
      }
    },
    {
      "name": "tradeExecuted",
      "docs": [
        "An approved trade ran and its gain was distributed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "docs": [
              "The proposal account."
            ],
            "type": "pubkey"
          },
          {
            "name": "executor",
            "docs": [
              "Who executed it."
            ],
            "type": "pubkey"
          },
          {
            "name": "gain",
            "docs": [
              "Vault gain measured on chain."
            ],
            "type": "u64"
          },
          {
            "name": "insurance",
            "docs": [
              "Part sent to the insurance reserve."
            ],
            "type": "u64"
          },
          {
            "name": "memberProfit",
            "docs": [
              "Part booked to members."
            ],
            "type": "u64"
          },
          {
            "name": "totalShares",
            "docs": [
              "Pool total shares after."
            ],
            "type": "u64"
          },
          {
            "name": "totalAssets",
            "docs": [
              "Pool total assets after."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "tradeProposal",
      "docs": [
        "PDA `[SEED_PROPOSAL, pool, id]`."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool trading."
            ],
            "type": "pubkey"
          },
          {
            "name": "proposer",
            "docs": [
              "The keeper who proposed (and receives the rent back on close)."
            ],
            "type": "pubkey"
          },
          {
            "name": "product",
            "docs": [
              "The product the trade runs under."
            ],
            "type": "pubkey"
          },
          {
            "name": "routeHash",
            "docs": [
              "SHA-256 of `route[..route_len]`."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "id",
            "docs": [
              "Sequential id within the pool."
            ],
            "type": "u64"
          },
          {
            "name": "amountIn",
            "docs": [
              "Vault amount the route puts in."
            ],
            "type": "u64"
          },
          {
            "name": "expectedProfit",
            "docs": [
              "Gain the keeper expects."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Least gain the execution must produce, or it fails and nothing moves."
            ],
            "type": "u64"
          },
          {
            "name": "createdAt",
            "docs": [
              "Unix time proposed."
            ],
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "docs": [
              "Unix time after which it can no longer be approved or executed."
            ],
            "type": "i64"
          },
          {
            "name": "configVersion",
            "docs": [
              "The pool's `config_version` when proposed."
            ],
            "type": "u64"
          },
          {
            "name": "realisedProfit",
            "docs": [
              "Gain measured on chain at execution."
            ],
            "type": "u64"
          },
          {
            "name": "decidedAt",
            "docs": [
              "Unix time of the last status change."
            ],
            "type": "i64"
          },
          {
            "name": "approvals",
            "docs": [
              "Bit per validator slot that approved."
            ],
            "type": "u32"
          },
          {
            "name": "rejections",
            "docs": [
              "Bit per validator slot that rejected."
            ],
            "type": "u32"
          },
          {
            "name": "routeLen",
            "docs": [
              "Bytes used in `route`."
            ],
            "type": "u16"
          },
          {
            "name": "status",
            "docs": [
              "`ProposalStatus::code()`."
            ],
            "type": "u8"
          },
          {
            "name": "legCount",
            "docs": [
              "Legs in the route."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Keeps the layout a multiple of 8 bytes."
            ],
            "type": {
              "array": [
                "u8",
                3
              ]
            }
          },
          {
            "name": "route",
            "docs": [
              "Borsh encoding of `Vec<RouteLeg>` (see `route.rs`)."
            ],
            "type": {
              "array": [
                "u8",
                1600
              ]
            }
          }
        ]
      }
    },
    {
      "name": "tradeProposed",
      "docs": [
        "A keeper proposed a trade."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "docs": [
              "The proposal account."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id."
            ],
            "type": "u64"
          },
          {
            "name": "proposer",
            "docs": [
              "The keeper."
            ],
            "type": "pubkey"
          },
          {
            "name": "product",
            "docs": [
              "The product."
            ],
            "type": "pubkey"
          },
          {
            "name": "routeHash",
            "docs": [
              "SHA-256 of the stored route."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "legCount",
            "docs": [
              "Legs in the route."
            ],
            "type": "u8"
          },
          {
            "name": "amountIn",
            "docs": [
              "Amount in."
            ],
            "type": "u64"
          },
          {
            "name": "expectedProfit",
            "docs": [
              "Expected gain."
            ],
            "type": "u64"
          },
          {
            "name": "minProfit",
            "docs": [
              "Least acceptable gain."
            ],
            "type": "u64"
          },
          {
            "name": "expiresAt",
            "docs": [
              "Expiry, unix time."
            ],
            "type": "i64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "tradeVoted",
      "docs": [
        "A validator voted on a trade."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "docs": [
              "The proposal account."
            ],
            "type": "pubkey"
          },
          {
            "name": "validator",
            "docs": [
              "The validator."
            ],
            "type": "pubkey"
          },
          {
            "name": "approve",
            "docs": [
              "Approve (true) or reject."
            ],
            "type": "bool"
          },
          {
            "name": "reason",
            "docs": [
              "The rejection reason (empty for approvals)."
            ],
            "type": "string"
          },
          {
            "name": "approvals",
            "docs": [
              "Approvals so far."
            ],
            "type": "u8"
          },
          {
            "name": "rejections",
            "docs": [
              "Rejections so far."
            ],
            "type": "u8"
          },
          {
            "name": "status",
            "docs": [
              "Status after the vote."
            ],
            "type": {
              "defined": {
                "name": "proposalStatus"
              }
            }
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "updateConfigArgs",
      "docs": [
        "Arguments of `update_config`: `None` keeps the current value."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "name",
            "docs": [
              "Display name, 1 to 32 bytes."
            ],
            "type": {
              "option": "string"
            }
          },
          {
            "name": "paused",
            "docs": [
              "Block (true) or allow (false) deposits and trades."
            ],
            "type": {
              "option": "bool"
            }
          },
          {
            "name": "timeLock",
            "docs": [
              "A longer time lock, in seconds (a shorter one is a queued change)."
            ],
            "type": {
              "option": "i64"
            }
          }
        ]
      }
    },
    {
      "name": "validatorChanged",
      "docs": [
        "A validator joined, left or changed role."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "admin",
            "docs": [
              "The ADMIN who made the change."
            ],
            "type": "pubkey"
          },
          {
            "name": "validator",
            "docs": [
              "The validator."
            ],
            "type": "pubkey"
          },
          {
            "name": "oldRole",
            "docs": [
              "Role before (None when added)."
            ],
            "type": {
              "option": {
                "defined": {
                  "name": "role"
                }
              }
            }
          },
          {
            "name": "newRole",
            "docs": [
              "Role after (None when removed)."
            ],
            "type": {
              "option": {
                "defined": {
                  "name": "role"
                }
              }
            }
          },
          {
            "name": "configVersion",
            "docs": [
              "Config version after the change."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "validatorEntry",
      "docs": [
        "One validator slot."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "key",
            "docs": [
              "The validator's wallet."
            ],
            "type": "pubkey"
          },
          {
            "name": "lastActiveSlot",
            "docs": [
              "Slot of the validator's last vote."
            ],
            "type": "u64"
          },
          {
            "name": "addedAt",
            "docs": [
              "Unix time the validator was added."
            ],
            "type": "i64"
          },
          {
            "name": "approvals",
            "docs": [
              "Trade approvals cast."
            ],
            "type": "u32"
          },
          {
            "name": "rejections",
            "docs": [
              "Trade rejections cast."
            ],
            "type": "u32"
          },
          {
            "name": "claimVotes",
            "docs": [
              "Insurance claim votes cast."
            ],
            "type": "u32"
          },
          {
            "name": "role",
            "docs": [
              "`Role::code()`."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Keeps the layout a multiple of 8 bytes."
            ],
            "type": {
              "array": [
                "u8",
                3
              ]
            }
          }
        ]
      }
    },
    {
      "name": "validatorSet",
      "docs": [
        "PDA `[SEED_VALIDATORS, pool]`."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool governed."
            ],
            "type": "pubkey"
          },
          {
            "name": "validators",
            "docs": [
              "Slots `0..validator_count` are in use."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "validatorEntry"
                  }
                },
                32
              ]
            }
          },
          {
            "name": "keepers",
            "docs": [
              "Slots `0..keeper_count` are in use."
            ],
            "type": {
              "array": [
                "pubkey",
                16
              ]
            }
          },
          {
            "name": "validatorCount",
            "docs": [
              "Validators in use."
            ],
            "type": "u8"
          },
          {
            "name": "keeperCount",
            "docs": [
              "Keepers in use."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of this PDA."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Keeps the layout a multiple of 8 bytes."
            ],
            "type": {
              "array": [
                "u8",
                5
              ]
            }
          }
        ]
      }
    },
    {
      "name": "withdrawArgs",
      "docs": [
        "Arguments of `withdraw`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "request",
            "docs": [
              "Shares to burn or amount to receive."
            ],
            "type": {
              "defined": {
                "name": "withdrawRequest"
              }
            }
          },
          {
            "name": "minAmountOut",
            "docs": [
              "Least amount the member accepts (slippage bound)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "withdrawRequest",
      "docs": [
        "What the member asks for."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "shares",
            "fields": [
              "u64"
            ]
          },
          {
            "name": "amount",
            "fields": [
              "u64"
            ]
          }
        ]
      }
    },
    {
      "name": "withdrew",
      "docs": [
        "A member withdrew."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "member",
            "docs": [
              "The member."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Amount paid."
            ],
            "type": "u64"
          },
          {
            "name": "shares",
            "docs": [
              "Shares burned."
            ],
            "type": "u64"
          },
          {
            "name": "totalShares",
            "docs": [
              "Pool total shares after."
            ],
            "type": "u64"
          },
          {
            "name": "totalAssets",
            "docs": [
              "Pool total assets after."
            ],
            "type": "u64"
          },
          {
            "name": "exited",
            "docs": [
              "Whether the member now holds nothing."
            ],
            "type": "bool"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the change (the cluster clock of the slot it landed in)."
            ],
            "type": "i64"
          }
        ]
      }
    }
  ]
};
