/**
 * StartPipelineExecution, StopPipelineExecution, GetPipelineExecution, ListPipelineExecutions,
 * ListActionExecutions and GetPipelineState.
 */
import { requirePipeline, type OperationHandler } from "../context";
import { isActive } from "../execution-queries";
import { paginateNewestFirst } from "../pagination";
import { fail } from "../protocol";
import {
  currentDeclaration,
  type ActionRunRecord,
  type ExecutionRecord,
  type PipelineRecord,
} from "../records";
import { actionDetailView, executionSummaryView, executionView, pipelineStateView } from "../views";
import { listExecutionRecords, requireExecution } from "./execution-records";

/** Runs a pipeline may have open at once before starts are refused. */
const MAX_ACTIVE_EXECUTIONS = 100;

/** Refuses a new run while the pipeline has the most open runs it may have. */
export function requireRoomForRun(pipeline: PipelineRecord): void {
  if (pipeline.executions.filter(isActive).length >= MAX_ACTIVE_EXECUTIONS) {
    fail(
      "ConcurrentPipelineExecutionsLimitExceededException",
      `The pipeline already has the maximum number of open executions: ${MAX_ACTIVE_EXECUTIONS}`,
    );
  }
}

interface StartInput {
  name: string;
  variables?: { name: string; value: string }[];
  clientRequestToken?: string;
  sourceRevisions?: { actionName: string; revisionType: string; revisionValue: string }[];
}

function resolveVariables(pipeline: PipelineRecord, given: StartInput["variables"] = []) {
  const declared = currentDeclaration(pipeline).variables ?? [];
  const values = new Map<string, string>();
  for (const variable of given) {
    if (!declared.some((d) => d.name === variable.name)) {
      fail("ValidationException", `The pipeline declares no variable with this name: ${variable.name}`);
    }
    if (values.has(variable.name)) fail("ValidationException", `Variable given twice: ${variable.name}`);
    values.set(variable.name, variable.value);
  }
  return declared.map((d) => {
    const value = values.get(d.name) ?? d.defaultValue;
    if (value === undefined)
      fail("ValidationException", `Variable has no default value and was not given: ${d.name}`);
    return { name: d.name, resolvedValue: value };
  });
}

export const startPipelineExecution: OperationHandler = (ctx, raw) => {
  const input = raw as unknown as StartInput;
  const pipeline = requirePipeline(ctx, input.name);
  const token = input.clientRequestToken;
  const earlier = token === undefined ? undefined : pipeline.clientTokens.find((t) => t.token === token);
  // Same token, same run: a client retrying a start it could not confirm starts nothing new.
  if (earlier) return { pipelineExecutionId: earlier.executionId };
  const variables = resolveVariables(pipeline, input.variables);
  const sourceActions = currentDeclaration(pipeline)
    .stages.flatMap((s) => s.actions)
    .filter((a) => a.actionTypeId.category === "Source")
    .map((a) => a.name);
  for (const revision of input.sourceRevisions ?? []) {
    if (!sourceActions.includes(revision.actionName)) {
      fail(
        "ValidationException",
        `sourceRevisions names an action that is not a source action: ${revision.actionName}`,
      );
    }
  }
  requireRoomForRun(pipeline);
  const execution = ctx.engine.start(pipeline, {
    trigger: { triggerType: "StartPipelineExecution", triggerDetail: ctx.principal },
    variables,
    revisionOverrides: (input.sourceRevisions ?? []).map((r) => ({ ...r })),
  });
  if (token !== undefined) pipeline.clientTokens.push({ token, executionId: execution.id });
  ctx.changed();
  return { pipelineExecutionId: execution.id };
};

export const stopPipelineExecution: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const execution = requireExecutionOrNotStoppable(pipeline, input.pipelineExecutionId as string);
  ctx.engine.stop(pipeline, execution, input.abandon === true, input.reason as string | undefined);
  ctx.changed();
  return { pipelineExecutionId: execution.id };
};

/** StopPipelineExecution lists no not-found error; the service answers "not stoppable". */
function requireExecutionOrNotStoppable(pipeline: PipelineRecord, id: string): ExecutionRecord {
  return (
    pipeline.executions.find((e) => e.id === id) ??
    fail("PipelineExecutionNotStoppableException", `The pipeline has no execution with this id: ${id}`)
  );
}

export const getPipelineExecution: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const execution = requireExecution(pipeline, input.pipelineExecutionId as string);
  return { pipelineExecution: executionView(pipeline, execution) };
};

export const listPipelineExecutions: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const filter = input.filter as { succeededInStage?: { stageName?: string } } | undefined;
  const stageName = filter?.succeededInStage?.stageName;
  const { page, nextToken } = paginateNewestFirst(
    pipeline.executions,
    (e) => stageName === undefined || e.stages.some((s) => s.name === stageName && s.status === "Succeeded"),
    input as { nextToken?: string; maxResults?: number },
    `ListPipelineExecutions:${pipeline.name}:${stageName ?? ""}`,
    100,
  );
  return { pipelineExecutionSummaries: page.map(executionSummaryView), nextToken };
};

export const listActionExecutions: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const { details, nextToken } = listExecutionRecords(pipeline, input, {
    operation: "ListActionExecutions",
    records: pipeline.actionRuns,
    identity: (run: ActionRunRecord) => [run.stageName, run.actionName],
    view: actionDetailView,
  });
  return { actionExecutionDetails: details, nextToken };
};

export const getPipelineState: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.name as string);
  return pipelineStateView(ctx, ctx.engine, pipeline);
};
