/**
 * Reads the execution fixtures recorded from the sandbox by scripts/record-executions.ts and
 * assembles what the runs views would pass to shared/execution for each run.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type {
  ApiActionExecutionDetail,
  ApiPipelineExecution,
  ApiPipelineExecutionSummary,
  ApiPipelineState,
  TimelineInput,
} from "../../../shared/execution";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";

const DIR = resolve(import.meta.dirname, "../../fixtures/executions");

export interface Snapshot {
  label: string;
  atMs: number;
  getPipeline: { pipeline: PipelineDeclaration };
  getPipelineState: ApiPipelineState;
  listPipelineExecutions: { pipelineExecutionSummaries: ApiPipelineExecutionSummary[]; nextToken?: string }[];
  getPipelineExecution: Record<string, { pipelineExecution: ApiPipelineExecution }>;
  listActionExecutions: Record<string, { actionExecutionDetails: ApiActionExecutionDetail[] }[]>;
}

export interface Recorded {
  scenario: string;
  description: string;
  pipelineName: string;
  runs: Record<string, string>;
  snapshots: Snapshot[];
}

export const SCENARIOS = [
  "success",
  "retry",
  "approval",
  "superseded",
  "stopped",
  "rollback",
  "parallel",
  "structure-changed",
] as const;

export function load(scenario: (typeof SCENARIOS)[number]): Recorded {
  return JSON.parse(readFileSync(resolve(DIR, `${scenario}.json`), "utf8")) as Recorded;
}

export function snapshot(recorded: Recorded, label: string): Snapshot {
  const found = recorded.snapshots.find((s) => s.label === label);
  if (!found) throw new Error(`${recorded.scenario} has no snapshot ${label}`);
  return found;
}

/** The id of the run that plays `role` in the scenario. */
export function runId(recorded: Recorded, role: string): string {
  const id = recorded.runs[role];
  if (!id) throw new Error(`${recorded.scenario} has no run ${role}`);
  return id;
}

export function summaries(snap: Snapshot): ApiPipelineExecutionSummary[] {
  return snap.listPipelineExecutions.flatMap((page) => page.pipelineExecutionSummaries);
}

/** Everything buildTimeline gets for one run, as the runs panel would gather it. */
export function inputFor(snap: Snapshot, id: string, withPipeline = true): TimelineInput {
  const summary = summaries(snap).find((s) => s.pipelineExecutionId === id);
  if (!summary) throw new Error(`no summary for ${id}`);
  return {
    summary,
    execution: snap.getPipelineExecution[id]?.pipelineExecution,
    actionExecutions: (snap.listActionExecutions[id] ?? []).flatMap((page) => page.actionExecutionDetails),
    ...(withPipeline ? { pipeline: snap.getPipeline.pipeline } : {}),
  };
}

/** Every snapshot of every fixture, with each of its runs. */
export function everyRun(): { scenario: string; label: string; id: string; snap: Snapshot }[] {
  return SCENARIOS.flatMap((scenario) =>
    load(scenario).snapshots.flatMap((snap) =>
      summaries(snap).map((s) => ({ scenario, label: snap.label, id: s.pipelineExecutionId ?? "", snap })),
    ),
  );
}

/** Seconds after the epoch as the wire gives them -> the milliseconds the model returns. */
export const ms = (epochSeconds: number): number => epochSeconds * 1000;
