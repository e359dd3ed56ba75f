/**
 * Large pipelines: the 50 stages x 50 actions stress shape lays out completely. How fast it does so
 * is measured by `npm run bench` (layout suite), not asserted here: tests do not assert timings.
 */
import { describe, expect, it } from "vitest";
import { hitTest, layout } from "../../../shared/layout";
import { grid } from "./pipelines";

describe("large pipelines", () => {
  const big = grid(50, 50);

  it("lays out 2,500 actions completely", () => {
    const r = layout(big);
    expect(r.nodes.filter((n) => n.type === "action")).toHaveLength(2500);
    expect(r.nodes.filter((n) => n.type === "stage")).toHaveLength(50);
    expect(r.nodes.filter((n) => n.type === "transition")).toHaveLength(49);
    expect(r.edges).toHaveLength(49 * 50);
    expect(new Set(r.nodes.map((n) => n.id)).size).toBe(r.nodes.length);
    // 50 lanes of 10 groups: 21 zones each, plus 51 gaps.
    expect(r.dropZones).toHaveLength(50 * 21 + 51);
  });

  it("answers a hit test at the far end of the stress layout", () => {
    const r = layout(big);
    const last = r.dropZones[r.dropZones.length - 1];
    if (!last) throw new Error("no zones");
    expect(hitTest(r, { x: last.rect.x + 1, y: 1 })?.target).toEqual({ kind: "new-stage", index: 50 });
  });
});
