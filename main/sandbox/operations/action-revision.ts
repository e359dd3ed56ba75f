/**
 * PutActionRevision: "Provides information to CodePipeline about new revisions to a source" (API
 * reference). A revision the source action has not run with starts a run with it (trigger
 * `PutActionRevision`, one of the model's TriggerType values); the answer says whether it was new:
 * `newRevision` "Indicates whether the artifact revision was previously used in an execution of the
 * specified pipeline". A revision already used starts nothing and names the run that used it.
 */
import { requirePipeline, type OperationHandler } from "../context";
import { fail } from "../protocol";
import { currentDeclaration } from "../records";
import { requireRoomForRun } from "./executions";
import { timestampMs } from "./jobs";

/** The SourceRevisionType a provider's revision id is, as StartPipelineExecution names them. */
function revisionTypeOf(provider: string): string {
  if (provider === "S3") return "S3_OBJECT_VERSION_ID";
  if (provider === "ECR") return "IMAGE_DIGEST";
  return "COMMIT_ID";
}

export const putActionRevision: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const stageName = input.stageName as string;
  const actionName = input.actionName as string;
  const stage =
    currentDeclaration(pipeline).stages.find((s) => s.name === stageName) ??
    fail("StageNotFoundException", `The pipeline has no stage with this name: ${stageName}`);
  const action =
    stage.actions.find((a) => a.name === actionName) ??
    fail("ActionNotFoundException", `Stage ${stageName} has no action with this name: ${actionName}`);
  if (action.actionTypeId.category !== "Source") {
    fail(
      "ValidationException",
      `PutActionRevision takes revisions of source actions; ${actionName} is a ${action.actionTypeId.category} action`,
    );
  }
  const revision = input.actionRevision as { revisionId: string; revisionChangeId: string; created: unknown };
  const used = pipeline.executions.find((e) =>
    e.sourceRevisions.some((r) => r.actionName === actionName && r.revisionId === revision.revisionId),
  );
  if (used) return { newRevision: false, pipelineExecutionId: used.id };
  requireRoomForRun(pipeline);
  const created = timestampMs(revision.created);
  const execution = ctx.engine.start(pipeline, {
    trigger: { triggerType: "PutActionRevision", triggerDetail: ctx.principal },
    revisionOverrides: [
      {
        actionName,
        revisionType: revisionTypeOf(action.actionTypeId.provider),
        revisionValue: revision.revisionId,
        changeIdentifier: revision.revisionChangeId,
        ...(created === undefined ? {} : { created }),
      },
    ],
  });
  ctx.changed();
  return { newRevision: true, pipelineExecutionId: execution.id };
};
