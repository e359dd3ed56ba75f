import { hasRecordedOrders, orderedKeys } from "./key-order";

const INDENT = "  ";

/**
 * The canonical text of a JSON value: what `JSON.stringify(value, null, 2)` gives, except that
 * objects list their members in the order their file had (key-order.ts) even where JavaScript
 * would put integer-like keys first. Members whose value is `undefined`, a function or a symbol are
 * left out, and such array elements become `null`, as in `JSON.stringify`. Recursion depth is the
 * document's nesting depth, which parsing limits.
 */
export function stringifyCanonical(value: unknown): string {
  // Until a file with reordered keys has been read, no object can differ from its JS order, and
  // the engine's own JSON.stringify (several times faster) writes exactly the same text.
  if (!hasRecordedOrders()) return JSON.stringify(value, null, 2) ?? "null";
  return writeCanonical(value);
}

/** The order-aware writer behind `stringifyCanonical`, exported for its tests. */
export function writeCanonical(value: unknown): string {
  return write(value, "") ?? "null";
}

function write(value: unknown, indent: string): string | undefined {
  if (typeof value === "object" && value !== null) {
    const withJson = value as { toJSON?: unknown };
    if (typeof withJson.toJSON === "function")
      return write((withJson.toJSON as (key: string) => unknown)(""), indent);
    return Array.isArray(value) ? writeArray(value, indent) : writeObject(value, indent);
  }
  return JSON.stringify(value);
}

function writeArray(list: readonly unknown[], indent: string): string {
  if (list.length === 0) return "[]";
  const inner = indent + INDENT;
  let out = "[\n";
  for (let i = 0; i < list.length; i++) {
    out += inner + (write(list[i], inner) ?? "null");
    out += i < list.length - 1 ? ",\n" : "\n";
  }
  return `${out}${indent}]`;
}

function writeObject(obj: object, indent: string): string {
  const record = obj as Readonly<Record<string, unknown>>;
  const inner = indent + INDENT;
  let out = "";
  for (const key of orderedKeys(obj)) {
    const text = write(record[key], inner);
    if (text === undefined) continue;
    out += `${out === "" ? "" : ",\n"}${inner}${JSON.stringify(key)}: ${text}`;
  }
  return out === "" ? "{}" : `{\n${out}\n${indent}}`;
}
