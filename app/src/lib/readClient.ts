/** An SDK client that only reads (no wallet): every account fetch goes through it. */
import { AnchorProvider } from "@anchor-lang/core";
import { Connection, PublicKey, Transaction, VersionedTransaction } from "@solana/web3.js";
import { DEFAULT_CONFIRM_OPTIONS, PoolBotClient } from "@poolbot/sdk";

const READ_ONLY_WALLET = {
  publicKey: PublicKey.default,
  signTransaction: async <T extends Transaction | VersionedTransaction>(): Promise<T> => {
    throw new Error("read-only client");
  },
  signAllTransactions: async <T extends Transaction | VersionedTransaction>(): Promise<T[]> => {
    throw new Error("read-only client");
  },
};

/** An SDK client for reading over `connection`. */
export function readOnlyClient(connection: Connection): PoolBotClient {
  return new PoolBotClient(new AnchorProvider(connection, READ_ONLY_WALLET, DEFAULT_CONFIRM_OPTIONS));
}
