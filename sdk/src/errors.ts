/**
 * A failed transaction as the program's named error: the code, the name the program gives it
 * (`PoolError::BelowMinContribution` → `"BelowMinContribution"`, or Anchor's own such as
 * `"ConstraintHasOne"`), the message and the program that raised it.
 */
import { AnchorError, LangErrorCode, LangErrorMessage } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import {
  IdlErrorEntry,
  LOCAL_AMM_ERRORS,
  LOCAL_AMM_PROGRAM_ID,
  POOL_BOT_ERRORS,
  POOL_BOT_PROGRAM_ID,
} from "./idl";

/** A program's refusal, decoded. */
export interface ProgramFailure {
  /** Error number: 6000 and up for the program's own errors, below for Anchor's. */
  code: number;
  /** The error's name as the program spells it. */
  name: string;
  /** Its message. */
  message: string;
  /** The program that raised it, when the logs say. */
  programId?: PublicKey;
}

const CUSTOM_ERROR = /^Program (\w+) failed: custom program error: 0x([0-9a-fA-F]+)$/;

const langErrorNames = new Map<number, string>(
  Object.entries(LangErrorCode).map(([name, code]) => [code as number, name]),
);

function idlErrorsOf(programId: PublicKey | undefined): readonly IdlErrorEntry[] {
  if (programId?.equals(POOL_BOT_PROGRAM_ID)) return POOL_BOT_ERRORS;
  if (programId?.equals(LOCAL_AMM_PROGRAM_ID)) return LOCAL_AMM_ERRORS;
  return [];
}

function logsOf(err: unknown): string[] | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { logs?: unknown; transactionLogs?: unknown };
  const logs = e.logs ?? e.transactionLogs;
  return Array.isArray(logs) ? (logs as string[]) : undefined;
}

/**
 * The named program error behind `err` (what `.rpc()`, `sendTransaction` or a simulation
 * threw), or `null` when it is no program's refusal (a network error, a bad signature, ...).
 */
export function decodeProgramError(err: unknown): ProgramFailure | null {
  const logs = logsOf(err);
  const anchor = err instanceof AnchorError ? err : AnchorError.parse(logs ?? []);
  if (anchor) {
    return {
      code: anchor.error.errorCode.number,
      name: anchor.error.errorCode.code,
      message: anchor.error.errorMessage,
      programId: anchor.program,
    };
  }
  for (const line of logs ?? []) {
    const match = CUSTOM_ERROR.exec(line);
    if (!match) continue;
    const programId = new PublicKey(match[1]);
    const code = parseInt(match[2], 16);
    const known = idlErrorsOf(programId).find((e) => e.code === code);
    return {
      code,
      name: known?.name ?? langErrorNames.get(code) ?? `Custom(${code})`,
      message: known?.msg ?? LangErrorMessage.get(code) ?? `custom program error ${code}`,
      programId,
    };
  }
  return null;
}

/** The IDL entry of Pool Bot's error `name` (e.g. `"BelowMinContribution"`). */
export function poolBotError(name: string): IdlErrorEntry {
  const entry = POOL_BOT_ERRORS.find((e) => e.name === name);
  if (!entry) throw new Error(`Pool Bot has no error named ${name}`);
  return entry;
}
