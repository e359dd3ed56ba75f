/**
 * Writing an edited pipeline back into the template text it came from with the smallest change:
 * editing a value rewrites that value's text only, so comments, quoting and layout elsewhere stay
 * as the team wrote them and the change reviews as what was edited.
 *
 * JSON templates are patched with jsonc-parser's `modify` (one edit per changed, added or removed
 * member). In YAML a changed plain value is replaced in place, a member added to or removed from a
 * block mapping is one line (or block) inserted or deleted; anything else (a longer list, a value
 * becoming an intrinsic function, a flow-style mapping) rewrites the smallest enclosing block
 * collection at its indentation. When the change reaches outside the pipeline resource (new
 * parameters), the caller writes the template anew.
 */
import { applyEdits, modify } from "jsonc-parser";
import { isMap, isScalar, isSeq, parseDocument, type ParsedNode } from "yaml";
import { isDeployTimeValue } from "./deploy-time-values";
import { CUSTOM_TAGS, stringifyYamlTemplate } from "./cfn-yaml";

type Path = Array<string | number>;

interface Change {
  /** `set` replaces the value at `path`; `add` puts a new member there; `remove` deletes it. */
  kind: "set" | "add" | "remove";
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
    const kept = keysBefore.filter((k) => k in after);
    const keptAfter = keysAfter.filter((k) => k in before);
    const lastKept = Math.max(-1, ...keptAfter.map((k) => keysAfter.indexOf(k)));
    const added = keysAfter.filter((k) => !(k in before));
    // Members kept in their order, new ones after them: edit member by member.
    if (kept.every((k, i) => k === keptAfter[i]) && added.every((k) => keysAfter.indexOf(k) > lastKept)) {
      for (const key of keysBefore) {
        if (key in after) changes(before[key], after[key], [...path, key], out);
        else out.push({ kind: "remove", path: [...path, key], value: undefined, scalar: false });
      }
      for (const key of added)
        out.push({ kind: "add", path: [...path, key], value: after[key], scalar: false });
      return;
    }
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    after.forEach((value, i) => changes(before[i], value, [...path, i], out));
    return;
  }
  out.push({ kind: "set", path, value: after, scalar: isPlainScalar(before) && isPlainScalar(after) });
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
  return syntax === "json" ? patchJson(text, list) : patchYaml(text, list, after);
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

/** A collection written in block style, which the patch can rewrite or extend line by line. */
function isBlock(node: ParsedNode | undefined): node is ParsedNode & { items: unknown[] } {
  return node !== undefined && (isMap(node) || isSeq(node)) && node.flow !== true && node.tag === undefined;
}

/** Whether a change can rewrite `node` on its own. */
function replaceable(node: ParsedNode | undefined, scalarChange: boolean): boolean {
  if (node === undefined || !node.range || node.tag !== undefined) return false;
  if (isScalar(node)) return scalarChange;
  return isBlock(node) && node.items.length > 0;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The end of a node's own text: its range without the blank lines and comments that follow. */
function contentEnd(text: string, from: number, end: number): number {
  return from + text.slice(from, end).replace(/(\s*#[^\n]*)*\s*$/, "").length;
}

/** `value` rendered as block YAML whose continuation lines start at `indent`. */
function block(value: unknown, indent: string): string {
  return stringifyYamlTemplate(value)
    .replace(/\n$/, "")
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : `${indent}${line}`))
    .join("\n");
}

/** A member added or removed in place, or undefined when its map is not a block map. */
function memberEdit(doc: ReturnType<typeof parseDocument>, text: string, change: Change): Edit | undefined {
  const parent = doc.getIn(change.path.slice(0, -1), true) as ParsedNode | undefined;
  if (!isBlock(parent) || !isMap(parent) || !parent.range) return undefined;
  const key = change.path[change.path.length - 1];
  const pairs = parent.items as Array<{ key: ParsedNode | null; value: ParsedNode | null }>;
  const first = pairs[0]?.key;
  if (!first?.range) return undefined;
  const indent = " ".repeat(first.range[0] - lineStartOf(text, first.range[0]));
  if (change.kind === "add") {
    const last = pairs[pairs.length - 1];
    const lastNode = last?.value ?? last?.key;
    if (!lastNode?.range) return undefined;
    const at = contentEnd(text, lastNode.range[0], lastNode.range[2]);
    return { from: at, to: at, text: `\n${indent}${block({ [String(key)]: change.value }, indent)}` };
  }
  const index = pairs.findIndex((p) => p.key !== null && isScalar(p.key) && p.key.value === key);
  const pair = pairs[index];
  if (pair === undefined || pairs.length < 2 || !pair.key?.range) return undefined;
  const valueNode = pair.value ?? pair.key;
  if (!valueNode.range) return undefined;
  const from = lineStartOf(text, pair.key.range[0]);
  const end = contentEnd(text, valueNode.range[0], valueNode.range[2]);
  const next = text.indexOf("\n", end);
  return { from, to: next < 0 ? text.length : next + 1, text: "" };
}

function patchYaml(
  text: string,
  list: readonly Change[],
  after: Record<string, unknown>,
): string | undefined {
  const doc = parseDocument(text, { version: "1.1", customTags: CUSTOM_TAGS, uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  const edits: Array<Edit & { path: Path }> = [];
  // What no in-place edit can do rewrites the nearest enclosing block collection.
  const rewrites: Path[] = [];
  for (const change of list) {
    if (change.kind !== "set") {
      const edit = memberEdit(doc, text, change);
      if (edit !== undefined) {
        edits.push({ ...edit, path: change.path });
        continue;
      }
    }
    let path = change.kind === "set" ? change.path : change.path.slice(0, -1);
    const scalar = change.kind === "set" && change.scalar;
    while (!replaceable(doc.getIn(path, true) as ParsedNode | undefined, scalar && path === change.path)) {
      if (path.length <= 2) return undefined;
      path = path.slice(0, -1);
    }
    const node = doc.getIn(path, true) as ParsedNode;
    const [from, , end] = node.range as [number, number, number];
    if (isScalar(node)) {
      edits.push({
        from,
        to: (node.range as [number, number, number])[1],
        text: inline(valueAt(after, path)),
        path,
      });
    } else {
      const indent = " ".repeat(from - lineStartOf(text, from));
      rewrites.push(path);
      edits.push({ from, to: contentEnd(text, from, end), text: block(valueAt(after, path), indent), path });
    }
  }
  const within = (inner: Path, outer: Path): boolean =>
    inner.length > outer.length && outer.every((segment, i) => inner[i] === segment);
  const kept = edits.filter(
    (e, i) =>
      !rewrites.some((r) => within(e.path, r)) &&
      !edits.some(
        (o, j) => j < i && o.path.length === e.path.length && o.path.every((s, k) => s === e.path[k]),
      ),
  );
  let out = text;
  for (const edit of kept.sort((a, b) => b.from - a.from || b.to - a.to))
    out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  return out;
}
