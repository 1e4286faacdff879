/**
 * A member's money in and out (`deposit.rs`, `request_deposit.rs`, `settle_deposit.rs`,
 * `withdraw.rs`, `fund_insurance.rs`).
 */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { PoolAddresses, toBN, U64 } from "../pdas";
import { assetTokenAccount, poolBotInstruction } from "./build";

/** What a withdrawal asks for: exactly these shares, or exactly this amount. */
export type WithdrawRequest = { shares: U64 } | { amount: U64 };

/**
 * `deposit` by `member`: `amount` from `memberToken` (the member's ATA by default) for at least
 * `minSharesOut` shares at once; the first deposit creates the position.
 */
export function deposit(a: {
  addresses: PoolAddresses;
  member: PublicKey;
  amount: U64;
  minSharesOut?: U64;
  memberToken?: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "deposit",
    {
      member: a.member,
      pool: p.pool,
      position: p.member(a.member),
      memberToken: a.memberToken ?? assetTokenAccount(p, a.member),
      vault: p.vault,
      mint: p.mint,
      tokenProgram: p.tokenProgram,
      systemProgram: SystemProgram.programId,
    },
    { args: { amount: toBN(a.amount), minSharesOut: toBN(a.minSharesOut ?? 0) } },
  );
}

/**
 * `request_deposit` by `member`, as request `id` (the pool's `nextDepositId`): `amount` moves
 * into the vault now and becomes shares when the request is settled.
 */
export function requestDeposit(a: {
  addresses: PoolAddresses;
  member: PublicKey;
  id: U64;
  amount: U64;
  memberToken?: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "requestDeposit",
    {
      member: a.member,
      pool: p.pool,
      position: p.member(a.member),
      request: p.depositRequest(a.id),
      memberToken: a.memberToken ?? assetTokenAccount(p, a.member),
      vault: p.vault,
      mint: p.mint,
      tokenProgram: p.tokenProgram,
      systemProgram: SystemProgram.programId,
    },
    { args: { amount: toBN(a.amount) } },
  );
}

/**
 * `settle_deposit` by `settler` (anyone) of request `id` by `depositor` (it must be the queue's
 * head); `hasNext` when a later request exists, which the program then requires as
 * `next_request`.
 */
export function settleDeposit(a: {
  addresses: PoolAddresses;
  settler: PublicKey;
  id: U64;
  depositor: PublicKey;
  hasNext: boolean;
}): TransactionInstruction {
  const p = a.addresses;
  const id = toBN(a.id);
  return poolBotInstruction("settleDeposit", {
    settler: a.settler,
    pool: p.pool,
    request: p.depositRequest(id),
    depositor: a.depositor,
    position: p.member(a.depositor),
    nextRequest: a.hasNext ? p.depositRequest(id.addn(1)) : null,
  });
}

/**
 * `withdraw` by `member` at the share value, receiving at least `minAmountOut` into
 * `memberToken` (the member's ATA by default).
 */
export function withdraw(a: {
  addresses: PoolAddresses;
  member: PublicKey;
  request: WithdrawRequest;
  minAmountOut?: U64;
  memberToken?: PublicKey;
}): TransactionInstruction {
  const { addresses: p, request } = a;
  return poolBotInstruction(
    "withdraw",
    {
      member: a.member,
      pool: p.pool,
      position: p.member(a.member),
      memberToken: a.memberToken ?? assetTokenAccount(p, a.member),
      vault: p.vault,
      mint: p.mint,
      tokenProgram: p.tokenProgram,
    },
    {
      args: {
        request:
          "shares" in request
            ? { shares: { 0: toBN(request.shares) } }
            : { amount: { 0: toBN(request.amount) } },
        minAmountOut: toBN(a.minAmountOut ?? 0),
      },
    },
  );
}

/** `fund_insurance` by `funder` (anyone): `amount` into the reserve from `funderToken` (the funder's ATA by default). */
export function fundInsurance(a: {
  addresses: PoolAddresses;
  funder: PublicKey;
  amount: U64;
  funderToken?: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "fundInsurance",
    {
      funder: a.funder,
      pool: p.pool,
      insurance: p.insurance,
      insuranceVault: p.insuranceVault,
      funderToken: a.funderToken ?? assetTokenAccount(p, a.funder),
      mint: p.mint,
      tokenProgram: p.tokenProgram,
    },
    { args: { amount: toBN(a.amount) } },
  );
}
