/**
 * The wallet and provider side of sending: a keypair wallet that works in Node and the browser,
 * an Anchor provider over it, the confirm options every SDK provider uses, and the cluster's
 * clock.
 */
import { AnchorProvider } from "@anchor-lang/core";
import {
  ConfirmOptions,
  Connection,
  Keypair,
  PublicKey,
  SYSVAR_CLOCK_PUBKEY,
  Transaction,
  VersionedTransaction,
} from "@solana/web3.js";
import { Buffer } from "buffer";

/** Options every SDK provider uses unless told otherwise: confirm and simulate at `confirmed`. */
export const DEFAULT_CONFIRM_OPTIONS: ConfirmOptions = {
  commitment: "confirmed",
  preflightCommitment: "confirmed",
};

/**
 * The unix time of `connection`'s cluster as programs see it (the `Clock` sysvar), which may
 * differ from this machine's clock.
 */
export async function chainTime(connection: Connection): Promise<number> {
  const info = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed");
  if (!info) throw new Error("the cluster has no Clock sysvar");
  // Clock: slot u64, epoch_start_timestamp i64, epoch u64, leader_schedule_epoch u64, unix_timestamp i64
  return Number(Buffer.from(info.data).readBigInt64LE(32));
}

/**
 * A wallet that signs with a keypair in memory (scripts, tests, a localnet burner wallet).
 * Unlike Anchor's `Wallet` it also works in the browser build of `@anchor-lang/core`.
 */
export class KeypairWallet {
  constructor(readonly payer: Keypair) {}

  /** The keypair's public key. */
  get publicKey(): PublicKey {
    return this.payer.publicKey;
  }

  /** Signs `tx` (a legacy or versioned transaction) and returns it. */
  async signTransaction<T extends Transaction | VersionedTransaction>(tx: T): Promise<T> {
    if (tx instanceof VersionedTransaction) tx.sign([this.payer]);
    else tx.partialSign(this.payer);
    return tx;
  }

  /** Signs every transaction of `txs`. */
  async signAllTransactions<T extends Transaction | VersionedTransaction>(txs: T[]): Promise<T[]> {
    return Promise.all(txs.map((tx) => this.signTransaction(tx)));
  }
}

/** An Anchor provider on `connection` whose wallet is `keypair`. */
export function keypairProvider(
  connection: Connection,
  keypair: Keypair,
  options: ConfirmOptions = DEFAULT_CONFIRM_OPTIONS,
): AnchorProvider {
  return new AnchorProvider(connection, new KeypairWallet(keypair), options);
}
