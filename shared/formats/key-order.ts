/**
 * Key order for objects whose keys JavaScript would reorder.
 *
 * A JS object lists integer-like keys ("0", "42") first, in numeric order, whatever order they
 * were created in. A file with `{"b": 1, "7": 2}` would therefore save as `{"7": 2, "b": 1}`. The
 * order-keeping parse records the file's order here, keyed by object identity, and the serializer
 * reads it back. A WeakMap (rather than a member on the object) keeps documents plain data: equal
 * documents compare equal, and nothing leaks into spreads or clones.
 *
 * Limits: a record belongs to one object. A copy made by an edit (spread, `Object.fromEntries`) or
 * by crossing a process boundary (structured clone, JSON) lists integer-like keys first again.
 */
const recordedOrder = new WeakMap<object, readonly string[]>();
/** Set once any order is recorded; until then every object's own order is the file's order. */
let anyRecorded = false;

/** Whether some object may carry a recorded order (false until the first one is recorded). */
export function hasRecordedOrders(): boolean {
  return anyRecorded;
}

/** Whether `key` is one JavaScript lists before all others (a canonical array index). */
export function isIndexKey(key: string): boolean {
  if (key.length === 0 || key.length > 10) return false;
  if (key !== "0" && !/^[1-9][0-9]*$/.test(key)) return false;
  return Number(key) < 2 ** 32 - 1;
}

/** Builds an object with members in exactly the given order, safe for any key. */
export function objectFromEntries(
  entries: ReadonlyArray<readonly [string, unknown]>,
): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  let reordered = false;
  for (const [key, value] of entries) {
    // defineProperty, not assignment: "__proto__" must become a member, not a prototype.
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    if (!reordered && isIndexKey(key)) reordered = true;
  }
  if (reordered) {
    const keys = entries.map(([key]) => key);
    const actual = Object.keys(obj);
    if (keys.length !== actual.length || keys.some((key, i) => key !== actual[i])) {
      recordedOrder.set(obj, [...new Set(keys)]);
      anyRecorded = true;
    }
  }
  return obj;
}

/**
 * Records that `obj`'s members were written in `keys` order (each key once), or forgets a record
 * when JavaScript's own order already matches.
 */
export function recordKeyOrder(obj: object, keys: readonly string[]): void {
  const actual = Object.keys(obj);
  const differs = keys.length !== actual.length || keys.some((key, i) => key !== actual[i]);
  if (differs && keys.some(isIndexKey)) {
    recordedOrder.set(obj, [...keys]);
    anyRecorded = true;
  } else recordedOrder.delete(obj);
}

/** The members of `obj` in the order its file (or its builder) gave them. */
export function orderedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const recorded = recordedOrder.get(obj);
  if (!recorded) return keys;
  const present = new Set(keys);
  const ordered = recorded.filter((key) => present.has(key));
  if (ordered.length === keys.length) return ordered;
  // Members added after recording (by mutation) follow the recorded ones.
  const seen = new Set(ordered);
  return [...ordered, ...keys.filter((key) => !seen.has(key))];
}

/** The own members of `obj` as entries, in `orderedKeys` order. */
export function orderedEntries(obj: object): Array<[string, unknown]> {
  const record = obj as Record<string, unknown>;
  return orderedKeys(obj).map((key) => [key, record[key]]);
}
