/**
 * A proposal's stored route in words: each leg decoded with the target program's IDL where the
 * app knows it (the local AMM's swap), otherwise named by program and size.
 */
import { BorshCoder, convertIdlToCamelCase } from "@anchor-lang/core";
import { Buffer } from "buffer";
import {
  LOCAL_AMM_IDL,
  LOCAL_AMM_PROGRAM_ID,
  proposalRoute,
  RouteLeg,
  TradeProposalAccount,
} from "@poolbot/sdk";

const ammCoder = new BorshCoder(convertIdlToCamelCase(LOCAL_AMM_IDL));
/** The swap's account names in order, camelCased (the IDL file spells them snake_case). */
const swapAccounts: string[] = LOCAL_AMM_IDL.instructions
  .find((i) => i.name === "swap")!
  .accounts.map((a) => (a.name as string).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

/** One leg as the Validators page shows it. */
export type LegView =
  | {
      kind: "swap";
      program: string;
      ammPool: string;
      mintIn: string;
      mintOut: string;
      amountIn: bigint;
      minAmountOut: bigint;
    }
  | { kind: "call"; program: string; accounts: number; dataBytes: number };

/** `leg` decoded. */
export function legView(leg: RouteLeg): LegView {
  const program = leg.programId.toBase58();
  if (leg.programId.equals(LOCAL_AMM_PROGRAM_ID)) {
    try {
      const decoded = ammCoder.instruction.decode(Buffer.from(leg.data));
      if (decoded?.name === "swap") {
        const args = (
          decoded.data as { args: { amountIn: { toString(): string }; minAmountOut: { toString(): string } } }
        ).args;
        const at = (name: string) => leg.accounts[swapAccounts.indexOf(name)]?.pubkey.toBase58() ?? "";
        return {
          kind: "swap",
          program,
          ammPool: at("pool"),
          mintIn: at("mintIn"),
          mintOut: at("mintOut"),
          amountIn: BigInt(args.amountIn.toString()),
          minAmountOut: BigInt(args.minAmountOut.toString()),
        };
      }
    } catch {
      // fall through to the generic view
    }
  }
  return { kind: "call", program, accounts: leg.accounts.length, dataBytes: leg.data.length };
}

/** Every leg of `proposal`'s route, decoded (empty when the bytes do not decode). */
export function routeView(proposal: TradeProposalAccount): LegView[] {
  try {
    return proposalRoute(proposal).map(legView);
  } catch {
    return [];
  }
}

/** The mints a route's swaps name. */
export function routeMints(legs: LegView[]): string[] {
  return legs.flatMap((l) => (l.kind === "swap" ? [l.mintIn, l.mintOut] : []));
}

/** Program names the app knows. */
export function programName(program: string): string {
  if (program === LOCAL_AMM_PROGRAM_ID.toBase58()) return "Local AMM";
  return `${program.slice(0, 4)}…${program.slice(-4)}`;
}
