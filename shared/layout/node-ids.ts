/**
 * Node ids built from names, not indexes, so an edit elsewhere in the pipeline leaves a node's id
 * (and React Flow's selection and DOM for it) alone. Invalid documents can repeat names; a repeat
 * gets its index as a suffix, and the first holder keeps the plain id so typing a clashing name into
 * another element does not disturb it.
 */
import type { PipelineDeclaration } from "../pipeline/model";

/** The ids of one stage and its actions. */
export interface StageIds {
  stage: string;
  transition: string;
  actions: string[];
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

/**
 * The ids for every stage and action: `stage:<name>`, `transition:<name>` and
 * `action:<stage name>/<action name>`, in document order.
 */
export function assignNodeIds(pipeline: PipelineDeclaration): StageIds[] {
  const stages = new IdAllocator();
  const actions = new IdAllocator();
  return pipeline.stages.map((stage, s) => {
    const { id, key } = stages.take("stage:", nameOf(stage.name, s), s);
    return {
      stage: id,
      transition: `transition:${key}`,
      actions: stage.actions.map((action, a) => actions.take(`action:${key}/`, nameOf(action.name, a), a).id),
    };
  });
}
