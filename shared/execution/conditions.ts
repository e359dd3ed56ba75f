/**
 * A stage's condition checks as a person reads them: which hook ran (entry, success, failure), how
 * it came out, and which rules did not pass and why. From GetPipelineState's StageConditionState.
 */
import type { ApiStageConditionState, ApiStageState } from "./api-types";
import { phaseOf, type Phase } from "./status";

/** The stage hook a check belongs to. */
export type ConditionHook = "entry" | "success" | "failure";

/** A rule of a check that did not pass (or has not finished). */
export interface RuleOutcome {
  ruleName: string;
  status: string | null;
  /** The rule's error message, else its summary. */
  reason: string | null;
}

/** The latest check of one hook of one stage. */
export interface ConditionCheck {
  hook: ConditionHook;
  /** The API status (`InProgress`, `Succeeded`, `Failed`, `Errored`, `Overridden`, …). */
  status: string | null;
  phase: Phase;
  summary: string | null;
  /** Rules that failed or are still running; empty when every rule passed. */
  pending: readonly RuleOutcome[];
}

const HOOKS: readonly [ConditionHook, keyof ApiStageState][] = [
  ["entry", "beforeEntryConditionState"],
  ["success", "onSuccessConditionState"],
  ["failure", "onFailureConditionState"],
];

function check(hook: ConditionHook, state: ApiStageConditionState): ConditionCheck | null {
  const latest = state.latestExecution;
  if (latest === undefined) return null;
  const status = typeof latest.status === "string" ? latest.status : null;
  const pending: RuleOutcome[] = [];
  for (const condition of state.conditionStates ?? [])
    for (const rule of condition.ruleStates ?? []) {
      const run = rule.latestExecution;
      // Passed, or abandoned when the check ended otherwise (an override, a stop): nothing to say.
      if (run === undefined || run.status === "Succeeded" || run.status === "Abandoned") continue;
      pending.push({
        ruleName: rule.ruleName ?? "(unnamed rule)",
        status: run.status ?? null,
        reason: run.errorDetails?.message ?? run.summary ?? null,
      });
    }
  return {
    hook,
    status,
    // A person overrode the check: the run went on as if it had passed.
    phase: status === "Overridden" ? "skipped" : phaseOf(status),
    summary: typeof latest.summary === "string" ? latest.summary : null,
    pending,
  };
}

/** The latest condition checks of a stage, entry first; hooks that never ran are left out. */
export function conditionChecks(stage: ApiStageState): ConditionCheck[] {
  const found: ConditionCheck[] = [];
  for (const [hook, key] of HOOKS) {
    const state = stage[key] as ApiStageConditionState | undefined;
    const result = state === undefined ? null : check(hook, state);
    if (result !== null) found.push(result);
  }
  return found;
}
