/**
 * Pure operations on a pipeline declaration: `(pipeline, args) -> pipeline`. Drag-and-drop, forms
 * and the JSON editor all end here, so undo, validation and autosave see one stream of changes.
 *
 * Addresses are indexes (stage names can be duplicated in an invalid document; indexes never
 * are). An operation given an address that does not exist returns the input object unchanged, so a
 * caller can detect a no-op by identity and record no undo step.
 */
import type { ActionTypeSpec } from "../catalog/types";
import { createAction } from "./defaults";
import { moveItem, replaceAt, withMember, withMembers, withoutMember } from "./members";
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "./model";
import { uniqueName } from "./names";
import { runOrderOf } from "./run-order";

/** Where an action is: stage index and index into that stage's `actions`. */
export interface ActionAddress {
  stage: number;
  action: number;
}

/**
 * Where an action goes: into stage `stage`, relative to the runOrder group `runOrder`:
 * `parallel` joins that group; `before`/`after` make a new group next to it.
 */
export interface ActionPlacement {
  stage: number;
  runOrder: number;
  mode: "parallel" | "before" | "after";
}

function stageAt(pipeline: PipelineDeclaration, index: number): StageDeclaration | undefined {
  return Number.isInteger(index) ? pipeline.stages[index] : undefined;
}

function actionAt(pipeline: PipelineDeclaration, at: ActionAddress): ActionDeclaration | undefined {
  return stageAt(pipeline, at.stage)?.actions[at.action];
}

function updateStage(
  pipeline: PipelineDeclaration,
  index: number,
  update: (stage: StageDeclaration) => StageDeclaration,
): PipelineDeclaration {
  if (!stageAt(pipeline, index)) return pipeline;
  return withMember(pipeline, "stages", replaceAt(pipeline.stages, index, update));
}

/** Applies `update` to one action (no-op for a missing address). */
export function updateAction(
  pipeline: PipelineDeclaration,
  at: ActionAddress,
  update: (action: ActionDeclaration) => ActionDeclaration,
): PipelineDeclaration {
  if (!actionAt(pipeline, at)) return pipeline;
  return updateStage(pipeline, at.stage, (stage) =>
    withMember(stage, "actions", replaceAt(stage.actions, at.action, update)),
  );
}

/** Sets (or with `undefined` removes) top-level pipeline members, keeping their order. */
export function setPipelineMembers(
  pipeline: PipelineDeclaration,
  patch: Readonly<Record<string, unknown>>,
): PipelineDeclaration {
  return withMembers(pipeline, patch);
}

/** Sets (or removes) members of one stage. */
export function setStageMembers(
  pipeline: PipelineDeclaration,
  stage: number,
  patch: Readonly<Record<string, unknown>>,
): PipelineDeclaration {
  return updateStage(pipeline, stage, (s) => withMembers(s, patch));
}

/** Sets (or removes) members of one action. */
export function setActionMembers(
  pipeline: PipelineDeclaration,
  at: ActionAddress,
  patch: Readonly<Record<string, unknown>>,
): PipelineDeclaration {
  return updateAction(pipeline, at, (a) => withMembers(a, patch));
}

// ---- stages ---------------------------------------------------------------------------------

/**
 * Inserts a stage at `index` (clamped to the ends) holding `actions`. Its name defaults to the
 * category of its first action ("Build"), made unique.
 */
export function addStage(
  pipeline: PipelineDeclaration,
  index: number,
  options: { name?: string; actions?: ActionDeclaration[] } = {},
): PipelineDeclaration {
  const actions = options.actions ?? [];
  const base = options.name ?? actions[0]?.actionTypeId.category ?? "Stage";
  const name = uniqueName(
    base,
    pipeline.stages.map((s) => s.name),
    /[A-Za-z0-9.@_-]/,
  );
  const stages = [...pipeline.stages];
  stages.splice(Math.max(0, Math.min(index, stages.length)), 0, { name, actions });
  return withMember(pipeline, "stages", stages);
}

/** Removes the stage at `index`. */
export function removeStage(pipeline: PipelineDeclaration, index: number): PipelineDeclaration {
  if (!stageAt(pipeline, index)) return pipeline;
  return withMember(
    pipeline,
    "stages",
    pipeline.stages.filter((_, i) => i !== index),
  );
}

/** Renames the stage at `index`. */
export function renameStage(pipeline: PipelineDeclaration, index: number, name: string): PipelineDeclaration {
  return updateStage(pipeline, index, (stage) => withMember(stage, "name", name));
}

/** Moves the stage at `from` to position `to`. */
export function moveStage(pipeline: PipelineDeclaration, from: number, to: number): PipelineDeclaration {
  if (!stageAt(pipeline, from) || from === to) return pipeline;
  return withMember(pipeline, "stages", moveItem(pipeline.stages, from, to));
}

// ---- actions --------------------------------------------------------------------------------

/**
 * The runOrder an action placed at `placement` gets, and the shifts of other actions' runOrder
 * needed to open a new group. An existing gap is used rather than shifting, so a drop changes as
 * few lines of the file as possible.
 */
function resolvePlacement(
  actions: readonly ActionDeclaration[],
  placement: ActionPlacement,
): { runOrder: number; shiftFrom?: number } {
  const used = new Set(actions.map(runOrderOf));
  const target = placement.runOrder;
  if (placement.mode === "parallel") return { runOrder: target };
  if (placement.mode === "after") {
    if (!used.has(target + 1)) return { runOrder: target + 1 };
    return { runOrder: target + 1, shiftFrom: target + 1 };
  }
  const lowerUsed = [...used].filter((r) => r < target);
  const previous = lowerUsed.length ? Math.max(...lowerUsed) : 0;
  if (target - 1 > previous) return { runOrder: target - 1 };
  return { runOrder: target, shiftFrom: target };
}

function shiftRunOrders(
  actions: readonly ActionDeclaration[],
  from: number | undefined,
): ActionDeclaration[] {
  if (from === undefined) return [...actions];
  return actions.map((action) =>
    runOrderOf(action) >= from ? withMember(action, "runOrder", runOrderOf(action) + 1) : action,
  );
}

/** Inserts `action` into `actions` after the last action that runs no later than it. */
function insertByRunOrder(
  actions: readonly ActionDeclaration[],
  action: ActionDeclaration,
): ActionDeclaration[] {
  const order = runOrderOf(action);
  let at = 0;
  actions.forEach((a, i) => {
    if (runOrderOf(a) <= order) at = i + 1;
  });
  const next = [...actions];
  next.splice(at, 0, action);
  return next;
}

function placeAction(
  pipeline: PipelineDeclaration,
  placement: ActionPlacement,
  make: (runOrder: number) => ActionDeclaration,
): PipelineDeclaration {
  return updateStage(pipeline, placement.stage, (stage) => {
    const { runOrder, shiftFrom } = resolvePlacement(stage.actions, placement);
    const shifted = shiftRunOrders(stage.actions, shiftFrom);
    return withMember(stage, "actions", insertByRunOrder(shifted, make(runOrder)));
  });
}

/**
 * Adds a new action of type `spec` at `placement`, with smart defaults (unique name, runOrder,
 * input wired to the nearest upstream output, an output artifact and namespace where useful).
 */
export function addAction(
  pipeline: PipelineDeclaration,
  spec: Parameters<typeof createAction>[1],
  placement: ActionPlacement,
): PipelineDeclaration {
  return placeAction(pipeline, placement, (runOrder) =>
    createAction(pipeline, spec, placement.stage, runOrder),
  );
}

/**
 * Adds a new stage at `index` holding one new action of type `spec` (a drop between stages).
 */
export function addStageWithAction(
  pipeline: PipelineDeclaration,
  index: number,
  spec: Pick<
    ActionTypeSpec,
    "category" | "owner" | "provider" | "version" | "inputArtifacts" | "outputArtifacts"
  >,
): PipelineDeclaration {
  const at = Math.max(0, Math.min(index, pipeline.stages.length));
  const action = createAction(pipeline, spec, at, 1);
  return addStage(pipeline, at, { actions: [action] });
}

/** Inserts an existing action (e.g. pasted) at `placement`, renamed if its name is taken. */
export function insertAction(
  pipeline: PipelineDeclaration,
  action: ActionDeclaration,
  placement: ActionPlacement,
): PipelineDeclaration {
  const stage = stageAt(pipeline, placement.stage);
  if (!stage) return pipeline;
  const name = uniqueName(
    action.name,
    stage.actions.map((a) => a.name),
    /[A-Za-z0-9.@_-]/,
  );
  return placeAction(pipeline, placement, (runOrder) => withMembers(action, { name, runOrder }));
}

/** Removes one action. */
export function removeAction(pipeline: PipelineDeclaration, at: ActionAddress): PipelineDeclaration {
  if (!actionAt(pipeline, at)) return pipeline;
  return updateStage(pipeline, at.stage, (stage) =>
    withMember(
      stage,
      "actions",
      stage.actions.filter((_, i) => i !== at.action),
    ),
  );
}

/**
 * Moves an action to `placement` (same or another stage). Moving an action into its own group as
 * `parallel` is a no-op. The action keeps its name unless the target stage already has it.
 */
export function moveAction(
  pipeline: PipelineDeclaration,
  from: ActionAddress,
  placement: ActionPlacement,
): PipelineDeclaration {
  const action = actionAt(pipeline, from);
  if (!action || !stageAt(pipeline, placement.stage)) return pipeline;
  if (
    from.stage === placement.stage &&
    placement.mode === "parallel" &&
    runOrderOf(action) === placement.runOrder
  ) {
    return pipeline;
  }
  const without = removeAction(pipeline, from);
  const target = stageAt(without, placement.stage);
  const taken = new Set(target?.actions.map((a) => a.name));
  const name = taken.has(action.name) ? uniqueName(action.name, taken, /[A-Za-z0-9.@_-]/) : action.name;
  return placeAction(without, placement, (runOrder) => withMembers(action, { name, runOrder }));
}

/**
 * Renames an action and every trigger that names it as its source action, so a rename never
 * silently disconnects a trigger.
 */
export function renameAction(
  pipeline: PipelineDeclaration,
  at: ActionAddress,
  name: string,
): PipelineDeclaration {
  const action = actionAt(pipeline, at);
  if (!action) return pipeline;
  const renamed = updateAction(pipeline, at, (a) => withMember(a, "name", name));
  if (!Array.isArray(pipeline.triggers) || action.actionTypeId.category !== "Source") return renamed;
  const triggers = pipeline.triggers.map((trigger) =>
    trigger.gitConfiguration?.sourceActionName === action.name
      ? withMember(
          trigger,
          "gitConfiguration",
          withMember(trigger.gitConfiguration, "sourceActionName", name),
        )
      : trigger,
  );
  return withMember(renamed, "triggers", triggers);
}

/** Sets one configuration value, or removes the key when `value` is `undefined`. */
export function setConfigurationValue(
  pipeline: PipelineDeclaration,
  at: ActionAddress,
  key: string,
  value: string | undefined,
): PipelineDeclaration {
  return updateAction(pipeline, at, (action) => {
    const configuration = action.configuration ?? {};
    const next =
      value === undefined ? withoutMember(configuration, key) : withMember(configuration, key, value);
    return withMember(action, "configuration", next);
  });
}

/**
 * Renames an output artifact and every input that consumes it, so the artifact flow stays wired.
 */
export function renameOutputArtifact(
  pipeline: PipelineDeclaration,
  at: ActionAddress,
  index: number,
  name: string,
): PipelineDeclaration {
  const old = actionAt(pipeline, at)?.outputArtifacts?.[index]?.name;
  if (old === undefined) return pipeline;
  const stages = pipeline.stages.map((stage, s) =>
    withMember(
      stage,
      "actions",
      stage.actions.map((action, a) => {
        let next = action;
        if (s === at.stage && a === at.action && action.outputArtifacts) {
          next = withMember(
            next,
            "outputArtifacts",
            replaceAt(action.outputArtifacts, index, (o) => withMember(o, "name", name)),
          );
        }
        if (action.inputArtifacts?.some((i) => i.name === old)) {
          next = withMember(
            next,
            "inputArtifacts",
            action.inputArtifacts.map((i) => (i.name === old ? withMember(i, "name", name) : i)),
          );
        }
        return next;
      }),
    ),
  );
  return withMember(pipeline, "stages", stages);
}

/**
 * Wires `from`'s output into `to`'s inputs: uses `from`'s first output artifact, creating one
 * (named after the action) when it has none. Already wired is a no-op.
 */
export function connectArtifact(
  pipeline: PipelineDeclaration,
  from: ActionAddress,
  to: ActionAddress,
): PipelineDeclaration {
  const producer = actionAt(pipeline, from);
  const consumer = actionAt(pipeline, to);
  if (!producer || !consumer) return pipeline;
  let next = pipeline;
  let artifact = producer.outputArtifacts?.[0]?.name;
  if (artifact === undefined) {
    const taken = pipeline.stages.flatMap((s) =>
      s.actions.flatMap((a) => (a.outputArtifacts ?? []).map((o) => o.name)),
    );
    artifact = uniqueName(`${producer.name}Output`, taken, /[a-zA-Z0-9_-]/);
    const name = artifact;
    next = updateAction(next, from, (a) => withMember(a, "outputArtifacts", [{ name }]));
  }
  if (consumer.inputArtifacts?.some((i) => i.name === artifact)) return next;
  const name = artifact;
  return updateAction(next, to, (a) =>
    withMember(a, "inputArtifacts", [...(a.inputArtifacts ?? []), { name }]),
  );
}
