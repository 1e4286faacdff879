/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at `target/idl/local_amm.json`.
 */
export type LocalAmm = {
  "address": "AmmxTFnpPRJQEkFdtB5d9ZzbN5V2g7fPkFCoDT594peP",
  "metadata": {
    "name": "localAmm",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Constant-product AMM used as the local stand-in for real DEXes (Orca, Raydium) in tests and the demo"
  },
  "docs": [
    "The AMM's instructions."
  ],
  "instructions": [
    {
      "name": "addLiquidity",
      "docs": [
        "The pool's authority adds reserves (no LP tokens: a test market)."
      ],
      "discriminator": [
        181,
        157,
        89,
        67,
        143,
        182,
        52,
        72
      ],
      "accounts": [
        {
          "name": "authority",
          "docs": [
            "The pool's authority."
          ],
          "signer": true,
          "relations": [
            "pool"
          ]
        },
        {
          "name": "pool",
          "docs": [
            "The pool."
          ]
        },
        {
          "name": "mintA",
          "docs": [
            "First mint."
          ],
          "relations": [
            "pool"
          ]
        },
        {
          "name": "mintB",
          "docs": [
            "Second mint."
          ],
          "relations": [
            "pool"
          ]
        },
        {
          "name": "vaultA",
          "docs": [
            "Reserve of `mint_a`."
          ],
          "writable": true,
          "relations": [
            "pool"
          ]
        },
        {
          "name": "vaultB",
          "docs": [
            "Reserve of `mint_b`."
          ],
          "writable": true,
          "relations": [
            "pool"
          ]
        },
        {
          "name": "sourceA",
          "docs": [
            "The authority's `mint_a` account."
          ],
          "writable": true
        },
        {
          "name": "sourceB",
          "docs": [
            "The authority's `mint_b` account."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "Token program of both mints."
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "addLiquidityArgs"
            }
          }
        }
      ]
    },
    {
      "name": "createPool",
      "docs": [
        "Creates a pool for two mints with a fee, and its two vaults."
      ],
      "discriminator": [
        233,
        146,
        209,
        142,
        207,
        104,
        64,
        188
      ],
      "accounts": [
        {
          "name": "authority",
          "docs": [
            "Pays, and may add liquidity."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "mintA",
          "docs": [
            "First mint."
          ]
        },
        {
          "name": "mintB",
          "docs": [
            "Second mint."
          ]
        },
        {
          "name": "pool",
          "docs": [
            "The pool."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  109,
                  109,
                  95,
                  112,
                  111,
                  111,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "mintA"
              },
              {
                "kind": "account",
                "path": "mintB"
              },
              {
                "kind": "arg",
                "path": "args.id"
              }
            ]
          }
        },
        {
          "name": "vaultA",
          "docs": [
            "Reserve of `mint_a`."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  109,
                  109,
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
              },
              {
                "kind": "account",
                "path": "mintA"
              }
            ]
          }
        },
        {
          "name": "vaultB",
          "docs": [
            "Reserve of `mint_b`."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  109,
                  109,
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
              },
              {
                "kind": "account",
                "path": "mintB"
              }
            ]
          }
        },
        {
          "name": "tokenProgram",
          "docs": [
            "Token program of both mints."
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
              "name": "createPoolArgs"
            }
          }
        }
      ]
    },
    {
      "name": "swap",
      "docs": [
        "Swaps `amount_in` of one mint for at least `min_amount_out` of the other."
      ],
      "discriminator": [
        248,
        198,
        158,
        145,
        225,
        117,
        135,
        200
      ],
      "accounts": [
        {
          "name": "user",
          "docs": [
            "Owner of the user's token accounts (a wallet, or a PDA signing by CPI)."
          ],
          "signer": true
        },
        {
          "name": "pool",
          "docs": [
            "The pool."
          ]
        },
        {
          "name": "userSource",
          "docs": [
            "The user's input account."
          ],
          "writable": true
        },
        {
          "name": "userDestination",
          "docs": [
            "The user's output account."
          ],
          "writable": true
        },
        {
          "name": "vaultIn",
          "docs": [
            "The pool's reserve of the input mint."
          ],
          "writable": true
        },
        {
          "name": "vaultOut",
          "docs": [
            "The pool's reserve of the output mint."
          ],
          "writable": true
        },
        {
          "name": "mintIn",
          "docs": [
            "The input mint."
          ]
        },
        {
          "name": "mintOut",
          "docs": [
            "The output mint."
          ]
        },
        {
          "name": "tokenProgram",
          "docs": [
            "Token program of both mints."
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "swapArgs"
            }
          }
        }
      ]
    }
  ],
  "accounts": [
    {
      "name": "ammPool",
      "discriminator": [
        54,
        82,
        185,
        138,
        179,
        191,
        211,
        169
      ]
    }
  ],
  "events": [
    {
      "name": "swapped",
      "discriminator": [
        217,
        52,
        52,
        83,
        147,
        135,
        96,
        109
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
      "name": "invalidFee",
      "msg": "Fee must be below 10000 basis points"
    },
    {
      "code": 6003,
      "name": "sameMint",
      "msg": "The two mints must differ"
    },
    {
      "code": 6004,
      "name": "wrongVault",
      "msg": "Vaults do not belong to this pool or do not match the mints"
    },
    {
      "code": 6005,
      "name": "slippageExceeded",
      "msg": "Output is below min_amount_out"
    },
    {
      "code": 6006,
      "name": "insufficientLiquidity",
      "msg": "The pool has no liquidity for this swap"
    }
  ],
  "types": [
    {
      "name": "addLiquidityArgs",
      "docs": [
        "Arguments of `add_liquidity`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amountA",
            "docs": [
              "Amount of `mint_a`."
            ],
            "type": "u64"
          },
          {
            "name": "amountB",
            "docs": [
              "Amount of `mint_b`."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "ammPool",
      "docs": [
        "A two-token constant-product pool. Its reserves are its vaults' balances."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "authority",
            "docs": [
              "Who created it and may add liquidity."
            ],
            "type": "pubkey"
          },
          {
            "name": "mintA",
            "docs": [
              "First mint."
            ],
            "type": "pubkey"
          },
          {
            "name": "mintB",
            "docs": [
              "Second mint."
            ],
            "type": "pubkey"
          },
          {
            "name": "vaultA",
            "docs": [
              "Reserve of `mint_a`."
            ],
            "type": "pubkey"
          },
          {
            "name": "vaultB",
            "docs": [
              "Reserve of `mint_b`."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Distinguishes pools of the same pair."
            ],
            "type": "u64"
          },
          {
            "name": "feeBps",
            "docs": [
              "Fee on the input, in basis points."
            ],
            "type": "u16"
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
      "name": "createPoolArgs",
      "docs": [
        "Arguments of `create_pool`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "id",
            "docs": [
              "Distinguishes pools of the same pair."
            ],
            "type": "u64"
          },
          {
            "name": "feeBps",
            "docs": [
              "Fee on the input, in basis points (below 10000)."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "swapArgs",
      "docs": [
        "Arguments of `swap`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amountIn",
            "docs": [
              "Amount of the input mint."
            ],
            "type": "u64"
          },
          {
            "name": "minAmountOut",
            "docs": [
              "Least output accepted."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "swapped",
      "docs": [
        "Emitted for every swap."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "docs": [
              "The pool."
            ],
            "type": "pubkey"
          },
          {
            "name": "user",
            "docs": [
              "Who swapped."
            ],
            "type": "pubkey"
          },
          {
            "name": "mintIn",
            "docs": [
              "The input mint."
            ],
            "type": "pubkey"
          },
          {
            "name": "amountIn",
            "docs": [
              "Amount in."
            ],
            "type": "u64"
          },
          {
            "name": "amountOut",
            "docs": [
              "Amount out."
            ],
            "type": "u64"
          }
        ]
      }
    }
  ]
};
