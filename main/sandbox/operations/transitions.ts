/** EnableStageTransition and DisableStageTransition. */
import { requirePipeline, type OperationHandler } from "../context";
import { fail } from "../protocol";
import { currentDeclaration } from "../records";

function setTransition(enabled: boolean): OperationHandler {
  return (ctx, input) => {
    const pipeline = requirePipeline(ctx, input.pipelineName as string);
    const stageName = input.stageName as string;
    if (!currentDeclaration(pipeline).stages.some((s) => s.name === stageName)) {
      fail("StageNotFoundException", `The pipeline has no stage with this name: ${stageName}`);
    }
    const transitionType = input.transitionType as "Inbound" | "Outbound";
    const others = pipeline.transitions.filter(
      (t) => !(t.stageName === stageName && t.transitionType === transitionType),
    );
    const record = {
      stageName,
      transitionType,
      enabled,
      lastChangedBy: ctx.principal,
      lastChangedAt: ctx.engine.clock.now(),
      ...(enabled ? {} : { disabledReason: input.reason as string }),
    };
    pipeline.transitions = [...others, record];
    // Enabling may release held runs; disabling holds only runs that have not yet passed.
    if (enabled) ctx.engine.pump(pipeline);
    ctx.changed();
    return {};
  };
}

export const enableStageTransition = setTransition(true);
export const disableStageTransition = setTransition(false);
