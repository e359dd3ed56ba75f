/** Short descriptions of JSON values for messages: the kind, then a preview after a colon. */

const PREVIEW_LENGTH = 40;

/** "an array", "an object", "null", "a string: \"abc\"", "a number: 5", "a boolean: false". */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "object":
      return "an object";
    case "string":
      return `a string: ${preview(JSON.stringify(value))}`;
    case "number":
      return `a number: ${String(value)}`;
    case "boolean":
      return `a boolean: ${String(value)}`;
    default:
      return typeof value;
  }
}

function preview(text: string): string {
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…"` : text;
}

/** `"stages"` for a member, `element 3 of "stages"` for an array element, `the file` for the root. */
export function describeMember(path: ReadonlyArray<string | number>): string {
  const last = path[path.length - 1];
  if (last === undefined) return "the top-level value";
  if (typeof last === "number") {
    const parent = path[path.length - 2];
    return parent === undefined ? `element ${last}` : `element ${last} of "${String(parent)}"`;
  }
  return `"${last}"`;
}

/**
 * Any JSON value as text for a label or a form field, never throwing: a string as it is, other
 * values as their JSON (`42`, `true`, `{"a":1}`). A file may put an object where a name belongs,
 * and `String()` of an object whose `toString` member is data throws.
 */
export function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return Object.prototype.toString.call(value);
  }
}
