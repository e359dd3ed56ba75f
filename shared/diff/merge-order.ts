/**
 * The order of a merged list (stages, actions, named list items, object keys). Order is merged
 * like a value: a side that kept the base order of the shared elements yields to a side that
 * reordered them, and elements only one side has are placed after their predecessor on that side.
 */

/** Which side wins where both sides changed the same thing differently. */
export type MergePreference = "ours" | "theirs";

/** The merged order, and both orders when the two sides reordered the same elements differently. */
export interface MergedOrder {
  order: string[];
  /** Set when both sides reordered the shared elements, each its own way (then `prefer` decided). */
  conflict?: { theirs: string[]; ours: string[] };
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Orders `kept` (the ids the merged list holds) from the three orders. The skeleton is the order of
 * the side that reordered the elements all three share (ours when neither or both did, unless both
 * did and `prefer` is theirs); each kept id the skeleton lacks goes right after its nearest
 * predecessor on its own side that is already placed, or first when it has none.
 */
export function mergeOrder(
  base: readonly string[],
  theirs: readonly string[],
  ours: readonly string[],
  kept: ReadonlySet<string>,
  prefer: MergePreference,
): MergedOrder {
  const inBase = new Set(base);
  const inTheirs = new Set(theirs);
  const inOurs = new Set(ours);
  const shared = (list: readonly string[]) =>
    list.filter((id) => kept.has(id) && inBase.has(id) && inTheirs.has(id) && inOurs.has(id));
  const baseShared = shared(base);
  const theirsShared = shared(theirs);
  const oursShared = shared(ours);
  const theirsMoved = !sameOrder(theirsShared, baseShared);
  const oursMoved = !sameOrder(oursShared, baseShared);
  const bothMoved = theirsMoved && oursMoved && !sameOrder(theirsShared, oursShared);
  const skeletonIsTheirs = (theirsMoved && !oursMoved) || (bothMoved && prefer === "theirs");
  const [skeleton, other] = skeletonIsTheirs ? [theirs, ours] : [ours, theirs];

  const order = skeleton.filter((id) => kept.has(id));
  const placed = new Set(order);
  other.forEach((id, index) => {
    if (!kept.has(id) || placed.has(id)) return;
    let at = 0;
    for (let i = index - 1; i >= 0; i--) {
      const before = other[i]!;
      if (placed.has(before)) {
        at = order.indexOf(before) + 1;
        break;
      }
    }
    order.splice(at, 0, id);
    placed.add(id);
  });
  return bothMoved ? { order, conflict: { theirs: theirsShared, ours: oursShared } } : { order };
}
