/**
 * Pure canvas layout: a pipeline in, React Flow-shaped nodes and edges plus drop geometry out.
 * The renderer maps these 1:1 and adds no geometry of its own.
 */
export { layout } from "./layout";
export { LayoutCache } from "./layout-cache";
export { hitTest, MIN_LANE_HEIGHT } from "./drop-zones";
export * from "./constants";
export type * from "./types";
export { nodeForPath } from "./node-for-path";
