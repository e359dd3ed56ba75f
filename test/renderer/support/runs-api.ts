import { vi } from "vitest";
import {
  ok,
  type RunControlResult,
  type RunDetail,
  type RunsPage,
  type RunsUpdate,
} from "../../../shared/ipc";
import { inputFor, load, runId, snapshot, summaries } from "../../shared/execution/recorded";

/** The recorded approval scenario: one run, waiting for approval, then approved. */
export const approval = load("approval");
export const RUN_ID = runId(approval, "approved");

export function detailAt(label: string): RunDetail {
  const input = inputFor(snapshot(approval, label), RUN_ID);
  const detail: RunDetail = {
    execution: input.execution ?? {},
    actionExecutions: [...input.actionExecutions],
  };
  if (input.summary) detail.summary = input.summary;
  if (input.pipeline) detail.pipeline = input.pipeline;
  return detail;
}

/** A `runs.updated` payload for the recorded snapshot `label` of the pipeline named `name`. */
export function updateAt(label: string, name = "gate"): RunsUpdate {
  const snap = snapshot(approval, label);
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
      ok<RunsPage>({ summaries: summaries(snapshot(approval, "final")), nextToken: null }),
    ),
    state: vi.fn(async () => ok(snapshot(approval, "final").getPipelineState)),
    detail: vi.fn(async () => ok(detailAt("final"))),
    start: control("Started a run of gate: new-run"),
    stop: control("Stopping the run"),
    retry: control("Retrying Build with its failed actions"),
    approve: control("Approved Approve/Review"),
    transition: control("Disabled the transition into Deploy"),
    rollback: control("Rolling back Deploy"),
    watch: vi.fn(async () => ok(null)),
    unwatch: vi.fn(async () => ok(null)),
    visibility: vi.fn(async () => ok(null)),
  };
}
