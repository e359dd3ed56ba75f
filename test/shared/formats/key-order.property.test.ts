import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, serializeDocument } from "../../../shared/formats";

/**
 * Files whose objects have integer-like keys in any order, repeated keys, escaped keys and nested
 * objects: the saved text must list members exactly as the file did (first position, last value,
 * as JSON.parse decides), which JavaScript objects alone cannot do.
 */
type Tree = string | number | null | Tree[] | { entries: Array<[string, Tree]> };

const KEY = fc.constantFrom(
  "0",
  "1",
  "7",
  "10",
  "4294967294",
  "4294967295",
  "01",
  "-1",
  "a",
  "b",
  "__proto__",
  "constructor",
);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)),
    fc.array(fc.tuple(KEY, tie("tree")), { maxLength: 6 }).map((entries) => ({ entries })),
    fc.array(tie("tree"), { maxLength: 3 }),
  ),
})).tree;

/** The file text: compact, keys as written (some escaped, which must not matter). */
function source(node: Tree, escape: boolean): string {
  if (node === null || typeof node !== "object") return JSON.stringify(node);
  if (Array.isArray(node)) return `[${node.map((item) => source(item, escape)).join(",")}]`;
  const members = node.entries.map(([key, value]) => {
    const written = escape && /^\d$/.test(key) ? `"\\u003${key}"` : JSON.stringify(key);
    return `${written}:${source(value, escape)}`;
  });
  return `{${members.join(",")}}`;
}

/** What a save must write, computed without JavaScript objects: first position, last value. */
function expected(node: Tree, indent: string): string {
  if (node === null || typeof node !== "object") return JSON.stringify(node);
  if (Array.isArray(node)) {
    if (node.length === 0) return "[]";
    return `[\n${node.map((item) => `${indent}  ${expected(item, `${indent}  `)}`).join(",\n")}\n${indent}]`;
  }
  const order: string[] = [];
  const last = new Map<string, Tree>();
  for (const [key, value] of node.entries) {
    if (!last.has(key)) order.push(key);
    last.set(key, value);
  }
  if (order.length === 0) return "{}";
  const inner = `${indent}  `;
  const lines = order.map((key) => `${inner}${JSON.stringify(key)}: ${expected(last.get(key)!, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** How many keys repeat an earlier key of their object, anywhere in the tree. */
function repeats(node: Tree): number {
  if (node === null || typeof node !== "object") return 0;
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + repeats(item), 0);
  const seen = new Set<string>();
  let count = 0;
  for (const [key, value] of node.entries) {
    if (seen.has(key)) count++;
    seen.add(key);
    count += repeats(value);
  }
  return count;
}

describe("key order (property-based)", () => {
  it("open + save writes every object's members in file order, integer-like keys included", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(KEY, tree), { maxLength: 6 }), fc.boolean(), (entries, escape) => {
        const file: Tree = { entries: [["stages", []], ...entries] };
        const { document, diagnostics } = parseDocument(source(file, escape));
        // Each repeated key is a warning at its line; nothing else is reported.
        expect(diagnostics.filter((d) => d.code !== "duplicate-key")).toEqual([]);
        expect(diagnostics.length).toBe(Math.min(repeats(file), 20) + (repeats(file) > 20 ? 1 : 0));
        expect(serializeDocument(document!)).toBe(`${expected(file, "")}\n`);
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, "0")).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
