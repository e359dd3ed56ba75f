import { stagePath } from "./diagnostic-counts";
import type { JsonPath } from "../pipeline/model";
import type { Layout } from "./types";

/**
 * The id of the node that shows the element at `path` (a diagnostic's path, pipeline-relative or
 * from the file root): the action, its lane when the stage is collapsed, or the stage. Undefined
 * for paths outside the stages (pipeline settings, triggers) and into a stage that does not exist;
 * a path into a missing action gives its stage.
 * The problems panel uses it to select and reveal what a finding is about.
 */
export function nodeForPath(result: Pick<Layout, "nodes">, path: JsonPath): string | undefined {
  const inStage = stagePath(path);
  const s = inStage?.[1];
  if (!inStage || typeof s !== "number") return undefined;
  const a = inStage[2] === "actions" ? inStage[3] : undefined;
  let stageId: string | undefined;
  for (const node of result.nodes) {
    if (node.type === "stage" && node.data.index === s) stageId = node.id;
    if (node.type === "action" && node.data.stageIndex === s && node.data.actionIndex === a) {
      return node.id;
    }
  }
  return stageId;
}
