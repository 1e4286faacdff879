/**
 * The SDK's pure parts, no validator needed: route packing and encoding against the Rust
 * client's behaviour, PDA seeds against the IDL, the AMM and share math against the programs'
 * unit tests, and error decoding from raw logs.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { Keypair, PublicKey } from "@solana/web3.js";
import BN from "bn.js";
import localAmmJson from "../idls/local_amm.json";
import poolBotJson from "../idls/pool_bot.json";
import { BorshCoder, convertIdlToCamelCase } from "@anchor-lang/core";
import {
  Change,
  changeCountdown,
  changeKind,
  configChangeOf,
  describeChange,
  formatDuration,
  pendingChangeAddress,
  POOL_BOT_IDL,
  shortKey,
  claimableStake,
  claimStatus,
  decodeName,
  decodeProgramError,
  depositMustBeRequested,
  depositPreview,
  depositReadyAt,
  depositRequestAddress,
  mandateAddress,
  depositsAwaitingSettlement,
  decodeRoute,
  encodeRoute,
  formatLegRule,
  I64_MAX,
  legRuleViolation,
  legRulesOf,
  LOCAL_AMM_PROGRAM_ID,
  localAmmSwapRule,
  marketsOf,
  matchingLegRule,
  NO_MARKET,
  parseLegRule,
  POOL_BOT_ERRORS,
  ProductAccount,
  productProgramsOf,
  memberValue,
  MemberPositionAccount,
  packRoute,
  pendingRequestCount,
  PoolAccount,
  PoolAddresses,
  POOL_BOT_PROGRAM_ID,
  roleName,
  RouteLeg,
  SEEDS,
  shareValue,
  sharesForDeposit,
  splitProfit,
  swapOutput,
  votersOf,
  withdrawalLeavesDust,
} from "@poolbot/sdk";

const key = () => Keypair.generate().publicKey;

describe("routes", () => {
  const [program, a, b] = [key(), key(), key()];
  const leg = (writableA: boolean): RouteLeg => ({
    programId: program,
    accounts: [
      { pubkey: a, isSigner: false, isWritable: writableA },
      { pubkey: b, isSigner: true, isWritable: false },
    ],
    data: Buffer.from([1, 2]),
  });

  it("packs shared accounts once, writable when any leg writes them, never as signers", () => {
    // crates/client/src/route.rs: shared_accounts_appear_once_and_stay_writable
    const packed = packRoute([leg(false), leg(true)]);
    assert.deepEqual(
      packed.remaining.map((m) => [m.pubkey.toBase58(), m.isWritable, m.isSigner]),
      [
        [program.toBase58(), false, false],
        [a.toBase58(), true, false],
        [b.toBase58(), false, false],
      ],
    );
    assert.deepEqual(
      packed.legs.map((l) => [l.programIndex, l.accounts.map((r) => [r.index, r.isSigner, r.isWritable])]),
      [
        [
          0,
          [
            [1, false, false],
            [2, true, false],
          ],
        ],
        [
          0,
          [
            [1, false, true],
            [2, true, false],
          ],
        ],
      ],
    );
    assert.deepEqual(packed.legs[1].data, Buffer.from([1, 2]));
  });

  it("encodes the canonical Borsh Vec<RouteLeg> and decodes it back", () => {
    const legs = [leg(false), leg(true)];
    const bytes = encodeRoute(legs);
    // u32 count, then per leg: program, u32 n, n × (key, signer, writable), u32 len, data
    assert.equal(bytes.length, 4 + 2 * (32 + 4 + 2 * 34 + 4 + 2));
    assert.equal(bytes.readUInt32LE(0), 2);
    assert.ok(new PublicKey(bytes.subarray(4, 36)).equals(program));
    assert.deepEqual(decodeRoute(bytes), legs);
    assert.throws(() => decodeRoute(Buffer.concat([bytes, Buffer.from([0])])), /past the last leg/);
    assert.throws(() => decodeRoute(Buffer.from([1, 0, 0, 0])), /end early/);
    assert.throws(() => decodeRoute(Buffer.from([0, 0, 0, 0])), /1 to 4 legs/);
  });
});

describe("product leg rules", () => {
  const market = key();
  const swapLeg = (
    pool: PublicKey,
    data = Buffer.concat([localAmmSwapRule().discriminator, Buffer.alloc(16)]),
  ) => ({
    programId: LOCAL_AMM_PROGRAM_ID,
    accounts: [key(), pool, key(), key(), key()].map((pubkey) => ({
      pubkey,
      isSigner: false,
      isWritable: true,
    })),
    data,
  });

  it("the local AMM swap rule is crates/client's swap_rule(): Anchor's discriminator of `swap`, accounts 2, 3 and 1", () => {
    const rule = localAmmSwapRule();
    const anchor = createHash("sha256").update("global:swap").digest().subarray(0, 8);
    assert.deepEqual(rule.discriminator, anchor);
    assert.ok(rule.program.equals(LOCAL_AMM_PROGRAM_ID));
    assert.deepEqual([rule.sourceIndex, rule.destinationIndex, rule.marketIndex], [2, 3, 1]);
    // the CLI's --rule text form, both ways
    assert.equal(formatLegRule(rule), `${LOCAL_AMM_PROGRAM_ID.toBase58()}:f8c69e91e17587c8:2:3:1`);
    assert.deepEqual(parseLegRule(formatLegRule(rule)), rule);
    assert.deepEqual(parseLegRule("local-amm-swap"), rule);
    const tag = parseLegRule(`${LOCAL_AMM_PROGRAM_ID.toBase58()}:03:0:1`);
    assert.deepEqual([tag.discriminator, tag.marketIndex], [Buffer.from([3]), null]);
  });

  it("refuses malformed rules with a reason", () => {
    const program = LOCAL_AMM_PROGRAM_ID.toBase58();
    assert.throws(() => parseLegRule("swap"), /is not a leg rule: use local-amm-swap/);
    assert.throws(() => parseLegRule(`${program}:f8c69e91e17587c8aa:2:3`), /not 1 to 8 bytes of hex/);
    assert.throws(() => parseLegRule(`${program}:xyz1:2:3`), /not 1 to 8 bytes of hex/);
    assert.throws(() => parseLegRule(`${program}:01:2:2`), /source and destination must be different/);
    assert.throws(() => parseLegRule(`${program}:01:2:255`), /account index from 0 to 254/);
    assert.throws(() => parseLegRule(`${POOL_BOT_PROGRAM_ID.toBase58()}:01:2:3`), /may not call Pool Bot/);
    assert.throws(() => parseLegRule("nope:01:2:3"), /is not a base58 public key/);
  });

  it("finds the rule a leg matches, and what the program would refuse on keys alone", () => {
    const rules = [parseLegRule(`${LOCAL_AMM_PROGRAM_ID.toBase58()}:b59d:0:1`), localAmmSwapRule()];
    const leg = swapLeg(market);
    assert.equal(matchingLegRule(rules, leg), 1);
    assert.equal(matchingLegRule(rules, { ...leg, programId: key() }), -1);
    assert.equal(
      matchingLegRule(rules, { ...leg, data: Buffer.from([0xf8, 0xc6]) }),
      -1,
      "data shorter than the prefix",
    );
    assert.equal(legRuleViolation(rules, [], leg), null, "no markets listed: any market");
    assert.equal(legRuleViolation(rules, [market], leg), null);
    assert.equal(legRuleViolation(rules, [key()], leg), "MarketNotAllowed");
    assert.equal(legRuleViolation(rules, [], { ...leg, data: Buffer.from([1, 2, 3]) }), "LegNotAllowed");
    assert.equal(
      legRuleViolation(rules, [], { ...leg, accounts: leg.accounts.slice(0, 3) }),
      "RouteAccountMissing",
    );
  });

  it("reads rules, programs and markets from a product as the coder decodes it", () => {
    const stored = (rule: ReturnType<typeof localAmmSwapRule>) => ({
      program: rule.program,
      discriminator: [...rule.discriminator, ...new Array(8 - rule.discriminator.length).fill(0)],
      discriminatorLen: rule.discriminator.length,
      sourceIndex: rule.sourceIndex,
      destinationIndex: rule.destinationIndex,
      marketIndex: rule.marketIndex ?? NO_MARKET,
      padding: [0, 0, 0, 0],
    });
    const other = parseLegRule(`${key().toBase58()}:03:0:1`);
    const empty = stored({ ...other, program: PublicKey.default });
    const product = {
      legRules: [stored(localAmmSwapRule()), stored(other), stored(localAmmSwapRule()), empty],
      ruleCount: 3,
      markets: [market, key(), ...new Array(14).fill(PublicKey.default)],
      marketCount: 1,
    } as unknown as ProductAccount;
    assert.deepEqual(legRulesOf(product), [localAmmSwapRule(), other, localAmmSwapRule()]);
    assert.deepEqual(productProgramsOf(product), [LOCAL_AMM_PROGRAM_ID, other.program]);
    assert.deepEqual(marketsOf(product), [market]);
  });

  it("names the route-rule errors", () => {
    const names = POOL_BOT_ERRORS.map((e) => e.name);
    for (const name of [
      "InvalidLegRule",
      "TooManyLegRules",
      "TooManyMarkets",
      "LegNotAllowed",
      "LegAccountNotPoolOwned",
      "MarketNotAllowed",
      "RouteSpentTooMuch",
      "RouteDrainedPoolAccount",
    ]) {
      assert.ok(names.includes(name), name);
    }
    const program = POOL_BOT_PROGRAM_ID.toBase58();
    const failure = decodeProgramError({
      logs: [`Program ${program} invoke [1]`, `Program ${program} failed: custom program error: 0x17c9`],
    });
    assert.deepEqual(failure && [failure.code, failure.name], [6089, "LegAccountNotPoolOwned"]);
  });
});

describe("PDA seeds", () => {
  type Seed = { kind: string; value?: number[] };
  type Ix = { accounts: Array<{ name: string; pda?: { seeds: Seed[] } }> };
  const prefixes = (idl: { instructions: Ix[] }) =>
    new Set(
      idl.instructions.flatMap((ix) =>
        ix.accounts.flatMap((acc) =>
          (acc.pda?.seeds ?? [])
            .filter((s) => s.kind === "const")
            .map((s) => Buffer.from(s.value!).toString()),
        ),
      ),
    );

  it("every constant seed in the IDLs is one the SDK derives with", () => {
    const ours = new Set(Object.values(SEEDS).map((s) => s.toString()));
    for (const prefix of [...prefixes(poolBotJson), ...prefixes(localAmmJson)]) {
      assert.ok(ours.has(prefix), `seed "${prefix}" is missing from SEEDS`);
    }
    assert.ok(prefixes(poolBotJson).has("insurance_vault"));
  });

  it("derives deposit requests at [deposit, pool, id as u64 LE]", () => {
    const pool = key();
    const [expected] = PublicKey.findProgramAddressSync(
      [Buffer.from("deposit"), pool.toBuffer(), Buffer.from([7, 0, 0, 0, 0, 0, 0, 0])],
      POOL_BOT_PROGRAM_ID,
    );
    assert.ok(depositRequestAddress(pool, 7).equals(expected));
    const p = new PoolAddresses(key(), key(), key());
    assert.ok(p.depositRequest(7n).equals(depositRequestAddress(p.pool, 7)));
  });

  it("derives mandates at [mandate, pool, id as u64 LE]", () => {
    const pool = key();
    const [expected] = PublicKey.findProgramAddressSync(
      [Buffer.from("mandate"), pool.toBuffer(), Buffer.from([0x02, 0x01, 0, 0, 0, 0, 0, 0])],
      POOL_BOT_PROGRAM_ID,
    );
    assert.ok(mandateAddress(pool, 258).equals(expected));
    const p = new PoolAddresses(key(), key(), key());
    assert.ok(p.mandate(258n).equals(mandateAddress(p.pool, 258)));
  });
});

describe("governance changes", () => {
  it("derives pending changes at [change, pool, id as u64 LE]", () => {
    const pool = key();
    const [expected] = PublicKey.findProgramAddressSync(
      [Buffer.from("change"), pool.toBuffer(), Buffer.from([5, 0, 0, 0, 0, 0, 0, 0])],
      POOL_BOT_PROGRAM_ID,
    );
    assert.ok(pendingChangeAddress(pool, 5).equals(expected));
    const p = new PoolAddresses(key(), key(), key());
    assert.ok(p.change(5n).equals(pendingChangeAddress(p.pool, 5)));
  });

  it("encodes every kind the way the program decodes it, and back", () => {
    const coder = new BorshCoder(convertIdlToCamelCase(POOL_BOT_IDL));
    const v = key();
    const changes = [
      Change.addValidator(v, "lead"),
      Change.removeValidator(v),
      Change.setValidatorRole(v, "junior"),
      Change.addKeeper(v),
      Change.enableProduct(v),
      Change.config({ requiredApprovals: 2, claimTtl: 86_400, timeLock: 0 }),
    ];
    for (const change of changes) {
      const bytes = coder.types.encode("governanceChange", change);
      const back = coder.types.decode("governanceChange", bytes);
      assert.equal(JSON.stringify(back), JSON.stringify(change), changeKind(change));
    }
    // Config: variant 5, then ten options (None = 0): max_members, min_contribution, insurance_bps,
    // required_approvals = Some(2), ...
    const config = coder.types.encode("governanceChange", Change.config({ requiredApprovals: 2 }));
    assert.deepEqual([...config], [5, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0]);
    const fields = configChangeOf(changes[5])!;
    assert.deepEqual(Object.keys(fields), ["requiredApprovals", "claimTtl", "timeLock"]);
    assert.deepEqual(
      [fields.requiredApprovals, String(fields.claimTtl), String(fields.timeLock)],
      [2, "86400", "0"],
    );
    assert.equal(configChangeOf(changes[0]), null);
  });

  it("describes a change in words", () => {
    const v = key();
    assert.equal(describeChange(Change.addValidator(v, "lead")), `Add validator ${shortKey(v)} as LEAD`);
    assert.equal(describeChange(Change.removeValidator(v)), `Remove validator ${shortKey(v)}`);
    assert.equal(
      describeChange(Change.setValidatorRole(v, "junior")),
      `Make validator ${shortKey(v)} JUNIOR`,
    );
    assert.equal(describeChange(Change.addKeeper(v)), `Authorise keeper ${shortKey(v)}`);
    assert.equal(
      describeChange(Change.enableProduct(v), { name: () => '"DEX arbitrage"' }),
      'Enable product "DEX arbitrage"',
    );
    assert.equal(
      describeChange(
        Change.config({
          maxMembers: 50,
          minContribution: 250_000_000n,
          insuranceBps: 750,
          requireLeadApproval: false,
          proposalTtl: 1_800,
          claimTtl: 3 * 86_400,
          timeLock: 2 * 86_400,
        }),
        { amount: (v) => `${v / 1_000_000n} USDC` },
      ),
      "Set max members to 50, minimum deposit to 250 USDC, insurance share to 7.5%, trade lead approval not required, proposal lifetime to 30m, claim lifetime to 3d, time lock to 2d",
    );
  });

  it("counts down to the eta", () => {
    assert.deepEqual(changeCountdown({ eta: new BN(1_000) }, 1_000 - 90_061), {
      due: false,
      secondsLeft: 90_061,
      text: "applies in 1d 1h",
    });
    assert.deepEqual(changeCountdown(1_000, 1_000), {
      due: true,
      secondsLeft: 0,
      text: "due: anyone may apply it",
    });
    assert.equal(changeCountdown(1_000, 2_000).due, true);
    assert.deepEqual([0, 59, 60, 61, 3_600, 3_725, 86_400].map(formatDuration), [
      "0s",
      "59s",
      "1m",
      "1m 1s",
      "1h",
      "1h 2m",
      "1d",
    ]);
  });
});

describe("math", () => {
  it("quotes swaps as the local AMM does", () => {
    // programs/local_amm/src/math.rs: output_follows_the_constant_product
    assert.equal(swapOutput(1_000n, 1_000_000n, 2_000_000n, 0), 1_998n);
    assert.equal(swapOutput(1_000n, 1_000_000n, 2_000_000n, 30), 1_992n);
    assert.equal(swapOutput(0n, 1_000_000n, 2_000_000n, 30), 0n);
  });

  it("prices the first share at one unit and splits profit into parts that add up", () => {
    assert.equal(sharesForDeposit(1_000_000n, 0n, 0n), 1_000_000n);
    assert.deepEqual(splitProfit(1_999n, 500), { insurance: 99n, members: 1_900n });
  });
});

describe("the deposit queue and claim rules", () => {
  // Only the fields the rules read; amounts in base units, times in unix seconds.
  const pool = (fields: Record<string, number | bigint>): PoolAccount =>
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, new BN(v.toString())]),
    ) as unknown as PoolAccount;
  const books = {
    totalShares: 2_000_000n,
    totalAssets: 2_200_000n,
    minContribution: 100_000n,
    mandatesActiveUntil: 0,
    proposalTtl: 3_600,
  };

  it("says when a deposit must be requested and when a request is ready", () => {
    const live = pool({ ...books, proposalsLiveUntil: 1_000, depositQueueReadyAt: I64_MAX });
    assert.equal(depositMustBeRequested(live, 999), true, "a proposal made earlier may still execute");
    assert.equal(depositMustBeRequested(live, 1_000), false, "it has ended");
    assert.equal(depositReadyAt(live, 900), 1_000);
    assert.equal(depositReadyAt(live, 1_200), 1_200, "at once when nothing is live");
    assert.equal(depositsAwaitingSettlement(live, 2_000), false, "no request waits");
    const queued = pool({ ...books, depositQueueReadyAt: 1_000, nextDepositId: 5, depositQueueHead: 3 });
    assert.equal(depositsAwaitingSettlement(queued, 999), false);
    assert.equal(depositsAwaitingSettlement(queued, 1_000), true, "trades wait for its settlement");
    assert.equal(pendingRequestCount(queued), 2);
  });

  it("while a mandate stands, deposits are requested and ready a proposal lifetime later at the soonest", () => {
    const standing = pool({ ...books, proposalsLiveUntil: 1_000, mandatesActiveUntil: 50_000 });
    assert.equal(depositMustBeRequested(standing, 2_000), true, "no proposal is live, but a mandate stands");
    assert.equal(depositMustBeRequested(standing, 50_000), false, "it has expired");
    assert.equal(depositReadyAt(standing, 2_000), 5_600, "now + the proposal lifetime");
    const later = pool({ ...books, proposalsLiveUntil: 9_000, mandatesActiveUntil: 50_000 });
    assert.equal(depositReadyAt(later, 2_000), 9_000, "a proposal live longer decides");
    assert.equal(depositReadyAt(standing, 60_000), 60_000);
  });

  it("previews shares and values at the price profit has already raised", () => {
    const p = pool({ ...books, decimals: 6 });
    // (S + V) / (A + V) = 2_001_000 / 2_201_000
    assert.equal(depositPreview(p, 1_100_000n), (1_100_000n * 2_001_000n) / 2_201_000n);
    assert.equal(shareValue(p), (1_000_000n * 2_201_000n) / 2_001_000n);
    const position = { shares: new BN(1_000_000) } as unknown as MemberPositionAccount;
    assert.equal(memberValue(p, position), shareValue(p));
  });

  it("refuses dust left behind, and caps claims at the capital at stake", () => {
    const p = pool(books);
    assert.equal(withdrawalLeavesDust(p, 1_000_000n, 1_000_000n), false, "everything may go");
    assert.equal(withdrawalLeavesDust(p, 1_000_000n, 950_000n), true, "about 55 000 would remain");
    assert.equal(withdrawalLeavesDust(p, 1_000_000n, 900_000n), false, "about 110 000 would remain");
    const stake = (capital: number, withdrawn: number, paid: number) =>
      claimableStake({
        capitalContributed: new BN(capital),
        totalWithdrawn: new BN(withdrawn),
        claimsPaid: new BN(paid),
      } as unknown as MemberPositionAccount);
    assert.equal(stake(1_000, 300, 200), 500n);
    assert.equal(stake(1_000, 1_200, 0), 0n, "withdrew more than put in (profit): nothing at stake");
    assert.equal(claimStatus({ status: { expired: {} } }), "expired");
  });
});

describe("decoding", () => {
  it("names an error from a bare custom-error log line", () => {
    const program = POOL_BOT_PROGRAM_ID.toBase58();
    const failure = decodeProgramError({
      logs: [`Program ${program} invoke [1]`, `Program ${program} failed: custom program error: 0x1772`],
    });
    assert.deepEqual(failure && [failure.code, failure.name, failure.message], [
      6002,
      "BelowMinContribution",
      "Deposit is below the pool's minimum contribution",
    ]);
    assert.equal(decodeProgramError(new Error("fetch failed")), null);
  });

  it("reads names, roles and vote bitmaps", () => {
    assert.equal(decodeName([...Buffer.from("DEX arbitrage"), ...new Array(19).fill(0)]), "DEX arbitrage");
    assert.equal(roleName(2), "lead");
    assert.equal(roleName({ admin: {} }), "admin");
    assert.deepEqual(votersOf(0b1011), [0, 1, 3]);
  });
});
