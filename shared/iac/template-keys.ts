/**
 * Objects of templates and of the pipelines built from them hold member names the way the
 * document model does (shared/pipeline/member-keys.ts): an integer-like name is marked, so an
 * object keeps the order its template (or its builder) gave. Readers of a template mark names as
 * they build objects; writers of a template, and the mapping to and from a pipeline, see the names
 * unmarked, as the file spells them.
 */
import { memberKey, toFileKey } from "../pipeline/member-keys";

/**
 * An object with members in exactly the given order; safe for any name. A name is taken as a file
 * spells it and marked where needed, or as the model already holds it (marked): the two never
 * differ but for a file name that itself starts with the invisible mark.
 */
export function objectFromEntries(
  entries: ReadonlyArray<readonly [string, unknown]>,
): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    // defineProperty, not assignment: "__proto__" must become a member, not a prototype.
    Object.defineProperty(obj, memberKey(key), { value, enumerable: true, writable: true, configurable: true });
  }
  return obj;
}

/** The own members of `obj` as entries in order, names as a file spells them. */
export function orderedEntries(obj: object): Array<[string, unknown]> {
  const record = obj as Record<string, unknown>;
  return Object.keys(obj).map((key) => [toFileKey(key), record[key]]);
}
