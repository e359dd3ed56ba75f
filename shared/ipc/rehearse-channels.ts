import { z } from "zod";
import type { PipelineDeclaration } from "../pipeline/model";
import type { RehearsalResult } from "../rehearse";
import type { Diagnostic } from "../validate/diagnostic";
import type { ChannelDefinition } from "./contract";
import { pathSchema } from "./schemas";

/**
 * The rehearse channels: rehearse the open document (saved or not) in a private, in-memory
 * sandbox in main, and keep what-ifs beside the document's file. Spread into `CHANNELS`.
 */

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDefinition<Req, Res> => ({ request });
}

/** A what-if's name, as in `web.whatif.<name>.json`. */
export const whatIfNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "A what-if name has letters, digits, - and _ only (up to 64)");

const pipelineSchema = z.custom<PipelineDeclaration>(
  (v) =>
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Array.isArray((v as { stages?: unknown }).stages),
  "The pipeline must be an object with a stages list",
);

/** What a rehearsal came to: the run, or why it could not run. */
export type RehearseOutcome =
  | { kind: "ran"; result: RehearsalResult }
  | { kind: "invalid-pipeline"; message: string; diagnostics: Diagnostic[] }
  | { kind: "invalid-what-if"; message: string };

/** A what-if file beside the document: its scenario, or why it cannot be used. */
export interface WhatIfFileEntry {
  name: string;
  path: string;
  whatIf?: unknown;
  problem?: string;
}

export const REHEARSE_CHANNELS = {
  /** Rehearses the pipeline with a what-if scenario (`{}`: everything succeeds). */
  "rehearse.run": channel<RehearseOutcome>()(
    z.strictObject({ pipeline: pipelineSchema, whatIf: z.unknown() }),
  ),
  /** The what-ifs saved beside the document's file, by name. */
  "rehearse.listWhatIfs": channel<WhatIfFileEntry[]>()(z.strictObject({ documentPath: pathSchema })),
  /** Saves (creates or replaces) a what-if beside the document's file; returns its path. */
  "rehearse.saveWhatIf": channel<{ path: string }>()(
    z.strictObject({ documentPath: pathSchema, name: whatIfNameSchema, whatIf: z.unknown() }),
  ),
  /** Deletes a what-if file beside the document. */
  "rehearse.deleteWhatIf": channel<null>()(
    z.strictObject({ documentPath: pathSchema, name: whatIfNameSchema }),
  ),
} as const;
