/**
 * Renames seen by a three-way merge. Stages and actions are matched by name, so a renamed element
 * would look removed and re-added: the merge would then keep the old and the new one side by side,
 * or call a rename on one side and an edit on the other a conflict. An element one side no longer
 * has, paired with an element that side added and that is recognisably the same, is a rename.
 */
import type { ActionDeclaration } from "../pipeline/model";
import { isRecord, sameValue } from "./json-compare";
import { actionWithDefaults } from "./service-defaults";

/** A list element with a name (stage, action, variable, artifact…). */
export type Named = Readonly<Record<string, unknown>> & { readonly name: string };

/** How alike a removed and an added element are, from 0 (unrelated) to 1; a pair needs at least 0.5. */
export type Likeness = (removed: Named, added: Named) => number;

const PAIRING_THRESHOLD = 0.5;

function actionNames(stage: Named): Set<string> {
  const actions = Array.isArray(stage["actions"]) ? (stage["actions"] as unknown[]) : [];
  return new Set(actions.flatMap((a) => (isRecord(a) && typeof a["name"] === "string" ? [a["name"]] : [])));
}

/**
 * Stages are alike by their actions' names (shared names over all names), so a stage renamed while
 * one of its actions was edited, added or removed is still recognised. Empty stages never pair.
 */
export const stageLikeness: Likeness = (removed, added) => {
  const before = actionNames(removed);
  const after = actionNames(added);
  const shared = [...before].filter((name) => after.has(name)).length;
  const all = new Set([...before, ...after]).size;
  return all === 0 ? 0 : shared / all;
};

function withoutName(action: Named): ActionDeclaration {
  const { name: _name, ...rest } = action;
  return actionWithDefaults(rest as unknown as ActionDeclaration);
}

/** Actions are alike only when everything but the name is the same (service defaults filled in). */
export const actionLikeness: Likeness = (removed, added) =>
  sameValue(withoutName(removed), withoutName(added)) ? 1 : 0;

/**
 * The identity of each element of `side` in terms of `base`: its own name, or for a rename the
 * name it has in the base. Each base element the side lacks is paired with the most alike element
 * the side added (first one on a tie), in base order; each added element pairs at most once. An
 * element named as one the other side added (`addedByOther`) is never a rename: matched by name
 * with that one, the two merge instead of ending up as two elements of one name.
 */
export function identities(
  base: readonly Named[],
  side: readonly Named[],
  likeness: Likeness,
  addedByOther: ReadonlySet<string>,
): string[] {
  const baseNames = new Set(base.map((item) => item.name));
  const sideNames = new Set(side.map((item) => item.name));
  const added = side.filter((item) => !baseNames.has(item.name) && !addedByOther.has(item.name));
  const renamedFrom = new Map<string, string>();
  for (const removed of base) {
    if (sideNames.has(removed.name)) continue;
    let best: { name: string; score: number } | undefined;
    for (const candidate of added) {
      if (renamedFrom.has(candidate.name)) continue;
      const score = likeness(removed, candidate);
      if (score >= PAIRING_THRESHOLD && (best === undefined || score > best.score))
        best = { name: candidate.name, score };
    }
    if (best !== undefined) renamedFrom.set(best.name, removed.name);
  }
  return side.map((item) => renamedFrom.get(item.name) ?? item.name);
}
