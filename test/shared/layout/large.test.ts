/**
 * Large pipelines: the 50 stages x 50 actions stress shape and a 500-action one lay out in a few
 * milliseconds, and the time grows linearly, not quadratically, with the action count.
 */
import { describe, expect, it } from "vitest";
import { hitTest, layout } from "../../../shared/layout";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { grid } from "./pipelines";

/**
 * The fastest of `runs` timings of `layout(p)`, after a warm-up, in milliseconds: the minimum is
 * the figure least disturbed by garbage collection and a busy machine.
 */
function fastestMs(p: PipelineDeclaration, runs = 9): number {
  for (let i = 0; i < 5; i++) layout(p);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    layout(p);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[0] ?? Number.NaN;
}

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

  it("takes a few milliseconds for 500 and for 2,500 actions", () => {
    const small = fastestMs(grid(10, 50));
    const large = fastestMs(big);
    console.log(`layout: 500 actions ${small.toFixed(2)} ms, 2,500 actions ${large.toFixed(2)} ms`);
    // Generous against a slow CI machine; the measured figures are far below.
    expect(small).toBeLessThan(25);
    expect(large).toBeLessThan(100);
  });

  it("grows linearly: 10x the actions costs well under the 100x a quadratic layout would", () => {
    // Timings on a shared machine are noisy, so the bound sits far from both 10x and 100x.
    const small = fastestMs(grid(5, 50), 21);
    const large = fastestMs(big, 21);
    expect(large / small).toBeLessThan(40);
  });

  it("answers a hit test over the stress layout without scanning every zone", () => {
    const r = layout(big);
    const last = r.dropZones[r.dropZones.length - 1];
    if (!last) throw new Error("no zones");
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) hitTest(r, { x: (i * 37) % r.bounds.width, y: 100 });
    const perCall = (performance.now() - start) / 10_000;
    expect(hitTest(r, { x: last.rect.x + 1, y: 1 })?.target).toEqual({ kind: "new-stage", index: 50 });
    expect(perCall).toBeLessThan(0.05);
  });
});
