/**
 * Fixtures for the TypeScript tests: the cluster at `ANCHOR_PROVIDER_URL` (default
 * http://127.0.0.1:8899), fresh funded wallets, fresh mints and token accounts. Every test makes
 * its own, so the suite can run any number of times against one validator.
 */
import {
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  getAssociatedTokenAddressSync,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
} from "@solana/spl-token";
import {
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  sendAndConfirmTransaction,
  Signer,
  SystemProgram,
  Transaction,
  TransactionInstruction,
} from "@solana/web3.js";
import { chainTime } from "@poolbot/sdk";

/** The cluster under test. */
export const RPC_URL = process.env.ANCHOR_PROVIDER_URL ?? "http://127.0.0.1:8899";

/** A connection to the cluster under test, at `confirmed`. */
export function connect(): Connection {
  return new Connection(RPC_URL, "confirmed");
}

/** Sends `instructions` paid by the first signer and waits for confirmation. */
export function sendInstructions(
  connection: Connection,
  instructions: TransactionInstruction[],
  signers: Signer[],
): Promise<string> {
  return sendAndConfirmTransaction(connection, new Transaction().add(...instructions), signers, {
    commitment: "confirmed",
  });
}

/** A new wallet holding `sol` SOL from the cluster's faucet. */
export async function fundedWallet(connection: Connection, sol = 100): Promise<Keypair> {
  const wallet = Keypair.generate();
  const signature = await connection.requestAirdrop(wallet.publicKey, sol * LAMPORTS_PER_SOL);
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
  await connection.confirmTransaction({ signature, blockhash, lastValidBlockHeight }, "confirmed");
  return wallet;
}

/** A new SPL Token mint with `decimals` whose authority is `payer`. */
export async function createMint(
  connection: Connection,
  payer: Keypair,
  decimals: number,
): Promise<PublicKey> {
  const mint = Keypair.generate();
  const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  await sendInstructions(
    connection,
    [
      SystemProgram.createAccount({
        fromPubkey: payer.publicKey,
        newAccountPubkey: mint.publicKey,
        lamports: rent,
        space: MINT_SIZE,
        programId: TOKEN_PROGRAM_ID,
      }),
      createInitializeMint2Instruction(mint.publicKey, decimals, payer.publicKey, null),
    ],
    [payer, mint],
  );
  return mint.publicKey;
}

/**
 * `owner`'s associated token account of `mint` (created if missing; `owner` may be a PDA),
 * topped up with `amount` minted by `payer`, the mint's authority.
 */
export async function tokenAccount(
  connection: Connection,
  payer: Keypair,
  mint: PublicKey,
  owner: PublicKey,
  amount: bigint = 0n,
): Promise<PublicKey> {
  const account = getAssociatedTokenAddressSync(mint, owner, true);
  const instructions = [
    createAssociatedTokenAccountIdempotentInstruction(payer.publicKey, account, owner, mint),
  ];
  if (amount > 0n) instructions.push(createMintToInstruction(mint, account, payer.publicKey, amount));
  await sendInstructions(connection, instructions, [payer]);
  return account;
}

/** A token account's balance in base units. */
export async function tokenBalance(connection: Connection, account: PublicKey): Promise<bigint> {
  return BigInt((await connection.getTokenAccountBalance(account)).value.amount);
}

/** The lamports and data of each account (null when absent), to compare before and after. */
export async function snapshot(connection: Connection, accounts: PublicKey[]): Promise<Array<string | null>> {
  const infos = await connection.getMultipleAccountsInfo(accounts);
  return infos.map((info) => (info ? `${info.lamports}:${info.data.toString("base64")}` : null));
}

/** A decoded u64 / i64 (BN) as a bigint, for exact comparisons. */
export function big(value: { toString(): string }): bigint {
  return BigInt(value.toString());
}

/** Waits until the cluster's clock reads at least `unixTime` (a deadline in a program's terms). */
export async function waitForClusterTime(
  connection: Connection,
  unixTime: number,
  limitMs = 120_000,
): Promise<void> {
  const started = Date.now();
  while ((await chainTime(connection)) < unixTime) {
    if (Date.now() - started > limitMs) throw new Error(`the cluster's clock did not reach ${unixTime}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
