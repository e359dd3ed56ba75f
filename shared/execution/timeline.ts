/** API execution data of one run -> its timeline (rows per stage and action, segments per attempt). */
import type {
  ApiActionExecutionDetail,
  ApiPipelineExecution,
  ApiPipelineExecutionSummary,
  PipelineStructure,
} from "./api-types";
import { list, member, num, text, time } from "./read";
import { actionKey, groupAttempts, type RawSegment } from "./segments";
import { isActive, isFinished, phaseOf, type Phase } from "./status";
import type {
  SegmentRef,
  Timeline,
  TimelineActionRow,
  TimelineSegment,
  TimelineStageRow,
} from "./timeline-types";

/** What {@link buildTimeline} reads; only `actionExecutions` is needed, the rest sharpens the result. */
export interface TimelineInput {
  /** The run's ListPipelineExecutions summary: the only source of its start and end times. */
  summary?: ApiPipelineExecutionSummary | undefined;
  /** GetPipelineExecution's `pipelineExecution`. */
  execution?: ApiPipelineExecution | undefined;
  /** ListActionExecutions details of the run, every page, any order. */
  actionExecutions: readonly ApiActionExecutionDetail[];
  /** The current declaration: gives stage and action order and runOrder, and marks removed stages. */
  pipeline?: PipelineStructure | undefined;
}

interface DeclaredAction {
  name: string;
  runOrder: number;
  category: string | null;
  provider: string | null;
}

interface DeclaredStage {
  name: string;
  actions: DeclaredAction[];
}

function readStructure(pipeline: unknown): DeclaredStage[] | null {
  const stages = member(pipeline, "stages");
  if (!Array.isArray(stages)) return null;
  const seenStages = new Set<string>();
  const declared: DeclaredStage[] = [];
  for (const stage of stages) {
    const name = text(stage, "name");
    if (name === undefined || seenStages.has(name)) continue;
    seenStages.add(name);
    const seenActions = new Set<string>();
    const actions = list(stage, "actions").flatMap((action, index) => {
      const actionName = text(action, "name");
      if (actionName === undefined || seenActions.has(actionName)) return [];
      seenActions.add(actionName);
      const typeId = member(action, "actionTypeId");
      const runOrder = num(action, "runOrder");
      return [
        {
          name: actionName,
          runOrder: runOrder !== undefined && runOrder >= 1 ? runOrder : 1,
          category: text(typeId, "category") ?? null,
          provider: text(typeId, "provider") ?? null,
          index,
        },
      ];
    });
    actions.sort((a, b) => a.runOrder - b.runOrder || a.index - b.index);
    declared.push({ name, actions });
  }
  return declared;
}

const firstStart = (segments: readonly RawSegment[]): number | null =>
  segments.reduce<number | null>(
    (min, s) => (s.start !== null && (min === null || s.start < min) ? s.start : min),
    null,
  );

/** Earliest start first, never-started last, then by name, so order never depends on input order. */
function byStartThenName<T>(items: T[], start: (item: T) => number | null, name: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const sa = start(a) ?? Number.POSITIVE_INFINITY;
    const sb = start(b) ?? Number.POSITIVE_INFINITY;
    if (sa !== sb) return sa < sb ? -1 : 1;
    return name(a).localeCompare(name(b));
  });
}

interface StagePlan {
  name: string;
  removed: boolean;
  actions: {
    name: string;
    runOrder: number | null;
    category: string | null;
    provider: string | null;
    removed: boolean;
  }[];
}

/**
 * Stage and action order: the declaration's where there is one, with stages and actions that ran
 * but are no longer declared slotted in by start time and marked removed (old runs keep their shape).
 */
function planStages(declared: DeclaredStage[] | null, groups: Map<string, RawSegment[]>): StagePlan[] {
  const historyStages = new Map<string, Map<string, RawSegment[]>>();
  for (const attempts of groups.values()) {
    const head = attempts[0];
    if (!head) continue;
    const actions = historyStages.get(head.stageName) ?? new Map<string, RawSegment[]>();
    actions.set(head.actionName, attempts);
    historyStages.set(head.stageName, actions);
  }
  const stageStart = (name: string): number | null =>
    firstStart([...(historyStages.get(name)?.values() ?? [])].flat());
  const extraActions = (
    stage: string,
    known: ReadonlySet<string>,
    removed: boolean,
  ): StagePlan["actions"] => {
    const ran = [...(historyStages.get(stage)?.entries() ?? [])].filter(([name]) => !known.has(name));
    return byStartThenName(
      ran,
      ([, attempts]) => firstStart(attempts),
      ([name]) => name,
    ).map(([name, attempts]) => ({
      name,
      runOrder: null,
      category: attempts[0]?.category ?? null,
      provider: attempts[0]?.provider ?? null,
      removed,
    }));
  };
  if (declared === null) {
    const names = byStartThenName([...historyStages.keys()], stageStart, (name) => name);
    return names.map((name) => ({ name, removed: false, actions: extraActions(name, new Set(), false) }));
  }
  const plans: StagePlan[] = declared.map((stage) => ({
    name: stage.name,
    removed: false,
    actions: [
      ...stage.actions.map((action) => ({ ...action, removed: false })),
      ...extraActions(stage.name, new Set(stage.actions.map((a) => a.name)), true),
    ],
  }));
  const declaredNames = new Set(declared.map((stage) => stage.name));
  const removedNames = byStartThenName(
    [...historyStages.keys()].filter((name) => !declaredNames.has(name)),
    stageStart,
    (name) => name,
  );
  for (const name of removedNames) {
    const start = stageStart(name);
    const plan: StagePlan = { name, removed: true, actions: extraActions(name, new Set(), true) };
    const before = start === null ? -1 : plans.findIndex((p) => (stageStart(p.name) ?? -Infinity) > start);
    if (before === -1) {
      // After the last stage that ran, not after stages the run never reached.
      let last = -1;
      plans.forEach((p, index) => {
        if (stageStart(p.name) !== null) last = index;
      });
      plans.splice(start === null ? plans.length : last + 1, 0, plan);
    } else plans.splice(before, 0, plan);
  }
  return plans;
}

interface Placed {
  segment: RawSegment;
  stageIndex: number;
  runOrder: number | null;
}

/** Whether `p` is something `s` had to wait for: an earlier stage, group or attempt that ended first. */
function precedes(p: Placed, s: Placed): boolean {
  if (p === s || p.segment.end === null || s.segment.start === null || p.segment.end > s.segment.start)
    return false;
  if (p.stageIndex !== s.stageIndex) return p.stageIndex < s.stageIndex;
  if (p.segment.actionName === s.segment.actionName) return p.segment.attempt < s.segment.attempt;
  // Same runOrder group (or a later one) runs alongside, not before; without runOrder, ending first is enough.
  return p.runOrder === null || s.runOrder === null || p.runOrder < s.runOrder;
}

function better(candidate: Placed, best: Placed | null): boolean {
  if (best === null) return true;
  const ce = candidate.segment.end ?? 0;
  const be = best.segment.end ?? 0;
  if (ce !== be) return ce > be;
  if (candidate.stageIndex !== best.stageIndex) return candidate.stageIndex > best.stageIndex;
  return (candidate.segment.durationMs ?? 0) > (best.segment.durationMs ?? 0);
}

const refOf = (segment: RawSegment): SegmentRef => ({
  stageName: segment.stageName,
  actionName: segment.actionName,
  attempt: segment.attempt,
});

function finishSegment(placed: Placed, all: readonly Placed[], runStart: number | null): TimelineSegment {
  const { category: _category, provider: _provider, ...segment } = placed.segment;
  let after: Placed | null = null;
  for (const candidate of all) if (precedes(candidate, placed) && better(candidate, after)) after = candidate;
  const start = segment.start;
  const from =
    after?.segment.end ?? (runStart !== null && start !== null && runStart <= start ? runStart : null);
  return {
    ...segment,
    waitBeforeMs: start !== null && from !== null ? start - from : null,
    after: after ? refOf(after.segment) : null,
  };
}

function rowPhase(segments: readonly TimelineSegment[], runActive: boolean): Phase {
  const latest = segments[segments.length - 1];
  if (!latest) return runActive ? "pending" : "not-run";
  return latest.phase;
}

function stagePhase(actions: readonly TimelineActionRow[], runActive: boolean): Phase {
  const phases = actions.map((a) => a.phase);
  const ran = actions.filter((a) => a.segments.length > 0);
  if (ran.length === 0) return runActive ? "pending" : "not-run";
  if (phases.some((p) => p === "running" || p === "stopping")) return "running";
  if (phases.includes("waiting")) return "waiting";
  if (phases.includes("failed")) return "failed";
  if (phases.includes("abandoned")) return "stopped";
  if (phases.includes("unknown")) return "unknown";
  if (phases.includes("pending")) return "running";
  return ran.every((a) => a.phase === "succeeded") ? "succeeded" : "unknown";
}

function actionRow(
  plan: StagePlan["actions"][number],
  stageName: string,
  segments: TimelineSegment[],
  runActive: boolean,
): TimelineActionRow {
  const latest = segments[segments.length - 1];
  const first = segments[0];
  const phase = rowPhase(segments, runActive);
  return {
    stageName,
    actionName: plan.name,
    runOrder: plan.runOrder,
    category: plan.category,
    provider: plan.provider,
    removed: plan.removed,
    segments,
    attempts: segments.length,
    retried: segments.length > 1,
    status: latest?.status ?? null,
    phase,
    waiting: phase === "waiting",
    start: first?.start ?? null,
    end: latest && latest.end !== null && !isActive(phase) ? latest.end : null,
    waitBeforeMs: first?.waitBeforeMs ?? null,
    error: latest?.error ?? null,
    externalExecutionUrl: latest?.externalExecutionUrl ?? null,
    logUrl: latest?.logUrl ?? null,
    outputVariables: latest?.outputVariables ?? {},
  };
}

/**
 * Turns one run's API data into its timeline. Never throws: missing times give null times, unknown
 * statuses give the `unknown` phase, and details of other runs or without names are still placed
 * or dropped, never trusted. The result depends only on the input (no clock is read).
 */
export function buildTimeline(input: TimelineInput): Timeline {
  const summary: unknown = member(input, "summary");
  const execution: unknown = member(input, "execution");
  const runId = text(summary, "pipelineExecutionId") ?? text(execution, "pipelineExecutionId") ?? null;
  const status = text(execution, "status") ?? text(summary, "status") ?? null;
  const phase = phaseOf(status);
  const runActive = !isFinished(phase) && phase !== "unknown";
  const groups = groupAttempts(member(input, "actionExecutions"), runId);
  const plans = planStages(readStructure(member(input, "pipeline")), groups);

  const placed: Placed[] = [];
  plans.forEach((plan, stageIndex) => {
    for (const action of plan.actions) {
      for (const segment of groups.get(actionKey(plan.name, action.name)) ?? []) {
        placed.push({ segment, stageIndex, runOrder: action.runOrder });
      }
    }
  });
  const segmentStarts = placed.flatMap((p) => (p.segment.start === null ? [] : [p.segment.start]));
  const segmentEnds = placed.flatMap((p) => (p.segment.end === null ? [] : [p.segment.end]));
  const runStart =
    time(summary, "startTime") ?? (segmentStarts.length > 0 ? Math.min(...segmentStarts) : null);
  const finished = new Map<RawSegment, TimelineSegment>(
    placed.map((p) => [p.segment, finishSegment(p, placed, runStart)]),
  );

  const stages: TimelineStageRow[] = plans.map((plan) => {
    const actions = plan.actions.map((action) => {
      const attempts = groups.get(actionKey(plan.name, action.name)) ?? [];
      const segments = attempts.flatMap((s) => {
        const done = finished.get(s);
        return done ? [done] : [];
      });
      return actionRow(action, plan.name, segments, runActive);
    });
    const stagePhaseValue = stagePhase(actions, runActive);
    const starts = actions.flatMap((a) => (a.start === null ? [] : [a.start]));
    const ends = actions.flatMap((a) => (a.end === null ? [] : [a.end]));
    return {
      stageName: plan.name,
      removed: plan.removed,
      phase: stagePhaseValue,
      start: starts.length > 0 ? Math.min(...starts) : null,
      end: ends.length > 0 && !isActive(stagePhaseValue) ? Math.max(...ends) : null,
      actions,
    };
  });

  const lastUpdate = time(summary, "lastUpdateTime");
  const candidateEnd = lastUpdate ?? (segmentEnds.length > 0 ? Math.max(...segmentEnds) : null);
  const end =
    isFinished(phase) && candidateEnd !== null && (runStart === null || candidateEnd >= runStart)
      ? candidateEnd
      : null;
  const executionType = text(summary, "executionType") ?? text(execution, "executionType") ?? null;
  const trigger =
    text(member(summary, "trigger"), "triggerType") ?? text(member(execution, "trigger"), "triggerType");
  const rollbackTargetId =
    text(member(summary, "rollbackMetadata"), "rollbackTargetPipelineExecutionId") ??
    text(member(execution, "rollbackMetadata"), "rollbackTargetPipelineExecutionId") ??
    null;
  return {
    pipelineExecutionId: runId,
    status,
    phase,
    executionType,
    executionMode: text(summary, "executionMode") ?? text(execution, "executionMode") ?? null,
    rollback:
      executionType === "ROLLBACK" ||
      trigger === "ManualRollback" ||
      trigger === "AutomatedRollback" ||
      rollbackTargetId !== null,
    rollbackTargetId,
    pipelineVersion: num(execution, "pipelineVersion") ?? null,
    start: runStart,
    end,
    durationMs: runStart !== null && end !== null ? end - runStart : null,
    stages,
  };
}
