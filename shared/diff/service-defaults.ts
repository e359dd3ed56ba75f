/**
 * The values CodePipeline fills in when a declaration leaves a member out. GetPipeline reports
 * them (the real service and moto add empty artifact lists and `runOrder: 1`; the service and the
 * sandbox report `SUPERSEDED` and `V1`), so a document that omits them would otherwise differ from
 * the pipeline it was just deployed as.
 */
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "../pipeline/model";

/** Pipeline members the service fills in, and their values. */
export const PIPELINE_DEFAULTS: Readonly<Record<string, unknown>> = {
  executionMode: "SUPERSEDED",
  pipelineType: "V1",
};

/** Action members the service fills in, and their values. */
export const ACTION_DEFAULTS: Readonly<Record<string, unknown>> = {
  runOrder: 1,
  configuration: {},
  inputArtifacts: [],
  outputArtifacts: [],
};

/** Adds each default the object lacks; copies, never mutates, so callers keep their own data. */
function withDefaults<T extends object>(value: T, defaults: Readonly<Record<string, unknown>>): T {
  const missing = Object.entries(defaults).filter(([key]) => !Object.hasOwn(value, key));
  if (missing.length === 0) return value;
  return { ...value, ...Object.fromEntries(missing) };
}

/** The action as the service would report it (see {@link withServiceDefaults}). */
export function actionWithDefaults(action: ActionDeclaration): ActionDeclaration {
  return withDefaults(action, ACTION_DEFAULTS);
}

/** The stage as the service would report it: each action with its defaults. */
export function stageWithDefaults(stage: StageDeclaration): StageDeclaration {
  if (!Array.isArray(stage.actions)) return stage;
  return { ...stage, actions: stage.actions.map(actionWithDefaults) };
}

/**
 * The pipeline as the service would report it: every member the service defaults is present.
 * Members with a value, including ones this version of Pipewright does not know, are kept as they are.
 */
export function withServiceDefaults(pipeline: PipelineDeclaration): PipelineDeclaration {
  const filled = withDefaults(pipeline, PIPELINE_DEFAULTS);
  if (!Array.isArray(filled.stages)) return filled;
  return { ...filled, stages: filled.stages.map(stageWithDefaults) };
}
