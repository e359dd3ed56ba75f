/** What every operation handler gets: the state, the engine and the account it pretends to be. */
import type { Engine } from "./engine";
import { fail } from "./protocol";
import type { PipelineRecord, SandboxState } from "./records";

export interface SandboxContext {
  readonly state: SandboxState;
  readonly engine: Engine;
  readonly region: string;
  readonly accountId: string;
  /** Who the sandbox says made a change (no real identity exists behind a dummy signature). */
  readonly principal: string;
  /** Schedules a save after a change made outside the engine. */
  changed(): void;
}

export type OperationHandler = (ctx: SandboxContext, input: Record<string, unknown>) => unknown;

export function findPipeline(ctx: SandboxContext, name: string): PipelineRecord | undefined {
  return ctx.state.pipelines.find((p) => p.name === name);
}

export function requirePipeline(ctx: SandboxContext, name: string): PipelineRecord {
  return findPipeline(ctx, name) ?? fail("PipelineNotFoundException", `Pipeline not found: ${name}`);
}

export function pipelineArn(ctx: SandboxContext, name: string): string {
  return `arn:aws:codepipeline:${ctx.region}:${ctx.accountId}:${name}`;
}
