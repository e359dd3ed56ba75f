/**
 * Two runs side by side: how long each action took in each, which source revisions each ran, and —
 * when they ran different versions of the pipeline — what changed in the definition between them.
 * "Why is this run slower?" is answered by these three together.
 */
import { diffPipelines, type PipelineDiff } from "../diff";
import type { PipelineDeclaration } from "../pipeline/model";
import { summarizeRuns, type RunRevision } from "./run-list";
import { buildTimeline, type TimelineInput } from "./timeline";
import type { Timeline } from "./timeline-types";

/** A run as the runs view loads it: the timeline input plus the definition it ran, when known. */
export interface ComparedRunInput extends TimelineInput {
  /** The version of the declaration the run ran (GetPipeline with the run's `pipelineVersion`). */
  definition?: PipelineDeclaration | undefined;
}

/** One action's duration in both runs; `deltaMs` is a − b. */
export interface DurationRow {
  name: string;
  a: number | null;
  b: number | null;
  deltaMs: number | null;
}

/** One source action's revision in both runs. */
export interface RevisionRow {
  actionName: string;
  a: RunRevision | null;
  b: RunRevision | null;
  same: boolean;
}

/** What changed in the definition between the runs, older to newer. */
export type DefinitionChange =
  | { kind: "same-version"; version: number | null }
  | { kind: "diff"; from: "a" | "b"; fromVersion: number; toVersion: number; diff: PipelineDiff }
  | { kind: "unavailable"; reason: string };

/** The comparison of run `a` with run `b`. */
export interface RunComparison {
  a: Timeline;
  b: Timeline;
  whole: DurationRow;
  actions: readonly DurationRow[];
  revisions: readonly RevisionRow[];
  definition: DefinitionChange;
}

function durationRow(name: string, a: number | null, b: number | null): DurationRow {
  return { name, a, b, deltaMs: a !== null && b !== null ? a - b : null };
}

function actionDurations(t: Timeline): Map<string, number | null> {
  const map = new Map<string, number | null>();
  for (const stage of t.stages)
    for (const action of stage.actions)
      map.set(
        `${stage.stageName}/${action.actionName}`,
        action.start === null || action.end === null ? null : action.end - action.start,
      );
  return map;
}

function revisionsOf(run: ComparedRunInput): Map<string, RunRevision> {
  const row = run.summary ? summarizeRuns([run.summary])[0] : undefined;
  const map = new Map<string, RunRevision>();
  for (const revision of row?.sourceRevisions ?? []) map.set(revision.actionName ?? "(source)", revision);
  return map;
}

function definitionChange(
  a: ComparedRunInput,
  b: ComparedRunInput,
  ta: Timeline,
  tb: Timeline,
): DefinitionChange {
  const va = ta.pipelineVersion;
  const vb = tb.pipelineVersion;
  if (va === vb) return { kind: "same-version", version: va };
  if (va === null || vb === null)
    return { kind: "unavailable", reason: "A run does not say which version it ran." };
  if (a.definition?.version !== va || b.definition?.version !== vb)
    return {
      kind: "unavailable",
      reason: `The service no longer has version ${a.definition?.version !== va ? va : vb} of the pipeline.`,
    };
  // Older to newer, so "added" means added since the older run.
  return va < vb
    ? {
        kind: "diff",
        from: "a",
        fromVersion: va,
        toVersion: vb,
        diff: diffPipelines(a.definition, b.definition),
      }
    : {
        kind: "diff",
        from: "b",
        fromVersion: vb,
        toVersion: va,
        diff: diffPipelines(b.definition, a.definition),
      };
}

/** Compares run `a` with run `b`: durations (a − b), source revisions and the definition change. */
export function compareRuns(a: ComparedRunInput, b: ComparedRunInput): RunComparison {
  const ta = buildTimeline(a);
  const tb = buildTimeline(b);
  const da = actionDurations(ta);
  const db = actionDurations(tb);
  const names = [...new Set([...da.keys(), ...db.keys()])];
  const ra = revisionsOf(a);
  const rb = revisionsOf(b);
  const sources = [...new Set([...ra.keys(), ...rb.keys()])];
  return {
    a: ta,
    b: tb,
    whole: durationRow("Whole run", ta.durationMs, tb.durationMs),
    actions: names.map((name) => durationRow(name, da.get(name) ?? null, db.get(name) ?? null)),
    revisions: sources.map((actionName) => {
      const x = ra.get(actionName) ?? null;
      const y = rb.get(actionName) ?? null;
      return { actionName, a: x, b: y, same: x !== null && y !== null && x.revisionId === y.revisionId };
    }),
    definition: definitionChange(a, b, ta, tb),
  };
}
