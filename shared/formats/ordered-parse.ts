import { parseTree, type Node } from "jsonc-parser";
import { objectFromEntries } from "./key-order";

/**
 * Parses JSON that `JSON.parse` already accepted, keeping the file's key order for objects with
 * integer-like keys (see key-order.ts). Slower than `JSON.parse`, so it runs only when the text
 * scan saw such a key. Literals go through `JSON.parse` so every value is exactly what the fast
 * path would give; a repeated key keeps its first position and its last value, as `JSON.parse` does.
 * Recursion is bounded: the depth scan has already refused deeper files.
 */
export function parseKeepingKeyOrder(text: string): unknown {
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  if (!root) throw new SyntaxError("Unexpected end of JSON input");
  return toValue(root, text);
}

function toValue(node: Node, text: string): unknown {
  switch (node.type) {
    case "object": {
      const entries = new Map<string, unknown>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        entries.set(String(keyNode.value), toValue(valueNode, text));
      }
      return objectFromEntries([...entries]);
    }
    case "array":
      return (node.children ?? []).map((child) => toValue(child, text));
    default:
      return JSON.parse(text.slice(node.offset, node.offset + node.length));
  }
}
