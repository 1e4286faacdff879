/**
 * Node globals some Solana libraries still expect in the browser. Imported first by main.tsx.
 * The SDK itself imports `buffer` explicitly; this covers its dependencies.
 */
import { Buffer } from "buffer";

const g = globalThis as unknown as {
  Buffer?: typeof Buffer;
  global?: unknown;
  process?: { env: Record<string, string> };
};
g.Buffer ??= Buffer;
g.global ??= globalThis;
g.process ??= { env: {} };
