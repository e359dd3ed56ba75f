/**
 * Node ids built from names, not indexes, so an edit elsewhere in the pipeline leaves a node's id
 * (and React Flow's selection and DOM for it) alone. Invalid documents can repeat names; a repeat
 * gets its index as a suffix, and the first holder keeps the plain id so typing a clashing name into
 * another element does not disturb it.
 */
import type { PipelineDeclaration, StageDeclaration } from "../pipeline/model";

/** The ids of one stage and its actions. */
export interface StageIds {
  stage: string;
  transition: string;
  actions: readonly string[];
}

/** A name as it appears in an id; a missing or non-string name (invalid file) shows its index. */
function nameOf(value: unknown, index: number): string {
  return typeof value === "string" ? value : `#${index}`;
}

/** Hands out ids unique within one layout, suffixing repeats with their index. */
class IdAllocator {
  private readonly taken = new Set<string>();

  take(prefix: string, name: string, index: number): { id: string; key: string } {
    let key = name;
    let id = prefix + key;
    if (this.taken.has(id)) {
      key = `${name}#${index}`;
      id = prefix + key;
      // Only an invalid name can already hold "<name>#<index>"; keep counting until one is free.
      for (let n = 2; this.taken.has(id); n++) {
        key = `${name}#${index}.${n}`;
        id = prefix + key;
      }
    }
    this.taken.add(id);
    return { id, key };
  }
}

/** Remembers a stage's action ids for its stage key (see `LayoutCache.actionIds`). */
export type RememberActionIds = (
  stage: StageDeclaration,
  stageKey: string,
  compute: () => readonly string[],
) => readonly string[];

function actionIdsOf(stage: StageDeclaration, stageKey: string, allocator: IdAllocator): string[] {
  return stage.actions.map(
    (action, a) => allocator.take(`action:${stageKey}/`, nameOf(action.name, a), a).id,
  );
}

/**
 * The ids for every stage and action: `stage:<name>`, `transition:<name>` and
 * `action:<stage name>/<action name>`, in document order. With `remember`, a stage's action ids
 * are worked out once per stage object and key.
 */
export function assignNodeIds(pipeline: PipelineDeclaration, remember?: RememberActionIds): StageIds[] {
  const stageIds = new IdAllocator();
  const keys = pipeline.stages.map((stage, s) => stageIds.take("stage:", nameOf(stage.name, s), s));
  // Action ids of different stages differ in their "action:<stage key>/" prefix, and only a stage
  // key holding a "/" can make one stage's id read as another's. Without one, each stage's ids can
  // be handed out on their own, which is what lets them be remembered per stage.
  const separate = keys.every(({ key }) => !key.includes("/"));
  const shared = new IdAllocator();
  return pipeline.stages.map((stage, s) => {
    const { id, key } = keys[s] ?? { id: "", key: "" };
    let actions: readonly string[];
    if (!separate) actions = actionIdsOf(stage, key, shared);
    else if (remember === undefined) actions = actionIdsOf(stage, key, new IdAllocator());
    else actions = remember(stage, key, () => actionIdsOf(stage, key, new IdAllocator()));
    return { stage: id, transition: `transition:${key}`, actions };
  });
}
