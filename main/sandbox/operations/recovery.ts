/** RetryStageExecution and RollbackStage: the two ways to redo a stage. */
import { requirePipeline, type OperationHandler } from "../context";
import { isActive } from "../execution-queries";
import { fail } from "../protocol";
import { currentDeclaration, type PipelineRecord } from "../records";
import { requireExecution } from "./execution-records";

function requireStage(pipeline: PipelineRecord, stageName: string): number {
  const index = currentDeclaration(pipeline).stages.findIndex((s) => s.name === stageName);
  if (index < 0) fail("StageNotFoundException", `The pipeline has no stage with this name: ${stageName}`);
  return index;
}

export const retryStageExecution: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const stageName = input.stageName as string;
  requireStage(pipeline, stageName);
  const id = input.pipelineExecutionId as string;
  const execution =
    pipeline.executions.find((e) => e.id === id) ??
    fail("StageNotRetryableException", `The pipeline has no execution with this id: ${id}`);
  ctx.engine.retry(pipeline, execution, stageName, input.retryMode as "FAILED_ACTIONS" | "ALL_ACTIONS");
  ctx.changed();
  return { pipelineExecutionId: execution.id };
};

/**
 * Rolls a stage back to a run that succeeded in it: a new ROLLBACK run of that stage alone,
 * with the target's source revisions. Refused, as by the service, for V1 pipelines, for the
 * source stage, for PARALLEL pipelines, for a target from an older version, a rollback target
 * or one that did not succeed in the stage, and while a run is in the stage.
 */
export const rollbackStage: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const stageName = input.stageName as string;
  const index = requireStage(pipeline, stageName);
  const target = requireExecution(pipeline, input.targetPipelineExecutionId as string);
  const declaration = currentDeclaration(pipeline);
  if (declaration.pipelineType !== "V2") {
    fail(
      "UnableToRollbackStageException",
      `Stage rollback needs a V2 pipeline; this one is: ${declaration.pipelineType ?? "V1"}`,
    );
  }
  if (index === 0)
    fail("UnableToRollbackStageException", `The source stage cannot be rolled back: ${stageName}`);
  if (declaration.executionMode === "PARALLEL") {
    fail(
      "UnableToRollbackStageException",
      `Stages of a PARALLEL pipeline cannot be rolled back: ${pipeline.name}`,
    );
  }
  if (target.version !== pipeline.versions.length) {
    fail(
      "PipelineExecutionOutdatedException",
      `The target ran on version ${target.version}, not the current version ${pipeline.versions.length}: ${target.id}`,
    );
  }
  if (target.executionType === "ROLLBACK")
    fail("UnableToRollbackStageException", `The target is itself a rollback: ${target.id}`);
  if (target.stages[index]?.status !== "Succeeded") {
    fail("UnableToRollbackStageException", `The target did not succeed in stage ${stageName}: ${target.id}`);
  }
  const busy = pipeline.executions.some(
    (e) => isActive(e) && !e.waiting && e.stages[e.position]?.name === stageName,
  );
  if (busy)
    fail("ConflictException", `A run is in progress in stage ${stageName}; stop it before rolling back`);
  const execution = ctx.engine.start(pipeline, {
    trigger: { triggerType: "ManualRollback", triggerDetail: ctx.principal },
    rollback: { stageName, target },
  });
  ctx.changed();
  return { pipelineExecutionId: execution.id };
};
