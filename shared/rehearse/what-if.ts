/**
 * A what-if: a sandbox scenario (the format of `pipewright sandbox --scenario`, validated by
 * main/sandbox/scenario.ts) plus `variables` and `expect`. The canvas's rehearse marks are a view
 * of its rules, not a second model: the mark of an action is the rule that names exactly its stage
 * and action (no pipeline, so renaming the pipeline keeps it), the mark of a condition rule the
 * condition rule that names exactly its stage, hook and rule. Editing a mark rewrites that one rule
 * and leaves every other rule (category defaults, wider matches) as the user wrote it.
 */
import type { RehearsalExpect } from "./expect";

/** Outcome fields of a scenario rule (see main/sandbox/scenario.ts). */
export interface OutcomeFields {
  durationSeconds?: number;
  outcome?: "succeed" | "fail";
  errorMessage?: string;
  summary?: string;
  externalExecutionUrl?: string;
  outputVariables?: Record<string, string>;
}

/** A scenario action rule. */
export interface WhatIfRule extends OutcomeFields {
  pipeline?: string;
  stage?: string;
  action?: string;
  /** Only the Nth execution of the action in a run (1 = first); absent: every execution. */
  attempt?: number;
}

/** A scenario condition rule. */
export interface WhatIfConditionRule {
  pipeline?: string;
  stage?: string;
  condition?: "beforeEntry" | "onSuccess" | "onFailure";
  rule?: string;
  provider?: string;
  durationSeconds?: number;
  outcome?: "succeed" | "fail";
  errorMessage?: string;
  summary?: string;
  externalExecutionUrl?: string;
}

/** A what-if scenario as saved beside a pipeline. */
export interface WhatIf {
  defaults?: Partial<Record<string, OutcomeFields>>;
  rules?: WhatIfRule[];
  conditionRules?: WhatIfConditionRule[];
  variables?: Record<string, string>;
  expect?: RehearsalExpect;
}

/** What the canvas lets a user say about one action (or manual approval). */
export interface ActionMark {
  /** For an approval: succeed = approved, fail = rejected. */
  outcome: "succeed" | "fail";
  errorMessage?: string;
  /** Minutes the action takes; absent: the sandbox's default for its category. */
  minutes?: number;
  outputVariables?: Record<string, string>;
  /** Fail only the first execution, so an onFailure RETRY succeeds. */
  failFirstAttemptOnly?: boolean;
}

/** What the canvas lets a user say about one rule of a stage condition. */
export interface RuleMark {
  outcome: "succeed" | "fail";
  errorMessage?: string;
}

const isMarkRule = (rule: WhatIfRule, stage: string, action: string): boolean =>
  rule.pipeline === undefined && rule.stage === stage && rule.action === action;

const isRuleMark = (rule: WhatIfConditionRule, stage: string, hook: string, name: string): boolean =>
  rule.pipeline === undefined &&
  rule.provider === undefined &&
  rule.stage === stage &&
  rule.condition === hook &&
  rule.rule === name;

/** The mark of an action: its exact rules (an attempt-1 failure rule means "fail once"). */
export function actionMark(whatIf: WhatIf, stage: string, action: string): ActionMark {
  const own = (whatIf.rules ?? []).filter((r) => isMarkRule(r, stage, action));
  const always = own.find((r) => r.attempt === undefined);
  const once = own.find((r) => r.attempt === 1 && r.outcome === "fail");
  const failing = always?.outcome === "fail" ? always : once;
  const mark: ActionMark = { outcome: failing ? "fail" : "succeed" };
  if (failing?.errorMessage !== undefined) mark.errorMessage = failing.errorMessage;
  if (!always?.outcome && once) mark.failFirstAttemptOnly = true;
  if (always?.durationSeconds !== undefined) mark.minutes = always.durationSeconds / 60;
  if (always?.outputVariables !== undefined) mark.outputVariables = { ...always.outputVariables };
  return mark;
}

/** True when the action has a mark of its own (else it does what the defaults say). */
export function hasActionMark(whatIf: WhatIf, stage: string, action: string): boolean {
  return (whatIf.rules ?? []).some((r) => isMarkRule(r, stage, action));
}

/** The what-if with the action's mark set (undefined: removed, back to the defaults). */
export function setActionMark(
  whatIf: WhatIf,
  stage: string,
  action: string,
  mark: ActionMark | undefined,
): WhatIf {
  const others = (whatIf.rules ?? []).filter((r) => !isMarkRule(r, stage, action));
  const added: WhatIfRule[] = [];
  if (mark) {
    const always: WhatIfRule = { stage, action };
    if (mark.outcome === "fail" && !mark.failFirstAttemptOnly) {
      always.outcome = "fail";
      if (mark.errorMessage) always.errorMessage = mark.errorMessage;
    }
    if (mark.outcome === "succeed") always.outcome = "succeed";
    if (mark.minutes !== undefined) always.durationSeconds = Math.round(mark.minutes * 60);
    if (mark.outputVariables && Object.keys(mark.outputVariables).length > 0) {
      always.outputVariables = { ...mark.outputVariables };
    }
    added.push(always);
    if (mark.outcome === "fail" && mark.failFirstAttemptOnly) {
      added.push({
        stage,
        action,
        attempt: 1,
        outcome: "fail",
        ...(mark.errorMessage ? { errorMessage: mark.errorMessage } : {}),
      });
    }
  }
  const rules = [...others, ...added];
  return withList(whatIf, "rules", rules);
}

/** The mark of a condition rule. */
export function ruleMark(whatIf: WhatIf, stage: string, hook: string, rule: string): RuleMark {
  const own = (whatIf.conditionRules ?? []).find((r) => isRuleMark(r, stage, hook, rule));
  const mark: RuleMark = { outcome: own?.outcome ?? "succeed" };
  if (own?.errorMessage !== undefined) mark.errorMessage = own.errorMessage;
  return mark;
}

/** The what-if with a condition rule's mark set (undefined: removed). */
export function setRuleMark(
  whatIf: WhatIf,
  stage: string,
  hook: "beforeEntry" | "onSuccess" | "onFailure",
  rule: string,
  mark: RuleMark | undefined,
): WhatIf {
  const others = (whatIf.conditionRules ?? []).filter((r) => !isRuleMark(r, stage, hook, rule));
  const added: WhatIfConditionRule[] = mark
    ? [
        {
          stage,
          condition: hook,
          rule,
          outcome: mark.outcome,
          ...(mark.errorMessage ? { errorMessage: mark.errorMessage } : {}),
        },
      ]
    : [];
  return withList(whatIf, "conditionRules", [...others, ...added]);
}

function withList<K extends "rules" | "conditionRules">(
  whatIf: WhatIf,
  key: K,
  list: NonNullable<WhatIf[K]>,
): WhatIf {
  const { [key]: _old, ...rest } = whatIf;
  return list.length === 0 ? rest : { ...rest, [key]: list };
}

/** Rules naming a stage or action the pipeline does not have (a rename left them behind). */
export function staleRules(
  whatIf: WhatIf,
  stages: readonly { name: string; actions: readonly { name: string }[] }[],
): { path: (string | number)[]; message: string }[] {
  const stale: { path: (string | number)[]; message: string }[] = [];
  (whatIf.rules ?? []).forEach((rule, i) => {
    if (rule.stage === undefined) return;
    const stage = stages.find((s) => s.name === rule.stage);
    if (!stage)
      stale.push({
        path: ["rules", i, "stage"],
        message: `The rule names a stage the pipeline does not have: ${rule.stage}`,
      });
    else if (rule.action !== undefined && !stage.actions.some((a) => a.name === rule.action)) {
      stale.push({
        path: ["rules", i, "action"],
        message: `The rule names an action stage ${rule.stage} does not have: ${rule.action}`,
      });
    }
  });
  (whatIf.conditionRules ?? []).forEach((rule, i) => {
    if (rule.stage !== undefined && !stages.some((s) => s.name === rule.stage)) {
      stale.push({
        path: ["conditionRules", i, "stage"],
        message: `The condition rule names a stage the pipeline does not have: ${rule.stage}`,
      });
    }
  });
  return stale;
}
