/** PutApprovalResult: answers an open manual approval with the token GetPipelineState showed. */
import { requirePipeline, type OperationHandler } from "../context";
import { epochSeconds, fail } from "../protocol";
import { currentDeclaration } from "../records";

export const putApprovalResult: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.pipelineName as string);
  const stageName = input.stageName as string;
  const actionName = input.actionName as string;
  const stage =
    currentDeclaration(pipeline).stages.find((s) => s.name === stageName) ??
    fail("StageNotFoundException", `The pipeline has no stage with this name: ${stageName}`);
  if (!stage.actions.some((a) => a.name === actionName)) {
    fail("ActionNotFoundException", `Stage ${stageName} has no action with this name: ${actionName}`);
  }
  const token = input.token as string;
  const run = pipeline.actionRuns.find(
    (r) => r.stageName === stageName && r.actionName === actionName && r.token === token,
  );
  if (!run)
    fail(
      "InvalidApprovalTokenException",
      `The approval token is not valid for ${stageName}/${actionName}: ${token}`,
    );
  if (!run.approvalOpen) {
    fail("ApprovalAlreadyCompletedException", `This approval already has a result: ${run.status}`);
  }
  const result = input.result as { status: "Approved" | "Rejected"; summary: string };
  ctx.engine.decideApproval(pipeline, run, result.status === "Approved", result.summary, ctx.principal);
  ctx.changed();
  return { approvedAt: epochSeconds(ctx.engine.clock.now()) };
};
