import { documentRoot } from "../pipeline/document";
import type { DamagedMember, PipelineDocument } from "../pipeline/model";
import { stringifyCanonical } from "./canonical-json";

/**
 * The canonical file text of a document: its top-level object (the whole file, in the shape it
 * was read) as 2-space JSON with a trailing newline, members in file order and named as in the
 * file. Members the file had with the wrong container kind are written back as the file had them
 * (`PipelineDocument.damaged`). For a canonically formatted file,
 * `serializeDocument(parseDocument(text).document)` is `text` byte for byte (a leading BOM is the
 * one thing not written back).
 */
export function serializeDocument(doc: PipelineDocument): string {
  const root = documentRoot(doc);
  return `${stringifyCanonical(doc.damaged === undefined ? root : restore(root, trieOf(doc.damaged)))}\n`;
}

/** Damaged members by path, one level per node, so one walk restores them all. */
interface Trie {
  member?: DamagedMember;
  children: Map<string | number, Trie>;
}

function trieOf(damaged: readonly DamagedMember[]): Trie {
  const root: Trie = { children: new Map() };
  for (const member of damaged) {
    let node = root;
    for (const segment of member.path) {
      let next = node.children.get(segment);
      if (next === undefined) node.children.set(segment, (next = { children: new Map() }));
      node = next;
    }
    node.member = member;
  }
  return root;
}

/** A marker for a member to leave out: one the file did not have, added so the app could walk it. */
const OMIT = Symbol("omit");

/** A copy of `value` with what the file had put back where `trie` says, sharing everything else. */
function restore(value: unknown, trie: Trie): unknown {
  if (trie.member !== undefined) return "missing" in trie.member ? OMIT : trie.member.value;
  if (typeof value !== "object" || value === null || trie.children.size === 0) return value;
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    for (const [index, child] of trie.children) {
      if (typeof index === "number" && index >= 0 && index < copy.length) copy[index] = restore(copy[index], child);
    }
    return copy;
  }
  const record = value as Record<string, unknown>;
  const entries: Array<[string, unknown]> = [];
  for (const key of Object.keys(record)) {
    const child = trie.children.get(key);
    const restored = child === undefined ? record[key] : restore(record[key], child);
    if (restored !== OMIT) entries.push([key, restored]);
  }
  return Object.fromEntries(entries);
}
