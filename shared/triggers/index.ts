/**
 * Trigger filters: which V2 trigger starts a pipeline for a push or a pull request, following the
 * glob language and include/exclude precedence AWS documents (see each module's citations).
 */
export { compileGlob, globMatches, type CompiledGlob } from "./glob";
export { PULL_REQUEST_EVENT_TYPES, type PullRequestEvent, type PushEvent, type TriggerEvent } from "./event";
export type { FilterDecision, FilterVerdict } from "./filters";
export { testTriggers, type TriggerTestResult, type TriggerVerdict } from "./trigger-test";
