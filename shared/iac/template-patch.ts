/**
 * Writing an edited pipeline back into the template text it came from with the smallest change:
 * editing a value rewrites that value's text only, so comments, quoting and layout elsewhere stay
 * as the team wrote them and the change reviews as what was edited.
 *
 * JSON templates are patched with jsonc-parser's `modify` (one edit per changed member). In YAML a
 * changed plain value is replaced in place; any other change (a new member, a longer list, a value
 * becoming an intrinsic function) rewrites the pipeline resource's block at its indentation. When
 * the change reaches outside the resource (new parameters), the caller writes the template anew.
 */
import { applyEdits, modify } from "jsonc-parser";
import { isMap, isScalar, isSeq, parseDocument, type ParsedNode } from "yaml";
import { isDeployTimeValue } from "./deploy-time-values";
import { CUSTOM_TAGS, stringifyYamlTemplate } from "./cfn-yaml";

type Path = Array<string | number>;

interface Change {
  path: Path;
  value: unknown;
  /** The old and new values are both plain scalars (not intrinsic functions). */
  scalar: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPlainScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** Structural equality, member order ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
    );
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return a === b;
}

/** The smallest changes turning `before` into `after`. */
function changes(before: unknown, after: unknown, path: Path, out: Change[]): void {
  if (sameValue(before, after)) return;
  const bothObjects =
    isObject(before) && isObject(after) && !isDeployTimeValue(before) && !isDeployTimeValue(after);
  if (bothObjects) {
    const keysBefore = Object.keys(before);
    const keysAfter = Object.keys(after);
    if (keysBefore.length === keysAfter.length && keysBefore.every((k, i) => k === keysAfter[i])) {
      for (const key of keysAfter) changes(before[key], after[key], [...path, key], out);
      return;
    }
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    after.forEach((value, i) => changes(before[i], value, [...path, i], out));
    return;
  }
  out.push({ path, value: after, scalar: isPlainScalar(before) && isPlainScalar(after) });
}

/** The template text with `after` in place of `before`, or undefined when only a rewrite will do. */
export function patchTemplateText(
  text: string,
  syntax: "yaml" | "json",
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  resource: string,
): string | undefined {
  const list: Change[] = [];
  changes(before, after, [], list);
  if (list.length === 0) return text;
  const inside = list.every((c) => c.path[0] === "Resources" && c.path[1] === resource && c.path.length > 2);
  if (!inside) return undefined;
  return syntax === "json" ? patchJson(text, list) : patchYaml(text, list, after, resource);
}

function patchJson(text: string, list: readonly Change[]): string {
  let out = text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  for (const change of list) {
    const edits = modify(out, change.path, change.value, {
      formattingOptions: { insertSpaces: true, tabSize: 2, eol },
    });
    out = applyEdits(out, edits);
  }
  return out;
}

function inline(value: unknown): string {
  if (typeof value === "string" && /[\n\r]/.test(value)) return JSON.stringify(value);
  return stringifyYamlTemplate(value).replace(/\n$/, "");
}

/** Where a value's text goes: the node's range, or undefined when it cannot be rewritten alone. */
function replaceable(node: ParsedNode | undefined, scalarChange: boolean): boolean {
  if (node === undefined || !node.range || node.tag !== undefined) return false;
  if (isScalar(node)) return scalarChange;
  return (isMap(node) || isSeq(node)) && node.flow !== true && node.items.length > 0;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function patchYaml(
  text: string,
  list: readonly Change[],
  after: Record<string, unknown>,
  resource: string,
): string | undefined {
  const doc = parseDocument(text, { version: "1.1", customTags: CUSTOM_TAGS, uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  // Each change rewrites its own node, or the nearest enclosing block collection that can be.
  const targets: Path[] = [];
  for (const change of list) {
    let path = change.path;
    while (
      !replaceable(doc.getIn(path, true) as ParsedNode | undefined, change.scalar && path === change.path)
    ) {
      if (path.length <= 2) return undefined;
      path = path.slice(0, -1);
    }
    targets.push(path);
  }
  const within = (inner: Path, outer: Path): boolean =>
    inner.length > outer.length && outer.every((segment, i) => inner[i] === segment);
  const unique = targets.filter(
    (t, i) =>
      !targets.some((o, j) => within(t, o) || (j < i && o.length === t.length && within([...t, 0], o))),
  );
  const edits = unique.map((path) => {
    const node = doc.getIn(path, true) as ParsedNode;
    const [from, end] = node.range as [number, number, number];
    const value = valueAt(after, path);
    if (isScalar(node)) return { from, to: end, text: inline(value) };
    const lineStart = text.lastIndexOf("\n", from - 1) + 1;
    const indent = " ".repeat(from - lineStart);
    const rendered = stringifyYamlTemplate(value)
      .replace(/\n$/, "")
      .split("\n")
      .map((line, i) => (i === 0 || line === "" ? line : `${indent}${line}`))
      .join("\n");
    // Blank lines and comments after the collection stay where they were.
    const contentEnd = from + text.slice(from, end).replace(/(\s*#[^\n]*)*\s*$/, "").length;
    return { from, to: contentEnd, text: rendered };
  });
  void resource;
  let out = text;
  for (const edit of edits.sort((a, b) => b.from - a.from))
    out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  return out;
}
