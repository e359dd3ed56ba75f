/** ListRuleExecutions and OverrideStageCondition: the stage-condition side of a run. */
import { requirePipeline, type OperationHandler } from "../context";
import { ruleDetailView } from "../condition-views";
import { recordsOf } from "../execution-queries";
import { paginate, paginateNewestFirst } from "../pagination";
import { fail } from "../protocol";
import { currentDeclaration, type RuleRunRecord } from "../records";
import { requireExecution } from "./executions";

function latestPerRule(runs: RuleRunRecord[]): RuleRunRecord[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    const key = JSON.stringify([run.stageName, run.kind, run.conditionIndex, run.ruleName]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Newest first, as ListActionExecutions; the same two filters. */
export const listRuleExecutions: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const filter = input.filter as
    | {
        pipelineExecutionId?: string;
        latestInPipelineExecution?: { pipelineExecutionId: string; startTimeRange: string };
      }
    | undefined;
  const paging = input as { nextToken?: string; maxResults?: number };
  const scope = `ListRuleExecutions:${pipeline.name}:${JSON.stringify(filter ?? {})}`;
  const executionId = filter?.latestInPipelineExecution?.pipelineExecutionId ?? filter?.pipelineExecutionId;
  if (executionId === undefined) {
    const { page, nextToken } = paginateNewestFirst(pipeline.ruleRuns, () => true, paging, scope, 100);
    return { ruleExecutionDetails: page.map(ruleDetailView), nextToken };
  }
  let runs = recordsOf(pipeline.ruleRuns, requireExecution(pipeline, executionId)).reverse();
  if (filter?.latestInPipelineExecution?.startTimeRange === "Latest") runs = latestPerRule(runs);
  const { page, nextToken } = paginate(runs, (r) => -r.seq, paging, scope, 100);
  return { ruleExecutionDetails: page.map(ruleDetailView), nextToken };
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
