/**
 * Vite for the Pool Bot web app.
 *
 * - The SDK is the workspace package `@poolbot/sdk`, resolved to its TypeScript source (the
 *   `source` export condition; no build of the SDK needed), with its IDLs from ../idls; its
 *   dependencies are deduplicated, so the app has one copy of web3.js and Anchor.
 * - The localnet fixtures: their public keys are compiled in (the default localnet pool is
 *   derived from the fixture admin and USDC mint); their secret keys are never bundled, only
 *   served by the dev and preview servers at /__localnet/fixtures for the burner wallet.
 */
import react from "@vitejs/plugin-react";
import { Keypair } from "@solana/web3.js";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

const APP = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(APP, "..");

/** The fixture keypairs the burner wallet can load, in menu order. */
const FIXTURES: Array<{ name: string; label: string; dir: string }> = [
  { name: "member", label: "Member", dir: join(APP, "fixtures/localnet") },
  { name: "admin", label: "Admin (pool creator)", dir: join(APP, "fixtures/localnet") },
  { name: "lead", label: "LEAD validator", dir: join(ROOT, "migrations/localnet") },
  { name: "senior-1", label: "SENIOR validator 1", dir: join(ROOT, "migrations/localnet") },
  { name: "senior-2", label: "SENIOR validator 2", dir: join(ROOT, "migrations/localnet") },
  { name: "keeper", label: "Keeper", dir: join(ROOT, "migrations/localnet") },
];

function readKeypair(path: string): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(path, "utf8"))));
}

function publicKeyOf(path: string): string {
  return readKeypair(path).publicKey.toBase58();
}

/** Serves the fixture keypairs to a browser on this machine (dev and preview servers only). */
function localnetFixtures(): Plugin {
  const handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = req.url ?? "";
    if (!url.startsWith("/__localnet/fixtures")) return next();
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader("content-type", "application/json");
      res.setHeader("cache-control", "no-store");
      res.end(JSON.stringify(body));
    };
    const name = decodeURIComponent(url.replace(/^\/__localnet\/fixtures\/?/, "").split("?")[0]);
    const present = FIXTURES.filter((f) => existsSync(join(f.dir, `${f.name}.json`)));
    if (!name) {
      return send(
        200,
        present.map((f) => ({
          name: f.name,
          label: f.label,
          publicKey: publicKeyOf(join(f.dir, `${f.name}.json`)),
        })),
      );
    }
    const fixture = present.find((f) => f.name === name);
    if (!fixture) return send(404, { error: `no fixture named ${name}` });
    send(200, { secretKey: Array.from(readKeypair(join(fixture.dir, `${fixture.name}.json`)).secretKey) });
  };
  return {
    name: "poolbot-localnet-fixtures",
    configureServer(server) {
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
  };
}

const localnet = {
  admin: publicKeyOf(join(APP, "fixtures/localnet/admin.json")),
  usdcMint: publicKeyOf(join(ROOT, "migrations/localnet/usdc-mint.json")),
  solMint: publicKeyOf(join(APP, "fixtures/localnet/sol-mint.json")),
};

export default defineConfig({
  plugins: [react(), localnetFixtures()],
  define: {
    __LOCALNET__: JSON.stringify(localnet),
  },
  resolve: {
    conditions: ["source", ...defaultClientConditions],
    dedupe: [
      "@anchor-lang/core",
      "@solana/web3.js",
      "@solana/spl-token",
      "bn.js",
      "buffer",
      "react",
      "react-dom",
    ],
  },
  server: {
    fs: { allow: [ROOT] },
    port: 5173,
  },
  preview: { port: 4173 },
  build: {
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries in their own chunks, so an app release does not invalidate them.
        advancedChunks: {
          groups: [
            {
              name: "solana",
              test: /node_modules[\\/](@solana|@anchor-lang|@noble|bn\.js|buffer|borsh|bs58|superstruct|rpc-websockets)/,
            },
            { name: "charts", test: /node_modules[\\/](recharts|d3-|victory-vendor|es-toolkit|decimal\.js)/ },
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)/ },
          ],
        },
      },
    },
  },
});
