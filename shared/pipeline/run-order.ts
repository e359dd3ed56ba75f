import type { ActionDeclaration, StageDeclaration } from "./model";

/** The run order of an action as the service reads it: absent means 1. */
export function runOrderOf(action: Pick<ActionDeclaration, "runOrder">): number {
  return typeof action.runOrder === "number" ? action.runOrder : 1;
}

/** Actions of a stage that run together: one runOrder value, in document order. */
export interface RunOrderGroup {
  runOrder: number;
  /** Indexes into `stage.actions`. */
  actionIndexes: number[];
}

/**
 * The stage's runOrder groups in execution order (ascending runOrder). Groups run in sequence and
 * the actions of one group in parallel, which is how the canvas lays them out as columns.
 */
export function runOrderGroups(stage: Pick<StageDeclaration, "actions">): RunOrderGroup[] {
  const groups = new Map<number, number[]>();
  stage.actions.forEach((action, index) => {
    const order = runOrderOf(action);
    const list = groups.get(order);
    if (list) list.push(index);
    else groups.set(order, [index]);
  });
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([runOrder, actionIndexes]) => ({ runOrder, actionIndexes }));
}
