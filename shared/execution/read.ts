/**
 * Defensive readers: execution data crosses IPC and comes from an API that may add members or
 * statuses, so nothing here trusts a declared type. Each reader returns a plain value or a neutral
 * fallback instead of throwing.
 */

/** Plain-object view of `value`, or undefined when it is not a non-array object. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The member `key` of `value` when `value` is an object and the member is its own. */
export function member(value: unknown, key: string): unknown {
  const record = asRecord(value);
  if (!record || !Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  try {
    return record[key];
  } catch {
    // A getter on a hostile object may throw; treat it as absent.
    return undefined;
  }
}

/** A string member, or undefined. */
export function text(value: unknown, key: string): string | undefined {
  const found = member(value, key);
  return typeof found === "string" ? found : undefined;
}

/** A finite number member, or undefined. */
export function num(value: unknown, key: string): number | undefined {
  const found = member(value, key);
  return typeof found === "number" && Number.isFinite(found) ? found : undefined;
}

/** An array member (or `value` itself with no key), or an empty list. */
export function list(value: unknown, key?: string): readonly unknown[] {
  const found = key === undefined ? value : member(value, key);
  return Array.isArray(found) ? found : [];
}

/** A string-to-string map member as an own-property record (safe for keys like "__proto__"). */
export function stringMap(value: unknown, key: string): Readonly<Record<string, string>> {
  const record = asRecord(member(value, key));
  if (!record) return {};
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .flatMap((name) => {
        const entry = member(record, name);
        return typeof entry === "string" ? [[name, entry] as const] : [];
      }),
  );
}

/**
 * Epoch numbers below this are seconds, above it milliseconds: 1e11 seconds is the year 5138 and
 * 1e11 milliseconds is 1973, so no real timestamp is ambiguous.
 */
const SECONDS_LIMIT = 1e11;

/**
 * Normalises a timestamp to epoch milliseconds: a Date, epoch seconds (the wire form), epoch
 * milliseconds, or an ISO-8601 string. Anything else, or an invalid date, gives null.
 */
export function toEpochMs(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    return Math.round(Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value);
  }
  if (typeof value === "string" && value.trim() !== "") {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return toEpochMs(Number(trimmed));
    const ms = Date.parse(trimmed);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** A timestamp member normalised by {@link toEpochMs}. */
export function time(value: unknown, key: string): number | null {
  return toEpochMs(member(value, key));
}

/** Only http(s) links are passed on, so a crafted `javascript:` URL never reaches a link element. */
export function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(value) ? value : undefined;
}
