import type { ActionTypeSpec } from "../catalog/types";
import type { ActionDeclaration, PipelineDeclaration } from "./model";
import { uniqueName } from "./names";
import { runOrderOf } from "./run-order";

/** Characters an artifact name or namespace may hold (both are `[A-Za-z0-9_-]`-ish, no dots). */
const ARTIFACT_NAME_PATTERN_CHAR = /[a-zA-Z0-9_-]/;

/** Every action name in the pipeline (names only need to be unique per stage, but a pipeline-wide
 * unique name keeps trigger `sourceActionName` and run views unambiguous). */
export function actionNames(pipeline: PipelineDeclaration): string[] {
  return pipeline.stages.flatMap((stage) => stage.actions.map((action) => action.name));
}

/** Every output artifact name and namespace: they share one space (namespaces must not clash with
 * artifact names). */
function artifactAndNamespaceNames(pipeline: PipelineDeclaration): string[] {
  return pipeline.stages.flatMap((stage) =>
    stage.actions.flatMap((action) => [
      ...(action.outputArtifacts ?? []).map((artifact) => artifact.name),
      ...(action.namespace === undefined ? [] : [action.namespace]),
    ]),
  );
}

/**
 * The output artifact of the action that runs nearest before position (`stage`, `runOrder`):
 * first earlier runOrder groups of the same stage (latest first), then earlier stages (last
 * group first). This is the artifact a newly placed action most likely consumes.
 */
export function nearestUpstreamOutput(
  pipeline: PipelineDeclaration,
  stage: number,
  runOrder: number,
): string | undefined {
  for (let s = Math.min(stage, pipeline.stages.length - 1); s >= 0; s--) {
    const candidates = (pipeline.stages[s]?.actions ?? [])
      .map((action, index) => ({ action, index }))
      .filter(({ action }) => s < stage || runOrderOf(action) < runOrder)
      .sort((a, b) => runOrderOf(b.action) - runOrderOf(a.action) || b.index - a.index);
    for (const { action } of candidates) {
      const name = action.outputArtifacts?.[0]?.name;
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

/**
 * A new action of type `spec` for position (`stage`, `runOrder`) with smart defaults: a unique
 * name from the provider, the run order, its first input wired to the nearest upstream output,
 * one output artifact when the type produces one, and a namespace for source and build actions
 * so their variables can be referenced (as the console does).
 */
export function createAction(
  pipeline: PipelineDeclaration,
  spec: Pick<
    ActionTypeSpec,
    "category" | "owner" | "provider" | "version" | "inputArtifacts" | "outputArtifacts"
  >,
  stage: number,
  runOrder: number,
): ActionDeclaration {
  const name = uniqueName(spec.provider, actionNames(pipeline), /[A-Za-z0-9.@_-]/);
  const taken = artifactAndNamespaceNames(pipeline);
  const action: ActionDeclaration = {
    name,
    actionTypeId: {
      category: spec.category,
      owner: spec.owner,
      provider: spec.provider,
      version: spec.version,
    },
    runOrder,
  };
  if (spec.inputArtifacts.max > 0) {
    const upstream = nearestUpstreamOutput(pipeline, stage, runOrder);
    if (upstream !== undefined) action.inputArtifacts = [{ name: upstream }];
  }
  const producesOutput =
    spec.outputArtifacts.min > 0 ||
    (spec.outputArtifacts.max > 0 && (spec.category === "Source" || spec.category === "Build"));
  if (producesOutput) {
    const artifact = uniqueName(`${spec.category}Artifact`, taken, ARTIFACT_NAME_PATTERN_CHAR);
    taken.push(artifact);
    action.outputArtifacts = [{ name: artifact }];
  }
  if (spec.category === "Source" || spec.category === "Build") {
    action.namespace = uniqueName(`${spec.category}Variables`, taken, ARTIFACT_NAME_PATTERN_CHAR);
  }
  return action;
}
