/**
 * Crossing between the model and plain JSON values that did not come from a file: requests to and
 * answers from AWS, whose SDK takes and gives ordinary objects. Files go through `parseDocument`
 * and `serializeDocument` instead, which also keep key order.
 */
import { KEY_MARK, needsMark, toFileKey, toModelKey } from "../pipeline/member-keys";

/**
 * A JSON value (for example a pipeline the SDK returned) in model form: integer-like keys marked
 * (member-keys.ts). Objects are copied only where a key changes; the rest is shared. Such a value
 * has already lost the order of its integer-like keys, which JavaScript listed first.
 */
export function toModelValue<T>(value: T): T {
  return convert(value, needsMark, toModelKey) as T;
}

/** A model value as plain JSON data for a consumer outside the app (the AWS SDK): marks removed. */
export function toJsonValue<T>(value: T): T {
  return convert(value, isMarked, toFileKey) as T;
}

function isMarked(key: string): boolean {
  return key.startsWith(KEY_MARK);
}

function convert(
  value: unknown,
  affected: (key: string) => boolean,
  rename: (key: string) => string,
): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const child = convert(value[i], affected, rename);
      if (child !== value[i]) (copy ??= [...(value as unknown[])])[i] = child;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let changed = false;
  const entries = Object.keys(record).map((key): [string, unknown] => {
    const child = convert(record[key], affected, rename);
    if (child !== record[key] || affected(key)) changed = true;
    return [affected(key) ? rename(key) : key, child];
  });
  return changed ? Object.fromEntries(entries) : value;
}
