/**
 * What every operation handler gets: the state, the engine and the account and region of the
 * request's partition (one account in one region, see partitions.ts).
 */
import type { Engine } from "./engine";
import type { Partition } from "./partitions";
import { fail } from "./protocol";
import type { PipelineRecord, SandboxState } from "./records";

export interface SandboxContext {
  readonly state: SandboxState;
  readonly engine: Engine;
  readonly region: string;
  readonly accountId: string;
  /** Who the sandbox says made a change (no real identity exists behind a dummy signature). */
  readonly principal: string;
  /** Records a change made outside the engine; the answer waits until it is durable. */
  changed(): void;
  /** The account × region the request addresses; state, engine, region and accountId are its. */
  readonly partition: Partition;
}

export type OperationHandler = (ctx: SandboxContext, input: Record<string, unknown>) => unknown;

export function findPipeline(ctx: SandboxContext, name: string): PipelineRecord | undefined {
  return ctx.state.pipelines.find((p) => p.name === name);
}

/** Worded as the service words it ("Pipeline with name x does not exist in account 111122223333."). */
export function requirePipeline(ctx: SandboxContext, name: string): PipelineRecord {
  return (
    findPipeline(ctx, name) ??
    fail(
      "PipelineNotFoundException",
      `Pipeline with name ${name} does not exist in account ${ctx.accountId} in region ${ctx.region}.`,
    )
  );
}

export function pipelineArn(ctx: SandboxContext, name: string): string {
  return `arn:${ctx.partition.arnPartition}:codepipeline:${ctx.region}:${ctx.accountId}:${name}`;
}
