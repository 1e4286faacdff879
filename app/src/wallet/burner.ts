/**
 * The localnet burner wallet: a keypair held by the page (localStorage), offered only when the
 * endpoint is a validator on this machine. It can load the committed localnet fixture keypairs
 * (served by the dev / preview server, never bundled), a pasted secret key, or a fresh one; new
 * and pasted keys are saved (`lib/burners.ts`) so they can be chosen again. The key in use stays
 * connected across reloads. Never use it with real funds.
 */
import { utils } from "@anchor-lang/core";
import {
  BaseSignerWalletAdapter,
  WalletName,
  WalletNotConnectedError,
  WalletReadyState,
} from "@solana/wallet-adapter-base";
import { Keypair, PublicKey, Transaction, TransactionVersion, VersionedTransaction } from "@solana/web3.js";
import { nextBurnerLabel, readBurners, rememberBurner } from "../lib/burners";

export const BurnerWalletName = "Localnet burner" as WalletName<"Localnet burner">;

const STORAGE_KEY = "poolbot.burner.v1";

/** A keypair with the name it was loaded under (`member`, `lead`, `pasted`, `new`). */
export interface BurnerIdentity {
  label: string;
  keypair: Keypair;
}

const ICON =
  "data:image/svg+xml;base64," +
  btoa(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#f97316"/><path d="M16 6c1 4 6 6 6 12a6 6 0 0 1-12 0c0-3 2-5 3-6 0 2 1 3 2 3 0-3-1-6 1-9z" fill="#fff"/></svg>`,
  );

/** A secret key typed or pasted: a JSON array of 64 bytes (Solana CLI file) or base58. */
export function parseSecretKey(text: string): Keypair {
  const trimmed = text.trim();
  let bytes: Uint8Array;
  if (trimmed.startsWith("[")) {
    const parsed: unknown = JSON.parse(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) {
      throw new Error("Expected a JSON array of bytes.");
    }
    bytes = Uint8Array.from(parsed as number[]);
  } else {
    bytes = utils.bytes.bs58.decode(trimmed);
  }
  if (bytes.length !== 64) throw new Error(`A secret key has 64 bytes; this has ${bytes.length}.`);
  return Keypair.fromSecretKey(bytes);
}

function load(): BurnerIdentity | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const { label, secretKey } = JSON.parse(raw) as { label: string; secretKey: number[] };
    return { label, keypair: Keypair.fromSecretKey(Uint8Array.from(secretKey)) };
  } catch {
    return null;
  }
}

function store(identity: BurnerIdentity) {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ label: identity.label, secretKey: Array.from(identity.keypair.secretKey) }),
  );
}

export class BurnerWalletAdapter extends BaseSignerWalletAdapter<"Localnet burner"> {
  name = BurnerWalletName;
  url = "https://solana.com/developers";
  icon = ICON;
  readyState = WalletReadyState.Loadable;
  supportedTransactionVersions: ReadonlySet<TransactionVersion> = new Set<TransactionVersion>(["legacy", 0]);
  private identity: BurnerIdentity | null = null;
  private busy = false;

  get publicKey(): PublicKey | null {
    return this.identity?.keypair.publicKey ?? null;
  }

  get connecting(): boolean {
    return this.busy;
  }

  /** The label of the keypair in use (or stored for the next connection). */
  get label(): string | null {
    return (this.identity ?? load())?.label ?? null;
  }

  /**
   * Uses `identity` from now on (stored for the next visit); if connected, the app sees the
   * new public key at once.
   */
  use(identity: BurnerIdentity) {
    store(identity);
    if (this.identity) {
      this.identity = identity;
      this.emit("connect", identity.keypair.publicKey);
    }
  }

  async connect(): Promise<void> {
    // Let the wallet provider finish mounting first: React's StrictMode mounts it twice, and a
    // "connect" event fired between the two is lost (a reload then showed no wallet).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.identity) {
      this.emit("connect", this.identity.keypair.publicKey);
      return;
    }
    this.busy = true;
    try {
      let identity = load();
      if (!identity) {
        const keypair = Keypair.generate();
        const label = nextBurnerLabel(readBurners(localStorage));
        rememberBurner(localStorage, { label, secretKey: Array.from(keypair.secretKey) });
        identity = { label, keypair };
        store(identity);
      }
      this.identity = identity;
      this.emit("connect", identity.keypair.publicKey);
    } finally {
      this.busy = false;
    }
  }

  async disconnect(): Promise<void> {
    if (!this.identity) return;
    this.identity = null;
    this.emit("disconnect");
  }

  async signTransaction<T extends Transaction | VersionedTransaction>(transaction: T): Promise<T> {
    const keypair = this.identity?.keypair;
    if (!keypair) throw new WalletNotConnectedError();
    if (transaction instanceof VersionedTransaction) transaction.sign([keypair]);
    else transaction.partialSign(keypair);
    return transaction;
  }
}

/** A fixture keypair the dev / preview server offers. */
export interface FixtureEntry {
  name: string;
  label: string;
  publicKey: string;
}

/** The fixture keypairs, or null when this server does not serve them (a static deployment). */
export async function listFixtures(): Promise<FixtureEntry[] | null> {
  try {
    const response = await fetch("/__localnet/fixtures");
    if (!response.ok || !response.headers.get("content-type")?.includes("json")) return null;
    return (await response.json()) as FixtureEntry[];
  } catch {
    return null;
  }
}

/** The keypair of fixture `name`. */
export async function loadFixture(name: string): Promise<Keypair> {
  const response = await fetch(`/__localnet/fixtures/${encodeURIComponent(name)}`);
  if (!response.ok) throw new Error(`Fixture ${name} is not served here.`);
  const { secretKey } = (await response.json()) as { secretKey: number[] };
  return Keypair.fromSecretKey(Uint8Array.from(secretKey));
}
