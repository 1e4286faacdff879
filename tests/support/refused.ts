/**
 * The check every refusal test makes: the program's named error, decoded by the TS client, and
 * nothing moved.
 */
import assert from "node:assert/strict";
import { AnchorError } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import { decodeProgramError, POOL_BOT_PROGRAM_ID, poolBotError } from "@poolbot/sdk";
import { connect, snapshot } from "./localnet";

const connection = connect();

/**
 * Runs `action`, expecting Pool Bot's error `name` (or Anchor's own, `code` given) and no change
 * to the `watched` accounts (nothing is sent: the refusal comes from the preflight simulation,
 * so the signer pays no fee either).
 */
export async function refused(
  action: () => Promise<unknown>,
  name: string,
  watched: PublicKey[],
  code = poolBotError(name).code,
): Promise<void> {
  const before = await snapshot(connection, watched);
  const err = await action().then(
    () => assert.fail(`expected ${name}, but the transaction succeeded`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof AnchorError, `Anchor decodes the refusal: ${String(err)}`);
  assert.equal(err.error.errorCode.code, name);
  assert.equal(err.error.errorCode.number, code);
  const failure = decodeProgramError(err);
  assert.ok(failure);
  assert.deepEqual([failure.name, failure.code], [name, code]);
  assert.ok(failure.programId?.equals(POOL_BOT_PROGRAM_ID));
  assert.deepEqual(await snapshot(connection, watched), before, "nothing moved");
}
