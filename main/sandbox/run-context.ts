/**
 * What an action or rule execution knows about where it runs (pipeline, the version it follows,
 * the execution, the region and account), and the deterministic identifiers the sandbox derives
 * from it so simulated revisions and build ids look real and stay stable for a run.
 */
import { createHash } from "node:crypto";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import type { ExecutionRecord, PipelineRecord } from "./records";

export interface RunContext {
  pipeline: PipelineRecord;
  declaration: PipelineDeclaration;
  execution: ExecutionRecord;
  region: string;
}

/** Deterministic hex from the run's identity, so revisions look like commit ids and stay stable. */
export function fakeHex(length: number, ...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

/** A deterministic UUID (8-4-4-4-12 hex), the form AWS gives build and job ids. */
export function fakeUuid(...parts: string[]): string {
  const hex = fakeHex(32, ...parts);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The account a pipeline belongs to, read from its ARN. */
export function accountOf(ctx: RunContext): string {
  return /^arn:[^:]+:codepipeline:[^:]*:(\d{12}):/.exec(ctx.pipeline.arn)?.[1] ?? "123456789012";
}
