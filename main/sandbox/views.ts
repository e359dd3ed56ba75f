/**
 * Records -> API output shapes, member for member as the model names them (the test suite checks
 * every response against the model's output shapes). Timestamps are epoch seconds, the AWS JSON
 * 1.1 encoding, produced here so responses serialise with a plain JSON.stringify; undefined
 * members simply do not reach the wire.
 */
import type { ActionDeclaration } from "../../shared/pipeline/model";
import type { SandboxContext } from "./context";
import type { Engine } from "./engine";
import { isActive, latestInStage } from "./execution-queries";
import { stageConditionStates } from "./condition-views";
import { epochSeconds as date } from "./protocol";
import type { ActionRunRecord, ExecutionRecord, PipelineRecord } from "./records";
import { currentDeclaration } from "./records";

export function metadataView(pipeline: PipelineRecord): Record<string, unknown> {
  return { pipelineArn: pipeline.arn, created: date(pipeline.created), updated: date(pipeline.updated) };
}

export function pipelineSummaryView(pipeline: PipelineRecord): Record<string, unknown> {
  const declaration = currentDeclaration(pipeline);
  return {
    name: pipeline.name,
    version: declaration.version,
    pipelineType: declaration.pipelineType,
    executionMode: declaration.executionMode,
    created: date(pipeline.created),
    updated: date(pipeline.updated),
  };
}

function rollbackMetadata(execution: ExecutionRecord): Record<string, unknown> | undefined {
  return execution.rollbackTargetId === undefined
    ? undefined
    : { rollbackTargetPipelineExecutionId: execution.rollbackTargetId };
}

export function executionSummaryView(execution: ExecutionRecord): Record<string, unknown> {
  return {
    pipelineExecutionId: execution.id,
    status: execution.status,
    statusSummary: execution.statusSummary,
    startTime: date(execution.startTime),
    lastUpdateTime: date(execution.lastUpdateTime),
    sourceRevisions: execution.sourceRevisions,
    trigger: execution.trigger,
    stopTrigger: execution.stopTrigger,
    executionMode: execution.executionMode,
    executionType: execution.executionType,
    rollbackMetadata: rollbackMetadata(execution),
  };
}

export function executionView(pipeline: PipelineRecord, execution: ExecutionRecord): Record<string, unknown> {
  return {
    pipelineName: pipeline.name,
    pipelineVersion: execution.version,
    pipelineExecutionId: execution.id,
    status: execution.status,
    statusSummary: execution.statusSummary,
    artifactRevisions: execution.artifactRevisions.map((r) => ({ ...r, created: date(r.created) })),
    variables: execution.variables,
    trigger: execution.trigger,
    executionMode: execution.executionMode,
    executionType: execution.executionType,
    rollbackMetadata: rollbackMetadata(execution),
  };
}

export function actionDetailView(run: ActionRunRecord): Record<string, unknown> {
  return {
    pipelineExecutionId: run.executionId,
    actionExecutionId: run.id,
    pipelineVersion: run.version,
    stageName: run.stageName,
    actionName: run.actionName,
    startTime: date(run.startTime),
    lastUpdateTime: date(run.lastUpdateTime),
    updatedBy: run.updatedBy,
    status: run.status,
    input: run.input,
    output: run.output,
  };
}

/**
 * An action's state. A source action that succeeded reports the revision it read and the commit's
 * `revisionUrl`. The service's recorded answers (pipelines-view-cli) show `currentRevision` with the
 * revision id alone, but the model requires `revisionChangeId` and `created` in ActionRevision, so
 * they are given too: the artifact's change identifier (ETag, commit date) and when the run read it.
 */
function actionStateView(
  pipeline: PipelineRecord,
  stageName: string,
  action: ActionDeclaration,
  ctx: SandboxContext,
  engine: Engine,
) {
  let run: ActionRunRecord | undefined;
  for (let i = pipeline.actionRuns.length - 1; i >= 0 && !run; i--) {
    const candidate = pipeline.actionRuns[i];
    if (candidate?.stageName === stageName && candidate.actionName === action.name) run = candidate;
  }
  const state: Record<string, unknown> = { actionName: action.name };
  const entity = engine.entityUrl(action, action.region ?? ctx.region);
  if (!run) return { ...state, entityUrl: entity };
  const result = run.output.executionResult;
  state.latestExecution = {
    actionExecutionId: run.id,
    status: run.status,
    summary: run.summary,
    lastStatusChange: date(run.lastUpdateTime),
    token: run.approvalOpen ? run.token : undefined,
    lastUpdatedBy: run.updatedBy,
    externalExecutionId: result.externalExecutionId,
    externalExecutionUrl: result.externalExecutionUrl,
    errorDetails: result.errorDetails,
    logStreamARN: result.logStreamARN,
    percentComplete: run.percentComplete,
  };
  if (run.category === "Source" && run.status === "Succeeded") {
    const execution = pipeline.executions.find((e) => e.id === run.executionId);
    const revision = execution?.sourceRevisions.find((r) => r.actionName === action.name);
    const artifact = execution?.artifactRevisions.find((a) => a.revisionId === revision?.revisionId);
    if (revision?.revisionId !== undefined) {
      state.currentRevision = {
        revisionId: revision.revisionId,
        revisionChangeId: (artifact?.revisionChangeIdentifier ?? revision.revisionId).slice(0, 100),
        created: date(run.lastUpdateTime),
      };
    }
    state.revisionUrl = revision?.revisionUrl;
  }
  state.entityUrl = entity;
  return state;
}

/** GetPipelineState: the current version's stages with their latest and waiting runs. */
export function pipelineStateView(
  ctx: SandboxContext,
  engine: Engine,
  pipeline: PipelineRecord,
): Record<string, unknown> {
  const declaration = currentDeclaration(pipeline);
  const stageStates = declaration.stages.map((stage) => {
    const inbound = pipeline.executions
      .filter((e) => e.waiting && isActive(e) && e.stages[e.position]?.name === stage.name)
      .sort((a, b) => (a.waitSeq ?? 0) - (b.waitSeq ?? 0))
      .map((e) => ({ pipelineExecutionId: e.id, status: "InProgress", type: e.executionType }));
    const transition = pipeline.transitions.find(
      (t) => t.stageName === stage.name && t.transitionType === "Inbound",
    );
    const latest = latestInStage(pipeline, stage.name);
    const latestStage = latest?.stages.find((s) => s.name === stage.name);
    return {
      stageName: stage.name,
      inboundExecution: inbound[0],
      inboundExecutions: inbound.length > 0 ? inbound : undefined,
      inboundTransitionState: {
        enabled: engine.transitionOpen(pipeline, stage.name, "Inbound"),
        lastChangedBy: transition?.lastChangedBy,
        lastChangedAt: date(transition?.lastChangedAt),
        disabledReason: transition?.enabled === false ? transition.disabledReason : undefined,
      },
      actionStates: stage.actions.map((action) => actionStateView(pipeline, stage.name, action, ctx, engine)),
      latestExecution:
        latest && latestStage?.status
          ? { pipelineExecutionId: latest.id, status: latestStage.status, type: latest.executionType }
          : undefined,
      ...stageConditionStates(pipeline, stage),
      retryStageMetadata:
        latestStage?.latestRetryTrigger === undefined
          ? undefined
          : {
              autoStageRetryAttempt: latestStage.autoRetries ?? 0,
              manualStageRetryAttempt: latestStage.manualRetries,
              latestRetryTrigger: latestStage.latestRetryTrigger,
            },
    };
  });
  return {
    pipelineName: pipeline.name,
    pipelineVersion: declaration.version,
    stageStates,
    created: date(pipeline.created),
    updated: date(pipeline.updated),
  };
}
