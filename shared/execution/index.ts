/**
 * Execution data -> what the runs views show: timelines, duration statistics, the critical path,
 * stage progress and history rows. Pure and total: every function accepts partial or unexpected
 * API data (missing times, unknown statuses) and returns a result instead of throwing.
 */
export type * from "./api-types";
export type * from "./timeline-types";
export { buildTimeline, type TimelineInput } from "./timeline";
export {
  runStats,
  criticalPath,
  type RunStats,
  type ActionStats,
  type CriticalPath,
  type CriticalStep,
} from "./stats";
export { progress, type Progress } from "./progress";
export { summarizeRuns, type RunRow, type RunRevision } from "./run-list";
export { phaseOf, isActive, isFinished, type Phase } from "./status";
export { toEpochMs } from "./read";
export { logStreamUrl } from "./links";
export {
  compareRuns,
  type ComparedRunInput,
  type DefinitionChange,
  type DurationRow,
  type RevisionRow,
  type RunComparison,
} from "./run-compare";
export { conditionChecks, type ConditionCheck, type ConditionHook, type RuleOutcome } from "./conditions";
export { ruleRows, type RuleRow, type RuleSegment } from "./rule-timeline";
export { formatDuration } from "./duration";
export { median, percentile } from "./percentile";
export {
  deliveryMetrics,
  periodFromText,
  type ActionTiming,
  type DailyPoint,
  type DeliveryMetrics,
  type MetricsPeriod,
  type PipelineHistory,
  type SecondsPercentiles,
  type StageTiming,
} from "./delivery-metrics";
