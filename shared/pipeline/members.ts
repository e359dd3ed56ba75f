/**
 * Immutable member updates that keep key order and are safe for any key a file may hold.
 *
 * `obj[key] = value` with key `"__proto__"` would replace the prototype instead of adding a
 * member; `Object.fromEntries` and spread create own data properties, so they are used throughout.
 * An integer-like key is stored marked (member-keys.ts), so the model keeps every object's order.
 */
import { memberKey } from "./member-keys";

/** A copy of `obj` with `key` set to `value`: in place if present (order kept), else appended. */
export function withMember<T extends object>(obj: T, name: string, value: unknown): T {
  const key = memberKey(name);
  if (Object.prototype.hasOwnProperty.call(obj, key)) {
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, k === key ? value : v])) as T;
  }
  return Object.fromEntries([...Object.entries(obj), [key, value]]) as T;
}

/** A copy of `obj` without `key` (the same object when it has no such member). */
export function withoutMember<T extends object>(obj: T, name: string): T {
  const key = memberKey(name);
  if (!Object.prototype.hasOwnProperty.call(obj, key)) return obj;
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key)) as T;
}

/**
 * A copy of `obj` with every member of `patch` applied: `undefined` removes a member, anything
 * else sets it (existing members keep their position).
 */
export function withMembers<T extends object>(obj: T, patch: Readonly<Record<string, unknown>>): T {
  let next = obj;
  for (const [key, value] of Object.entries(patch)) {
    next = value === undefined ? withoutMember(next, key) : withMember(next, key, value);
  }
  return next;
}

/** A copy of `list` with the element at `index` replaced by `update(element)`. */
export function replaceAt<T>(list: readonly T[], index: number, update: (item: T) => T): T[] {
  return list.map((item, i) => (i === index ? update(item) : item));
}

/** A copy of `list` with the element at `from` moved to position `to` (clamped). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item === undefined) return [...list];
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}
