import { KEY_MARK, toFileKey } from "../pipeline/member-keys";

const INDENT = "  ";

/**
 * The canonical file text of a model value: what `JSON.stringify(value, null, 2)` gives, with
 * member names as the file has them (the model's marked integer-like keys unmarked, in their
 * place; see member-keys.ts). Members whose value is `undefined`, a function or a symbol are left
 * out, and such array elements become `null`, as in `JSON.stringify`. Recursion depth is the
 * document's nesting depth, which parsing limits.
 */
export function stringifyCanonical(value: unknown): string {
  // The engine's own JSON.stringify is several times faster; without a mark anywhere in its
  // output there is no marked key, and its text is exactly the canonical one.
  const fast = JSON.stringify(value, null, 2) ?? "null";
  return fast.includes(KEY_MARK) ? writeCanonical(value) : fast;
}

/** The unmarking writer behind `stringifyCanonical`, exported for its tests. */
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
  for (const key of Object.keys(obj)) {
    const text = write(record[key], inner);
    if (text === undefined) continue;
    out += `${out === "" ? "" : ",\n"}${inner}${JSON.stringify(toFileKey(key))}: ${text}`;
  }
  return out === "" ? "{}" : `{\n${out}\n${indent}}`;
}
