/**
 * SDK output -> plain JSON: Dates become ISO strings, `undefined` members and the SDK's `$metadata`
 * go, so what the runs service returns crosses IPC (and reaches shared/execution) unchanged.
 */
export function toJson<T>(value: unknown): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === "object" && value !== null) {
    const entries: [string, unknown][] = [];
    for (const [key, member] of Object.entries(value)) {
      if (key === "$metadata") continue;
      const cleaned = clean(member);
      if (cleaned !== undefined) entries.push([key, cleaned]);
    }
    // fromEntries defines members, so a "__proto__" key from the wire stays a plain member.
    return Object.fromEntries(entries);
  }
  return value;
}
