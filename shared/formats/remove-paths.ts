import type { JsonPath } from "../pipeline/model";

/**
 * Orders paths so that deleting them one by one keeps every remaining path valid: array elements
 * from the highest index down, and a path before any path it is a prefix of.
 */
export function compareForRemoval(a: JsonPath, b: JsonPath): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return y - x;
    return String(x) < String(y) ? -1 : 1;
  }
  return b.length - a.length;
}

/**
 * A copy of `value` without the member or array element at `path`, sharing every untouched part;
 * `undefined` when the path leads nowhere (so a caller can tell a removal from a no-op).
 */
export function removePath(value: unknown, path: JsonPath): unknown {
  const [head, ...rest] = path;
  if (head === undefined || typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    if (typeof head !== "number" || head < 0 || head >= value.length) return undefined;
    if (rest.length === 0) return value.filter((_, i) => i !== head);
    const child = removePath(value[head], rest);
    return child === undefined ? undefined : value.map((item, i) => (i === head ? child : item));
  }
  const key = String(head);
  if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  // Model objects hold no integer-like keys (member-keys.ts), so entries come in document order.
  const entries = Object.entries(value);
  if (rest.length === 0) return Object.fromEntries(entries.filter(([k]) => k !== key));
  const child = removePath((value as Record<string, unknown>)[key], rest);
  return child === undefined
    ? undefined
    : Object.fromEntries(entries.map(([k, v]) => [k, k === key ? child : v]));
}
