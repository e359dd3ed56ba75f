/**
 * Keeps React Flow's node and edge objects the same from one layout to the next when nothing about
 * them changed. React Flow rebuilds its internal node (and forgets the measured handles, which makes
 * it draw the node again even out of view) for every node object it has not seen before, and its
 * memoized node components re-render only when that internal node changes; so an edit of one action
 * must hand React Flow the same objects for the other thousands.
 */
import type { Edge, Node } from "@xyflow/react";

/** Deep equality of the plain data a layout produces (primitives, arrays, plain objects). */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => samePlainData(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && samePlainData(left[key], right[key]));
}

/**
 * `next` with every element equal to the one of the same id in `previous` replaced by that earlier
 * object; `previous` itself when every element was kept in the same order, so React Flow sees no
 * change at all.
 */
export function reuseUnchanged<T extends Node | Edge>(previous: T[], next: T[]): T[] {
  const byId = new Map(previous.map((element) => [element.id, element]));
  let allKept = previous.length === next.length;
  const result = next.map((element, i) => {
    const before = byId.get(element.id);
    if (before !== undefined && samePlainData(before, element)) {
      if (previous[i] !== before) allKept = false;
      return before;
    }
    allKept = false;
    return element;
  });
  return allKept ? previous : result;
}
