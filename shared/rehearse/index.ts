/**
 * Rehearsals: a pipeline run in a private sandbox with a what-if scenario, reported as the
 * rehearsed run's outcome, its path (events) and expectations checked against it.
 */
export type * from "./types";
export { checkExpectations, expectSchema, parseExpect, type RehearsalExpect } from "./expect";
export { describeEvent, formatOffset } from "./describe";
export {
  actionKey,
  frameAt,
  stepAtTime,
  type PlaybackAction,
  type PlaybackFrame,
  type PlaybackStage,
} from "./playback";
export {
  actionMark,
  hasActionMark,
  ruleMark,
  setActionMark,
  setRuleMark,
  staleRules,
  type ActionMark,
  type OutcomeFields,
  type RuleMark,
  type WhatIf,
  type WhatIfConditionRule,
  type WhatIfRule,
} from "./what-if";
export { runAsOf } from "./timeline-cut";
