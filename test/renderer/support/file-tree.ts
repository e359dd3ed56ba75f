/**
 * JSON values as ordered trees (objects as lists of entries), for tests that must write files in
 * an order a JavaScript object cannot hold (integer-like keys after others, repeated keys).
 */
export type Tree = string | number | boolean | null | Tree[] | { entries: Array<[string, Tree]> };

/** The canonical text (2-space JSON) of a tree, members exactly in its order. */
export function treeText(node: Tree, indent = ""): string {
  if (node === null || typeof node !== "object") return JSON.stringify(node);
  const inner = `${indent}  `;
  if (Array.isArray(node)) {
    if (node.length === 0) return "[]";
    return `[\n${node.map((item) => `${inner}${treeText(item, inner)}`).join(",\n")}\n${indent}]`;
  }
  if (node.entries.length === 0) return "{}";
  const lines = node.entries.map(
    ([key, value]) => `${inner}${JSON.stringify(key)}: ${treeText(value, inner)}`,
  );
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** An object tree from entries. */
export function obj(...entries: Array<[string, Tree]>): Tree {
  return { entries };
}
