/**
 * Safe reads of untrusted JSON. The validator receives whatever a file held (or anything a caller
 * passes), so every access goes through these: they never throw, never read inherited members
 * (a `"__proto__"` or `"constructor"` key is just data), and never stringify unknown objects.
 */

/** A JSON object (not an array, not null). May have a null prototype. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An own member of a record, or `undefined` (inherited members are ignored). */
export function member(record: unknown, key: string): unknown {
  if (!isRecord(record) || !Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  return record[key];
}

/** An own string member, or `undefined`. */
export function stringMember(record: unknown, key: string): string | undefined {
  const value = member(record, key);
  return typeof value === "string" ? value : undefined;
}

/** An own array member, or an empty array when absent or not an array. */
export function arrayMember(record: unknown, key: string): readonly unknown[] {
  const value = member(record, key);
  return Array.isArray(value) ? value : [];
}

/** An own record member, or `undefined`. */
export function recordMember(record: unknown, key: string): JsonRecord | undefined {
  const value = member(record, key);
  return isRecord(value) ? value : undefined;
}

/** Own enumerable string keys with their values. */
export function entriesOf(record: JsonRecord): [string, unknown][] {
  return Object.keys(record).map((key) => [key, record[key]]);
}

const MAX_SHOWN = 80;

/**
 * A short, safe rendering of a value for the end of a message: strings as-is (truncated), numbers
 * and booleans as text, anything else by its JSON kind.
 */
export function show(value: unknown): string {
  if (value === "") return '""';
  if (typeof value === "string") return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return kindOf(value);
}

/** The JSON kind of a value, as a person would name it. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
