/**
 * Member-level comparison of JSON values: the building block of the pipeline diff.
 */
import type { JsonPath } from "../pipeline/model";

/**
 * What GetPipeline returns in place of a secret configuration value (an OAuth token, say). The
 * service keeps the stored secret when it receives this mask back, so a masked value never counts
 * as a change on either side.
 */
export const SECRET_MASK = "****";

/** One member that differs: added (`before` absent), removed (`after` absent) or changed. */
export interface MemberChange {
  kind: "added" | "removed" | "changed";
  /** JSON path from the pipeline object; array indexes are those of the side the member is on. */
  path: JsonPath;
  before?: unknown;
  after?: unknown;
}

/** An object that is neither an array nor null. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values; object key order does not matter, a masked secret matches anything. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === SECRET_MASK || b === SECRET_MASK) return typeof a === "string" && typeof b === "string";
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return false;
}

/**
 * The differing members of two objects, recursing into nested objects so a change is reported at
 * the deepest member (`configuration.BranchName`, not the whole configuration). Arrays are compared
 * whole: their elements (artifact lists, commands, variables) read best as one before/after pair.
 * Members named in `skip` are left to the caller.
 */
export function diffMembers(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  path: JsonPath,
  skip: ReadonlySet<string> = new Set(),
): MemberChange[] {
  const changes: MemberChange[] = [];
  for (const key of Object.keys(before)) {
    if (skip.has(key)) continue;
    if (!Object.hasOwn(after, key)) {
      changes.push({ kind: "removed", path: [...path, key], before: before[key] });
    }
  }
  for (const key of Object.keys(after)) {
    if (skip.has(key)) continue;
    const next = after[key];
    if (!Object.hasOwn(before, key)) {
      changes.push({ kind: "added", path: [...path, key], after: next });
      continue;
    }
    const previous = before[key];
    if (isRecord(previous) && isRecord(next)) {
      changes.push(...diffMembers(previous, next, [...path, key]));
    } else if (!sameValue(previous, next)) {
      changes.push({ kind: "changed", path: [...path, key], before: previous, after: next });
    }
  }
  return changes;
}
