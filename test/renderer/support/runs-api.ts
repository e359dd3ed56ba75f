import { vi } from "vitest";
import {
  ok,
  type RunControlResult,
  type RunDetail,
  type RunsPage,
  type RunsUpdate,
} from "../../../shared/ipc";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import type {
  ApiActionExecutionDetail,
  ApiPipelineExecution,
  ApiPipelineExecutionSummary,
  ApiPipelineState,
} from "../../../shared/execution";

/** One moment of a recorded scenario (test/fixtures/executions/README.md). */
interface Snapshot {
  label: string;
  atMs: number;
  getPipeline: { pipeline: PipelineDeclaration };
  getPipelineState: ApiPipelineState;
  listPipelineExecutions: { pipelineExecutionSummaries: ApiPipelineExecutionSummary[] }[];
  getPipelineExecution: Record<string, { pipelineExecution: ApiPipelineExecution }>;
  listActionExecutions: Record<string, { actionExecutionDetails: ApiActionExecutionDetail[] }[]>;
}

const approval = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "executions", "approval.json"), "utf8"),
) as { runs: Record<string, string>; snapshots: Snapshot[] };

function snapshot(label: string): Snapshot {
  const found = approval.snapshots.find((s) => s.label === label);
  if (!found) throw new Error(`approval.json has no snapshot ${label}`);
  return found;
}

function summaries(snap: Snapshot): ApiPipelineExecutionSummary[] {
  return snap.listPipelineExecutions.flatMap((page) => page.pipelineExecutionSummaries);
}

/** The recorded approval scenario: one run, waiting for approval, then approved. */
export const RUN_ID = approval.runs["approved"] ?? "";

/** What `runs.detail` returns for the run at the recorded moment `label`. */
export function detailAt(label: string): RunDetail {
  const snap = snapshot(label);
  const detail: RunDetail = {
    execution: snap.getPipelineExecution[RUN_ID]?.pipelineExecution ?? {},
    actionExecutions: (snap.listActionExecutions[RUN_ID] ?? []).flatMap((p) => p.actionExecutionDetails),
    pipeline: snap.getPipeline.pipeline,
  };
  const summary = summaries(snap).find((s) => s.pipelineExecutionId === RUN_ID);
  if (summary) detail.summary = summary;
  return detail;
}

/** A `runs.updated` payload for the recorded snapshot `label` of the pipeline named `name`. */
export function updateAt(label: string, name = "gate"): RunsUpdate {
  const snap = snapshot(label);
  return {
    pipelineName: name,
    connection: { kind: "sandbox" },
    state: snap.getPipelineState,
    runs: summaries(snap),
    error: null,
    active: label === "waiting",
    polledAt: snap.atMs,
    nextPollMs: 3000,
  };
}

/** The runs channels, answering from the recorded approval scenario. */
export function runsApi() {
  const control = (message: string) =>
    vi.fn(async () => ok<RunControlResult>({ pipelineExecutionId: RUN_ID, message }));
  return {
    list: vi.fn(async (_: { nextToken?: string; status?: string }) =>
      ok<RunsPage>({ summaries: summaries(snapshot("final")), nextToken: null }),
    ),
    state: vi.fn(async () => ok(snapshot("final").getPipelineState)),
    detail: vi.fn(async () => ok(detailAt("final"))),
    start: control("Started a run of gate: new-run"),
    stop: control("Stopping the run"),
    retry: control("Retrying Build with its failed actions"),
    approve: control("Approved Approve/Review"),
    transition: control("Disabled the transition into Deploy"),
    rollback: control("Rolling back Deploy"),
    override: control("Overrode the entry conditions of Deploy"),
    watch: vi.fn(async () => ok(null)),
    follow: vi.fn(async (_: { viewId: string; pipelineExecutionId: string | null }) => ok(null)),
    unwatch: vi.fn(async () => ok(null)),
    visibility: vi.fn(async () => ok(null)),
  };
}
