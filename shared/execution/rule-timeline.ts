/**
 * Stage condition checks on a run's time axis: one row per rule of a stage, one bar per time the
 * rule was evaluated in the run (ListRuleExecutions). A monitoring rule (a CloudWatch alarm watched
 * after deploy, a deployment window) can hold a run for a long time, so it belongs on the timeline
 * beside the actions. Read defensively like the rest of shared/execution: any member may be missing.
 */
import type { PipelineStructure } from "./api-types";
import type { ConditionHook } from "./conditions";
import { list, member, safeUrl, text, time } from "./read";
import { phaseOf, type Phase } from "./status";

/** One evaluation of a rule. */
export interface RuleSegment {
  ruleExecutionId: string | null;
  status: string | null;
  phase: Phase;
  start: number | null;
  /** Null while the rule is being evaluated. */
  end: number | null;
  summary: string | null;
  error: string | null;
  externalExecutionUrl: string | null;
}

/** One rule of one stage, with every evaluation of it in the run. */
export interface RuleRow {
  stageName: string;
  ruleName: string;
  /** The stage hook the rule belongs to, when the declaration says so unambiguously. */
  hook: ConditionHook | null;
  provider: string | null;
  /** The latest evaluation's status. */
  status: string | null;
  phase: Phase;
  start: number | null;
  end: number | null;
  segments: readonly RuleSegment[];
}

const HOOK_MEMBERS: readonly [ConditionHook, string][] = [
  ["entry", "beforeEntry"],
  ["success", "onSuccess"],
  ["failure", "onFailure"],
];

function hookOf(
  pipeline: PipelineStructure | undefined,
  stageName: string,
  ruleName: string,
): ConditionHook | null {
  const stage = list(pipeline, "stages").find((s) => text(s, "name") === stageName);
  const hooks = HOOK_MEMBERS.filter(([, key]) =>
    list(member(stage, key), "conditions").some((c) =>
      list(c, "rules").some((r) => text(r, "name") === ruleName),
    ),
  );
  return hooks.length === 1 ? (hooks[0]?.[0] ?? null) : null;
}

function segmentOf(detail: unknown): RuleSegment {
  const result = member(member(detail, "output"), "executionResult");
  const status = text(detail, "status") ?? null;
  const phase = phaseOf(status);
  const end = phase === "running" ? null : time(detail, "lastUpdateTime");
  return {
    ruleExecutionId: text(detail, "ruleExecutionId") ?? null,
    status,
    phase,
    start: time(detail, "startTime"),
    end,
    summary: text(result, "externalExecutionSummary") ?? null,
    error: text(member(result, "errorDetails"), "message") ?? null,
    externalExecutionUrl: safeUrl(text(result, "externalExecutionUrl")) ?? null,
  };
}

/**
 * The rule rows of a run from its ListRuleExecutions details (any order, every page), grouped by
 * stage and rule, evaluations in start order. `pipeline` (the run's declaration) names each rule's
 * hook; rows come in the order rules first ran.
 */
export function ruleRows(ruleExecutions: readonly unknown[], pipeline?: PipelineStructure): RuleRow[] {
  const groups = new Map<
    string,
    { stageName: string; ruleName: string; provider: string | null; segments: RuleSegment[] }
  >();
  for (const detail of ruleExecutions) {
    const stageName = text(detail, "stageName") ?? "(unnamed stage)";
    const ruleName = text(detail, "ruleName") ?? "(unnamed rule)";
    const key = JSON.stringify([stageName, ruleName]);
    let group = groups.get(key);
    if (group === undefined) {
      const provider = text(member(member(detail, "input"), "ruleTypeId"), "provider") ?? null;
      group = { stageName, ruleName, provider, segments: [] };
      groups.set(key, group);
    }
    group.segments.push(segmentOf(detail));
  }
  const byStart = (a: { start: number | null }, b: { start: number | null }) =>
    (a.start ?? Number.POSITIVE_INFINITY) - (b.start ?? Number.POSITIVE_INFINITY);
  const rows = [...groups.values()].map((g): RuleRow => {
    const segments = [...g.segments].sort(byStart);
    const latest = segments[segments.length - 1];
    const starts = segments.flatMap((s) => (s.start === null ? [] : [s.start]));
    const ends = segments.map((s) => s.end);
    return {
      stageName: g.stageName,
      ruleName: g.ruleName,
      hook: hookOf(pipeline, g.stageName, g.ruleName),
      provider: g.provider,
      status: latest?.status ?? null,
      phase: latest?.phase ?? "unknown",
      start: starts.length > 0 ? Math.min(...starts) : null,
      end: ends.some((e) => e === null) ? null : Math.max(...(ends as number[])),
      segments,
    };
  });
  return rows.sort(byStart);
}
