/**
 * Condition records -> API output shapes: the StageConditionState members of GetPipelineState and
 * the RuleExecutionDetail of ListRuleExecutions, member for member as the model names them.
 */
import type { StageDeclaration } from "../../shared/pipeline/model";
import { HOOK_OF } from "./condition-checks";
import type { ConditionCheckRecord, ConditionKind, PipelineRecord, RuleRunRecord } from "./records";
import { epochSeconds as date } from "./protocol";

function latestCheck(
  pipeline: PipelineRecord,
  stageName: string,
  kind: ConditionKind,
): ConditionCheckRecord | undefined {
  for (let i = pipeline.conditionChecks.length - 1; i >= 0; i--) {
    const check = pipeline.conditionChecks[i];
    if (check?.stageName === stageName && check.kind === kind) return check;
  }
  return undefined;
}

/** The rule runs of one check, by condition index and rule name (the latest run of each). */
function rulesOfCheck(pipeline: PipelineRecord, check: ConditionCheckRecord): Map<string, RuleRunRecord> {
  const found = new Map<string, RuleRunRecord>();
  for (let i = pipeline.ruleRuns.length - 1; i >= 0; i--) {
    const run = pipeline.ruleRuns[i];
    if (!run || run.seq < check.seq) break;
    const key = JSON.stringify([run.conditionIndex, run.ruleName]);
    if (run.checkId === check.id && !found.has(key)) found.set(key, run);
  }
  return found;
}

function ruleExecutionView(run: RuleRunRecord): Record<string, unknown> {
  const result = run.output.executionResult;
  return {
    ruleExecutionId: run.id,
    status: run.status,
    summary: run.summary,
    lastStatusChange: date(run.lastUpdateTime),
    lastUpdatedBy: run.updatedBy,
    externalExecutionId: result.externalExecutionId,
    externalExecutionUrl: result.externalExecutionUrl,
    errorDetails: result.errorDetails,
  };
}

function conditionStateView(
  pipeline: PipelineRecord,
  stage: StageDeclaration,
  kind: ConditionKind,
): Record<string, unknown> | undefined {
  const conditions = stage[HOOK_OF[kind]]?.conditions ?? [];
  if (conditions.length === 0) return undefined;
  const check = latestCheck(pipeline, stage.name, kind);
  const runs = check ? rulesOfCheck(pipeline, check) : new Map<string, RuleRunRecord>();
  return {
    latestExecution: check ? { status: check.status, summary: check.summary } : undefined,
    conditionStates: conditions.map((condition, index) => {
      const state = check?.conditions[index];
      return {
        latestExecution: state
          ? { status: state.status, summary: state.summary, lastStatusChange: date(state.lastUpdateTime) }
          : undefined,
        ruleStates: (condition.rules ?? []).map((rule) => {
          const run = runs.get(JSON.stringify([index, rule.name]));
          return { ruleName: rule.name, latestExecution: run ? ruleExecutionView(run) : undefined };
        }),
      };
    }),
  };
}

/** The three condition states of a stage; a hook without conditions has none. */
export function stageConditionStates(
  pipeline: PipelineRecord,
  stage: StageDeclaration,
): Record<string, unknown> {
  return {
    beforeEntryConditionState: conditionStateView(pipeline, stage, "BEFORE_ENTRY"),
    onSuccessConditionState: conditionStateView(pipeline, stage, "ON_SUCCESS"),
    onFailureConditionState: conditionStateView(pipeline, stage, "ON_FAILURE"),
  };
}

export function ruleDetailView(run: RuleRunRecord): Record<string, unknown> {
  return {
    pipelineExecutionId: run.executionId,
    ruleExecutionId: run.id,
    pipelineVersion: run.version,
    stageName: run.stageName,
    ruleName: run.ruleName,
    startTime: date(run.startTime),
    lastUpdateTime: date(run.lastUpdateTime),
    updatedBy: run.updatedBy,
    status: run.status,
    input: run.input,
    output: run.output,
  };
}
