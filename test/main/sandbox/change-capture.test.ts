import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { ChangeTracker, type Touched } from "../../../main/sandbox/change-capture";
import { ReplayIndex, type ChangeOp, type DurableRoot } from "../../../main/sandbox/change-ops";
import { emptyPartitionData } from "../../../main/sandbox/partition-records";
import type { PipelineRecord } from "../../../main/sandbox/records";

/**
 * The change tracker against a replay of what it logs, on random edit sequences: after every
 * commit the log must reproduce memory exactly. Each edit says which pipeline a request named, as
 * dispatch does; edits with no name are what timers do (they only touch open records).
 */
type Edit =
  | { kind: "create"; pipeline: number }
  | { kind: "delete"; pipeline: number }
  | { kind: "start"; pipeline: number }
  | { kind: "finish"; pipeline: number; run: number }
  | { kind: "retry"; pipeline: number; run: number }
  | { kind: "tag"; pipeline: number }
  | { kind: "update"; pipeline: number }
  | { kind: "prune"; pipeline: number }
  | { kind: "webhook" };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), pipeline: fc.nat(3) }),
  fc.record({ kind: fc.constant("delete" as const), pipeline: fc.nat(3) }),
  fc.record({ kind: fc.constant("start" as const), pipeline: fc.nat(3) }),
  fc.record({ kind: fc.constant("start" as const), pipeline: fc.nat(3) }),
  fc.record({ kind: fc.constant("finish" as const), pipeline: fc.nat(3), run: fc.nat(20) }),
  fc.record({ kind: fc.constant("finish" as const), pipeline: fc.nat(3), run: fc.nat(20) }),
  fc.record({ kind: fc.constant("retry" as const), pipeline: fc.nat(3), run: fc.nat(20) }),
  fc.record({ kind: fc.constant("tag" as const), pipeline: fc.nat(3) }),
  fc.record({ kind: fc.constant("update" as const), pipeline: fc.nat(3) }),
  fc.record({ kind: fc.constant("prune" as const), pipeline: fc.nat(3) }),
  fc.record({ kind: fc.constant("webhook" as const) }),
);

function pipelineNamed(name: string, clock: number): PipelineRecord {
  return {
    name,
    arn: `arn:aws:codepipeline:us-east-1:123456789012:${name}`,
    versions: [
      { name, roleArn: "r", stages: [], version: 1 } as unknown as PipelineRecord["versions"][number],
    ],
    created: clock,
    updated: clock,
    tags: [],
    transitions: [],
    executions: [],
    actionRuns: [],
    conditionChecks: [],
    ruleRuns: [],
    clientTokens: [],
  };
}

/** Applies one edit to memory; returns what dispatch would tell the store ("all", names, or none). */
function applyEdit(root: DurableRoot, e: Edit, step: number): Touched {
  const data = root.partitions[0] as (typeof root.partitions)[number];
  const name = `p${"pipeline" in e ? e.pipeline : 0}`;
  const pipeline = data.state.pipelines.find((p) => p.name === name);
  const none = new Set<string>();
  switch (e.kind) {
    case "create":
      if (pipeline) return none;
      data.state.pipelines.push(pipelineNamed(name, step));
      return new Set([name]);
    case "delete":
      data.state.pipelines = data.state.pipelines.filter((p) => p !== pipeline);
      return new Set([name]);
    case "start": {
      if (!pipeline) return none;
      data.state.seq += 1;
      const id = `${name}-run-${step}`;
      pipeline.executions.push({
        id,
        status: "InProgress",
        lastUpdateTime: step,
        stages: [{ name: "S", status: "InProgress" }],
      } as never);
      pipeline.actionRuns.push({
        id: `${id}-a`,
        executionId: id,
        status: "InProgress",
        lastUpdateTime: step,
      } as never);
      return new Set([name]);
    }
    case "finish": {
      // A timer: only records still open change, and nobody names the pipeline.
      const open = pipeline?.executions.filter((x) => x.status === "InProgress") ?? [];
      const run = open[e.run % Math.max(1, open.length)];
      if (!run || !pipeline) return none;
      run.status = "Succeeded";
      run.stages[0] = { ...run.stages[0], name: "S", status: "Succeeded" } as never;
      run.lastUpdateTime = step;
      const action = pipeline.actionRuns.find((a) => a.executionId === run.id);
      if (action) action.status = "Succeeded";
      return none;
    }
    case "retry": {
      const closed = pipeline?.executions.filter((x) => x.status !== "InProgress") ?? [];
      const run = closed[e.run % Math.max(1, closed.length)];
      if (!run) return none;
      run.status = "InProgress";
      run.lastUpdateTime = step;
      return new Set([name]);
    }
    case "tag":
      if (!pipeline) return none;
      pipeline.tags = [...pipeline.tags, { key: `k${step}`, value: "v" }];
      return new Set([name]);
    case "update":
      if (!pipeline) return none;
      pipeline.versions.push({ ...pipeline.versions[0], version: pipeline.versions.length + 1 } as never);
      pipeline.updated = step;
      return new Set([name]);
    case "prune": {
      if (!pipeline || pipeline.executions.length < 2) return none;
      const dropped = pipeline.executions[0]?.id;
      pipeline.executions = pipeline.executions.slice(1);
      pipeline.actionRuns = pipeline.actionRuns.filter((a) => a.executionId !== dropped);
      return new Set([name]);
    }
    case "webhook":
      data.webhooks = [...data.webhooks, { definition: { name: `w${step}` } } as never];
      return "all";
  }
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("change capture", () => {
  it("logs exactly what random edit sequences change, commit after commit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 25 }),
        (commits) => {
          const root: DurableRoot = {
            clockMs: 0,
            partitions: [emptyPartitionData("123456789012", "us-east-1")],
          };
          const tracker = new ChangeTracker();
          const shadow = { clockMs: 0, partitions: [] } as DurableRoot;
          const index = new ReplayIndex(shadow);
          let step = 0;
          for (const batch of commits) {
            let touched: Touched = new Set();
            for (const e of batch) {
              const t = applyEdit(root, e, (step += 1));
              touched = touched === "all" || t === "all" ? "all" : new Set([...touched, ...t]);
            }
            const ops: ChangeOp[] = [];
            tracker.capturePartition(root.partitions[0] as never, touched, ops);
            for (const op of plain(ops) as ChangeOp[]) index.apply(op);
            if (!isDeepStrictEqual(plain(root.partitions), plain(shadow.partitions))) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds nothing to log when nothing changed", () => {
    const root: DurableRoot = { clockMs: 0, partitions: [emptyPartitionData("123456789012", "us-east-1")] };
    root.partitions[0]?.state.pipelines.push(pipelineNamed("p", 1));
    const tracker = new ChangeTracker(root);
    const ops: ChangeOp[] = [];
    tracker.capturePartition(root.partitions[0] as never, "all", ops);
    expect(ops).toEqual([]);
  });
});
