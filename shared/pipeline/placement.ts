/**
 * The editing rules of placement: where a stage or action may be dropped (and why not), the
 * keyboard's "sensible place" for a new action, and the Alt+arrow moves between runOrder groups and
 * stages. Pure functions of the pipeline and what the user has selected; the designer's store calls
 * them, the canvas asks them while dragging, and components hold no such rules.
 */
import type { PipelineDeclaration } from "./model";
import type { ActionPlacement } from "./operations";
import { runOrderGroups, runOrderOf } from "./run-order";

/** A drop into a stage's runOrder group: exactly an `ActionPlacement`. */
export interface GroupDropTarget extends ActionPlacement {
  kind: "group";
}

/** A drop between stages (or before the first, or after the last): a new stage at `index`. */
export interface NewStageDropTarget {
  kind: "new-stage";
  index: number;
}

/** Where an action lands: into a runOrder group, or into a new stage of its own. */
export type DropTarget = GroupDropTarget | NewStageDropTarget;

/** What the user has selected, as far as placement cares (the designer's selection fits it). */
export type PlacementFocus =
  | { kind: "pipeline" }
  | { kind: "stage"; stage: number }
  | { kind: "actions"; stage: number; actions: readonly number[] };

/** The refusal text for a source action dropped outside the first stage. */
export const SOURCE_ONLY_FIRST =
  "Source actions can only go in the first stage: CodePipeline starts every run from there.";
/** The refusal text for a non-source action dropped into the first stage. */
export const FIRST_STAGE_SOURCE_ONLY =
  "The first stage holds only source actions: drop this one into a later stage or between stages.";

function isSourceStage(pipeline: PipelineDeclaration, index: number): boolean {
  const stage = pipeline.stages[index];
  return stage !== undefined && stage.actions.some((a) => a.actionTypeId?.category === "Source");
}

/** The stage index an action ends up in for a drop target (after a new stage is made). */
function landingStage(target: DropTarget): number {
  return target.kind === "group" ? target.stage : target.index;
}

/**
 * Why an action of `category` may not be dropped at `target`, or undefined when it may. A source
 * goes only into the first stage; the first stage, once it holds sources, takes no other kind.
 */
export function dropRefusal(
  pipeline: PipelineDeclaration,
  category: string,
  target: DropTarget,
  movingFromStage?: number,
): string | undefined {
  const stage = landingStage(target);
  if (category === "Source") {
    if (stage !== 0) return SOURCE_ONLY_FIRST;
    // A new stage in front of an existing source stage would push the sources out of first place.
    if (target.kind === "new-stage" && isSourceStage(pipeline, 0) && movingFromStage !== 0)
      return SOURCE_ONLY_FIRST;
    return undefined;
  }
  if (
    stage === 0 &&
    (target.kind === "new-stage" ? pipeline.stages.length === 0 : isSourceStage(pipeline, 0))
  ) {
    return FIRST_STAGE_SOURCE_ONLY;
  }
  if (target.kind === "new-stage" && target.index === 0) return FIRST_STAGE_SOURCE_ONLY;
  return undefined;
}

/** A placement as a new last runOrder group of `stage`. */
export function appendPlacement(pipeline: PipelineDeclaration, stage: number): ActionPlacement {
  const groups = runOrderGroups(pipeline.stages[stage] ?? { actions: [] });
  const last = groups[groups.length - 1];
  return last === undefined
    ? { stage, runOrder: 1, mode: "parallel" }
    : { stage, runOrder: last.runOrder, mode: "after" };
}

/**
 * Where the keyboard adds an action of `category`: sources into the first stage (made if missing);
 * next to a selected action of the same category, as a new group after it; otherwise a new stage
 * after the selected stage (or at the end).
 */
export function keyboardTarget(
  pipeline: PipelineDeclaration,
  selection: PlacementFocus,
  category: string,
): DropTarget {
  if (category === "Source") {
    return isSourceStage(pipeline, 0)
      ? { kind: "group", ...appendPlacement(pipeline, 0) }
      : { kind: "new-stage", index: 0 };
  }
  if (selection.kind === "pipeline") return { kind: "new-stage", index: pipeline.stages.length };
  const stage = pipeline.stages[selection.stage];
  if (stage === undefined) return { kind: "new-stage", index: pipeline.stages.length };
  const sameKind =
    stage.actions.length > 0 && stage.actions.every((a) => a.actionTypeId?.category === category);
  if (sameKind && selection.kind === "actions") {
    const action = stage.actions[selection.actions[selection.actions.length - 1] ?? -1];
    if (action !== undefined)
      return { kind: "group", stage: selection.stage, runOrder: runOrderOf(action), mode: "after" };
  }
  if (sameKind || (stage.actions.length === 0 && !(selection.stage === 0 && pipeline.stages.length > 1))) {
    return { kind: "group", ...appendPlacement(pipeline, selection.stage) };
  }
  return { kind: "new-stage", index: selection.stage + 1 };
}

/**
 * Where Alt+arrow moves one action: left/right into the previous/next stage (as its last group),
 * up/down into a new group before/after its neighbouring group, or undefined at an edge.
 */
export function actionMoveTarget(
  pipeline: PipelineDeclaration,
  at: { stage: number; action: number },
  direction: "left" | "right" | "up" | "down",
): ActionPlacement | undefined {
  const stage = pipeline.stages[at.stage];
  const action = stage?.actions[at.action];
  if (stage === undefined || action === undefined) return undefined;
  if (direction === "left" || direction === "right") {
    const to = at.stage + (direction === "left" ? -1 : 1);
    if (to < 0 || to >= pipeline.stages.length) return undefined;
    return appendPlacement(pipeline, to);
  }
  const groups = runOrderGroups(stage);
  const own = groups.findIndex((g) => g.runOrder === runOrderOf(action));
  const alone = groups[own]?.actionIndexes.length === 1;
  if (direction === "up") {
    const prev = groups[own - 1];
    if (prev !== undefined) return { stage: at.stage, runOrder: prev.runOrder, mode: "before" };
    return alone ? undefined : { stage: at.stage, runOrder: runOrderOf(action), mode: "before" };
  }
  const next = groups[own + 1];
  if (next !== undefined) return { stage: at.stage, runOrder: next.runOrder, mode: "after" };
  return alone ? undefined : { stage: at.stage, runOrder: runOrderOf(action), mode: "after" };
}
