/**
 * What every builder shares: Pool Bot's instruction coder and account list from the IDL. A
 * builder names each account of its instruction; `poolBotInstruction` puts them in the IDL's
 * order with the IDL's signer and writable flags, as Anchor's `accountsStrict` does, so no
 * connection, wallet or provider is involved.
 */
import { BorshCoder, convertIdlToCamelCase } from "@anchor-lang/core";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import { AccountMeta, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { POOL_BOT_IDL, POOL_BOT_PROGRAM_ID, PoolBot } from "../idl";
import type { PoolAddresses } from "../pdas";

// camelCase names (instructions, accounts, arguments), as the IDL's TypeScript type has them.
const IDL = convertIdlToCamelCase(POOL_BOT_IDL) as PoolBot;
const coder = new BorshCoder(IDL);

/** A Pool Bot instruction's name (`deposit`, `approveTrade`, ...). */
export type PoolBotInstructionName = PoolBot["instructions"][number]["name"];

/**
 * The instruction `name` with `accounts` (every account the IDL lists, by its camelCase name;
 * `null` for an optional account left out), `args` (the instruction's arguments by name) and
 * `remaining` accounts after them.
 */
export function poolBotInstruction(
  name: PoolBotInstructionName,
  accounts: Record<string, PublicKey | null>,
  args: Record<string, unknown> = {},
  remaining: AccountMeta[] = [],
): TransactionInstruction {
  const idl = IDL.instructions.find((ix) => ix.name === name);
  if (!idl) throw new Error(`Pool Bot has no instruction ${name}`);
  const keys: AccountMeta[] = idl.accounts.map((account) => {
    const flags = account as { name: string; signer?: boolean; writable?: boolean; optional?: boolean };
    const key = accounts[flags.name];
    if (key === undefined) throw new Error(`${name}: account ${flags.name} is missing`);
    if (key === null) {
      if (!flags.optional) throw new Error(`${name}: account ${flags.name} is not optional`);
      // Anchor's encoding of an absent optional account: the program's own id, read-only.
      return { pubkey: POOL_BOT_PROGRAM_ID, isSigner: false, isWritable: false };
    }
    return { pubkey: key, isSigner: !!flags.signer, isWritable: !!flags.writable };
  });
  return new TransactionInstruction({
    programId: POOL_BOT_PROGRAM_ID,
    keys: [...keys, ...remaining],
    data: coder.instruction.encode(name, args),
  });
}

/** `owner`'s associated token account for the pool's asset (the default source and destination). */
export function assetTokenAccount(p: PoolAddresses, owner: PublicKey): PublicKey {
  return getAssociatedTokenAddressSync(p.mint, owner, true, p.tokenProgram);
}
