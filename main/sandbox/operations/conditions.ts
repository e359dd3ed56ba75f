/** ListRuleExecutions and OverrideStageCondition: the stage-condition side of a run. */
import { requirePipeline, type OperationHandler } from "../context";
import { ruleDetailView } from "../condition-views";
import { fail } from "../protocol";
import { currentDeclaration, type RuleRunRecord } from "../records";
import { listExecutionRecords } from "./execution-records";

/** Newest first, as ListActionExecutions; the same two filters. */
export const listRuleExecutions: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const { details, nextToken } = listExecutionRecords(pipeline, input, {
    operation: "ListRuleExecutions",
    records: pipeline.ruleRuns,
    identity: (run: RuleRunRecord) => [run.stageName, run.kind, run.conditionIndex, run.ruleName],
    view: ruleDetailView,
  });
  return { ruleExecutionDetails: details, nextToken };
};

/**
 * Lets a run past a condition check still in progress, as if its conditions were met. The model
 * lists no not-found error here, so an unknown execution is "not overridable".
 */
export const overrideStageCondition: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const stageName = input.stageName as string;
  if (!currentDeclaration(pipeline).stages.some((s) => s.name === stageName)) {
    fail("StageNotFoundException", `The pipeline has no stage with this name: ${stageName}`);
  }
  const id = input.pipelineExecutionId as string;
  const execution =
    pipeline.executions.find((e) => e.id === id) ??
    fail("ConditionNotOverridableException", `The pipeline has no execution with this id: ${id}`);
  const kind = input.conditionType as "BEFORE_ENTRY" | "ON_SUCCESS";
  ctx.engine.overrideCondition(pipeline, execution, stageName, kind, ctx.principal);
  ctx.changed();
  return {};
};
