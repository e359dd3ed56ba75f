/**
 * Delivery metrics from run history, for one pipeline or pooled over a fleet: deployments per day,
 * lead time for changes, change failure rate, time to restore, run durations and where the time
 * goes. Pure and total: the inputs are ListPipelineExecutions summaries and ListActionExecutions
 * details as any layer holds them, and nothing here throws.
 *
 * Definitions (the README and the metrics panel's help say the same):
 * - A run belongs to the period when it started in it.
 * - Deployments per day: succeeded runs divided by the period's days.
 * - Lead time for changes, per succeeded run (rollbacks excluded: their change is not new): from
 *   the change's time to the run's end. The change's time is the newest commit among the run's
 *   source actions (`CommitterDate`, else `AuthorDate`, the variables CodeCommit, GitHub and
 *   CodeStarSourceConnection actions output), never later than the run's start; a run with no
 *   commit date counts from its start.
 * - Change failure rate: Failed / (Succeeded + Failed); Stopped, Superseded and Cancelled runs do
 *   not count either way.
 * - Time to restore, per failed run: from its end to the end of the next succeeded run of the same
 *   pipeline; a failure not yet followed by a success counts as unrestored.
 * - Run duration: end minus start of runs that ended Succeeded or Failed; its trend compares the
 *   median of the period's first half with its second half.
 * - Stage and action times, per run: an action's last attempt (Succeeded or Failed), a stage from
 *   its first action's start to its last action's end. The slowest action leaves manual approvals
 *   out (they measure people, not work); stages keep them and say so.
 * - p50 is the median (the mean of the middle two for an even count); p90 is the nearest-rank
 *   90th percentile (the smallest value at least 90% of the samples are at or below).
 */
import type { ApiActionExecutionDetail, ApiPipelineExecutionSummary } from "./api-types";
import { median, percentile } from "./percentile";
import { member, stringMap, text, time } from "./read";

/** The history of one pipeline the metrics read. */
export interface PipelineHistory {
  pipelineName: string;
  summaries: readonly ApiPipelineExecutionSummary[];
  /** ListActionExecutions details of the period's runs (for commit dates and stage times). */
  actionExecutions: readonly ApiActionExecutionDetail[];
}

/** The period, epoch milliseconds, `since` inclusive and `until` exclusive. */
export interface MetricsPeriod {
  since: number;
  until: number;
}

/** p50 and p90 in seconds of `samples` values; null without samples. */
export interface SecondsPercentiles {
  p50: number | null;
  p90: number | null;
  samples: number;
}

/** A stage's time per run. */
export interface StageTiming extends SecondsPercentiles {
  pipelineName: string;
  stageName: string;
  /** The stage has a manual approval, whose wait is part of its time. */
  includesApproval: boolean;
}

/** An action's time per run (its last attempt). */
export interface ActionTiming extends SecondsPercentiles {
  pipelineName: string;
  stageName: string;
  actionName: string;
  approval: boolean;
}

/** One UTC day of the period. */
export interface DailyPoint {
  /** `YYYY-MM-DD`. */
  date: string;
  succeeded: number;
  failed: number;
  /** Median duration of the day's finished runs, seconds. */
  durationP50: number | null;
}

/** What {@link deliveryMetrics} returns; also the JSON of `pipewright stats`. */
export interface DeliveryMetrics {
  since: string;
  until: string;
  days: number;
  pipelines: number;
  runs: number;
  succeeded: number;
  failed: number;
  stopped: number;
  superseded: number;
  cancelled: number;
  inProgress: number;
  deploymentsPerDay: number;
  changeFailureRate: number | null;
  leadTimeSeconds: SecondsPercentiles & { fromCommits: number };
  timeToRestoreSeconds: { p50: number | null; samples: number; unrestored: number };
  durationSeconds: SecondsPercentiles & {
    trend: { firstHalfP50: number; secondHalfP50: number; change: number } | null;
  };
  daily: DailyPoint[];
  slowestStage: StageTiming | null;
  slowestAction: ActionTiming | null;
  /** Slowest first by p90. */
  stages: StageTiming[];
  actions: ActionTiming[];
}

const DAY_MS = 86_400_000;
const FINISHED = new Set(["Succeeded", "Failed"]);

interface Run {
  pipelineName: string;
  id: string;
  status: string;
  start: number;
  end: number | null;
  rollback: boolean;
}

function summarize(ms: readonly number[]): SecondsPercentiles {
  const sorted = [...ms].sort((a, b) => a - b);
  if (sorted.length === 0) return { p50: null, p90: null, samples: 0 };
  return { p50: median(sorted) / 1000, p90: percentile(sorted, 90) / 1000, samples: sorted.length };
}

function runsOf(history: PipelineHistory): Run[] {
  return history.summaries.flatMap((summary) => {
    const id = text(summary, "pipelineExecutionId");
    const start = time(summary, "startTime");
    if (id === undefined || start === null) return [];
    const status = text(summary, "status") ?? "";
    const end = status === "InProgress" || status === "Stopping" ? null : time(summary, "lastUpdateTime");
    const rollback = text(summary, "executionType") === "ROLLBACK";
    return [{ pipelineName: history.pipelineName, id, status, start, end, rollback }];
  });
}

/** The action executions of the given runs, grouped by run. */
function actionsByRun(history: PipelineHistory, runIds: ReadonlySet<string>) {
  const byRun = new Map<string, ApiActionExecutionDetail[]>();
  for (const detail of history.actionExecutions) {
    const id = text(detail, "pipelineExecutionId");
    if (id === undefined || !runIds.has(id)) continue;
    const list = byRun.get(id) ?? [];
    list.push(detail);
    byRun.set(id, list);
  }
  return byRun;
}

const categoryOf = (detail: ApiActionExecutionDetail): string | undefined =>
  text(member(member(detail, "input"), "actionTypeId"), "category");

/** The newest commit date among a run's source actions, epoch ms. */
function commitTime(details: readonly ApiActionExecutionDetail[]): number | null {
  let newest: number | null = null;
  for (const detail of details) {
    if (categoryOf(detail) !== "Source") continue;
    const variables = stringMap(member(detail, "output"), "outputVariables");
    const date = time(variables, "CommitterDate") ?? time(variables, "AuthorDate");
    if (date !== null && (newest === null || date > newest)) newest = date;
  }
  return newest;
}

/** Lead times (ms) of the succeeded runs, and how many started from a commit date. */
function leadTimes(runs: readonly Run[], details: ReadonlyMap<string, readonly ApiActionExecutionDetail[]>) {
  const samples: number[] = [];
  let fromCommits = 0;
  for (const run of runs) {
    if (run.status !== "Succeeded" || run.rollback || run.end === null) continue;
    const commit = commitTime(details.get(`${run.pipelineName}\u0000${run.id}`) ?? []);
    if (commit !== null) fromCommits++;
    const changedAt = commit === null ? run.start : Math.min(commit, run.start);
    samples.push(Math.max(0, run.end - changedAt));
  }
  return { samples, fromCommits };
}

/** Restore times (ms) of the failed runs in `inPeriod`, looking at all of each pipeline's runs. */
function restoreTimes(inPeriod: readonly Run[], all: readonly Run[]) {
  const samples: number[] = [];
  let unrestored = 0;
  for (const failed of inPeriod) {
    if (failed.status !== "Failed" || failed.end === null) continue;
    const failedEnd = failed.end;
    let next: number | null = null;
    for (const run of all) {
      if (run.pipelineName !== failed.pipelineName || run.status !== "Succeeded" || run.end === null)
        continue;
      if (run.end > failedEnd && (next === null || run.end < next)) next = run.end;
    }
    if (next === null) unrestored++;
    else samples.push(next - failedEnd);
  }
  return { samples, unrestored };
}

/** Stage and action timings over the runs' action executions. */
function timings(byRun: ReadonlyMap<string, readonly ApiActionExecutionDetail[]>, runs: readonly Run[]) {
  const actions = new Map<string, { timing: Omit<ActionTiming, keyof SecondsPercentiles>; ms: number[] }>();
  const stages = new Map<string, { timing: Omit<StageTiming, keyof SecondsPercentiles>; ms: number[] }>();
  for (const run of runs) {
    const details = byRun.get(`${run.pipelineName}\u0000${run.id}`) ?? [];
    const perAction = new Map<string, ApiActionExecutionDetail[]>();
    for (const detail of details) {
      const stageName = text(detail, "stageName");
      const actionName = text(detail, "actionName");
      if (stageName === undefined || actionName === undefined) continue;
      const key = JSON.stringify([stageName, actionName]);
      perAction.set(key, [...(perAction.get(key) ?? []), detail]);
    }
    const perStage = new Map<string, { start: number; end: number; complete: boolean; approval: boolean }>();
    for (const attempts of perAction.values()) {
      const first = attempts[0];
      const stageName = text(first, "stageName") ?? "";
      const actionName = text(first, "actionName") ?? "";
      const approval = attempts.some((a) => categoryOf(a) === "Approval");
      const last = [...attempts].sort((a, b) => (time(b, "startTime") ?? 0) - (time(a, "startTime") ?? 0))[0];
      const start = time(last, "startTime");
      const end = time(last, "lastUpdateTime");
      const finished = FINISHED.has(text(last, "status") ?? "") && start !== null && end !== null;
      const actionKey = JSON.stringify([run.pipelineName, stageName, actionName]);
      const action = actions.get(actionKey) ?? {
        timing: { pipelineName: run.pipelineName, stageName, actionName, approval },
        ms: [],
      };
      if (finished) action.ms.push(Math.max(0, end - start));
      actions.set(actionKey, action);
      const firstStart = Math.min(...attempts.map((a) => time(a, "startTime") ?? Infinity));
      const stage = perStage.get(stageName) ?? { start: Infinity, end: -Infinity, complete: true, approval };
      stage.start = Math.min(stage.start, firstStart);
      stage.end = Math.max(stage.end, end ?? -Infinity);
      stage.complete &&= finished;
      stage.approval ||= approval;
      perStage.set(stageName, stage);
    }
    for (const [stageName, span] of perStage) {
      const key = JSON.stringify([run.pipelineName, stageName]);
      const stage = stages.get(key) ?? {
        timing: { pipelineName: run.pipelineName, stageName, includesApproval: false },
        ms: [],
      };
      stage.timing.includesApproval ||= span.approval;
      if (span.complete && Number.isFinite(span.start) && Number.isFinite(span.end))
        stage.ms.push(Math.max(0, span.end - span.start));
      stages.set(key, stage);
    }
  }
  const bySlowest = <T extends SecondsPercentiles>(a: T, b: T) => (b.p90 ?? -1) - (a.p90 ?? -1);
  return {
    stages: [...stages.values()]
      .map((s) => ({ ...s.timing, ...summarize(s.ms) }))
      .filter((s) => s.samples > 0)
      .sort(bySlowest),
    actions: [...actions.values()]
      .map((a) => ({ ...a.timing, ...summarize(a.ms) }))
      .filter((a) => a.samples > 0)
      .sort(bySlowest),
  };
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daily(runs: readonly Run[], period: MetricsPeriod): DailyPoint[] {
  const points: DailyPoint[] = [];
  const durations = new Map<string, number[]>();
  const index = new Map<string, DailyPoint>();
  for (let day = Math.floor(period.since / DAY_MS) * DAY_MS; day < period.until; day += DAY_MS) {
    const point: DailyPoint = { date: dayOf(day), succeeded: 0, failed: 0, durationP50: null };
    points.push(point);
    index.set(point.date, point);
  }
  for (const run of runs) {
    const point = index.get(dayOf(run.start));
    if (!point) continue;
    if (run.status === "Succeeded") point.succeeded++;
    if (run.status === "Failed") point.failed++;
    if (FINISHED.has(run.status) && run.end !== null)
      durations.set(point.date, [...(durations.get(point.date) ?? []), run.end - run.start]);
  }
  for (const point of points) {
    const ms = durations.get(point.date);
    if (ms) point.durationP50 = summarize(ms).p50;
  }
  return points;
}

/**
 * The metrics of one pipeline's history, or of several pooled (the fleet): counts add up, and
 * every percentile is taken over all the pipelines' samples together.
 */
export function deliveryMetrics(
  histories: readonly PipelineHistory[],
  period: MetricsPeriod,
): DeliveryMetrics {
  const all = histories.flatMap(runsOf);
  const runs = all.filter((r) => r.start >= period.since && r.start < period.until);
  const byRun = new Map<string, readonly ApiActionExecutionDetail[]>();
  for (const history of histories) {
    const ids = new Set(runs.filter((r) => r.pipelineName === history.pipelineName).map((r) => r.id));
    for (const [id, details] of actionsByRun(history, ids))
      byRun.set(`${history.pipelineName}\u0000${id}`, details);
  }
  const count = (...statuses: string[]) => runs.filter((r) => statuses.includes(r.status)).length;
  const succeeded = count("Succeeded");
  const failed = count("Failed");
  const days = Math.max(0, period.until - period.since) / DAY_MS;
  const lead = leadTimes(runs, byRun);
  const restore = restoreTimes(runs, all);
  const finished = runs.filter((r) => FINISHED.has(r.status) && r.end !== null);
  const durationMs = (list: readonly Run[]) => list.map((r) => (r.end ?? r.start) - r.start);
  const middle = period.since + (period.until - period.since) / 2;
  const firstHalf = summarize(durationMs(finished.filter((r) => r.start < middle))).p50;
  const secondHalf = summarize(durationMs(finished.filter((r) => r.start >= middle))).p50;
  const { stages, actions } = timings(byRun, runs);
  return {
    since: new Date(period.since).toISOString(),
    until: new Date(period.until).toISOString(),
    days,
    pipelines: histories.length,
    runs: runs.length,
    succeeded,
    failed,
    stopped: count("Stopped", "Stopping"),
    superseded: count("Superseded"),
    cancelled: count("Cancelled"),
    inProgress: count("InProgress"),
    deploymentsPerDay: days > 0 ? succeeded / days : 0,
    changeFailureRate: succeeded + failed > 0 ? failed / (succeeded + failed) : null,
    leadTimeSeconds: { ...summarize(lead.samples), fromCommits: lead.fromCommits },
    timeToRestoreSeconds: {
      p50: summarize(restore.samples).p50,
      samples: restore.samples.length,
      unrestored: restore.unrestored,
    },
    durationSeconds: {
      ...summarize(durationMs(finished)),
      trend:
        firstHalf !== null && secondHalf !== null && firstHalf > 0
          ? {
              firstHalfP50: firstHalf,
              secondHalfP50: secondHalf,
              change: (secondHalf - firstHalf) / firstHalf,
            }
          : null,
    },
    daily: daily(runs, period),
    slowestStage: stages[0] ?? null,
    slowestAction: actions.find((a) => !a.approval) ?? null,
    stages,
    actions,
  };
}

/**
 * A period ending at `now` from `--since`-style text: `30d`, `12h`, `2w`; anything else is null.
 * Used by the command line and the panel's period picker alike.
 */
export function periodFromText(since: string, now: number): MetricsPeriod | null {
  const match = /^(\d{1,4})([hdw])$/.exec(since.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = match[2] === "h" ? 3_600_000 : match[2] === "d" ? DAY_MS : 7 * DAY_MS;
  if (amount <= 0) return null;
  return { since: now - amount * unit, until: now };
}
