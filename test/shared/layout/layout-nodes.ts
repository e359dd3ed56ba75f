/** Lookups into a layout that fail the test with the ids present when a node is missing. */
import type { ActionLayoutNode, Layout, LayoutNode, StageLayoutNode } from "../../../shared/layout";

/** The node with `id`. */
export function node(result: Layout, id: string): LayoutNode {
  const found = result.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}; have ${result.nodes.map((n) => n.id).join(", ")}`);
  return found;
}

/** The stage lane with `id`. */
export function stageNode(result: Layout, id: string): StageLayoutNode {
  const found = node(result, id);
  if (found.type !== "stage") throw new Error(`${id} is a ${found.type}`);
  return found;
}

/** The action node with `id`. */
export function actionNode(result: Layout, id: string): ActionLayoutNode {
  const found = node(result, id);
  if (found.type !== "action") throw new Error(`${id} is a ${found.type}`);
  return found;
}

/** Every node id, in layout order. */
export const ids = (result: Layout): string[] => result.nodes.map((n) => n.id);
