import { describe, expect, it } from "vitest";
import {
  ACTION_WIDTH,
  COLUMN_EDGE_BAND,
  STAGE_GAP,
  STAGE_HEADER_HEIGHT,
  hitTest,
  layout,
  type DropTarget,
  type Layout,
  type LayoutNode,
  type Point,
} from "../../../shared/layout";
import { insertAction, runOrderGroups } from "../../../shared/pipeline";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { FIXTURE_FILES, build, fixturePipeline, pipelineOf, sample, source } from "./pipelines";

function find(result: Layout, id: string): LayoutNode {
  const n = result.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

/** The absolute centre of a node, resolving its parent lane. */
function centre(result: Layout, id: string): Point {
  const n = find(result, id);
  const origin = n.type === "action" ? find(result, n.parentId).position : { x: 0, y: 0 };
  return { x: origin.x + n.position.x + n.width / 2, y: origin.y + n.position.y + n.height / 2 };
}

const target = (result: Layout, point: Point): DropTarget | undefined => hitTest(result, point)?.target;

/** Which column (runOrder) of stage `stage` an action named `name` lands in, after a drop. */
function columnOf(p: PipelineDeclaration, stage: number, name: string): number {
  const s = p.stages[stage];
  if (!s) throw new Error("no stage");
  const index = s.actions.findIndex((a) => a.name === name);
  return runOrderGroups(s).findIndex((g) => g.actionIndexes.includes(index));
}

describe("hitTest: into a group (parallel)", () => {
  const r = layout(sample());

  it("answers parallel over the middle of an action column", () => {
    expect(target(r, centre(r, "action:Build/Test"))).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 2,
      mode: "parallel",
    });
    expect(target(r, centre(r, "action:Build/Lint"))).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 1,
      mode: "parallel",
    });
  });

  it("answers parallel over the empty space under a short column", () => {
    const test = centre(r, "action:Build/Test");
    const lint = centre(r, "action:Build/Lint");
    expect(target(r, { x: test.x, y: lint.y })).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 2,
      mode: "parallel",
    });
  });

  it("is a placement that joins that group", () => {
    const t = target(r, centre(r, "action:Build/Test"));
    if (t?.kind !== "group") throw new Error("expected a group target");
    const after = insertAction(sample(), build("New"), t);
    expect(columnOf(after, 1, "New")).toBe(columnOf(after, 1, "Test"));
  });
});

describe("hitTest: before a group", () => {
  const r = layout(sample());
  const lane = find(r, "stage:Build");
  const compile = centre(r, "action:Build/Compile");

  it("answers before over a column's left band and the gap before it", () => {
    const testLeft = centre(r, "action:Build/Test").x - ACTION_WIDTH / 2;
    const expected = { kind: "group", stage: 1, runOrder: 2, mode: "before" };
    expect(target(r, { x: testLeft + COLUMN_EDGE_BAND - 1, y: compile.y })).toEqual(expected);
    expect(target(r, { x: testLeft - 5, y: compile.y })).toEqual(expected);
  });

  it("answers before the first group at the lane's left edge, header included", () => {
    expect(target(r, { x: lane.position.x + 1, y: STAGE_HEADER_HEIGHT / 2 })).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 1,
      mode: "before",
    });
  });

  it("is a placement that opens a new first column", () => {
    const after = insertAction(sample(), build("New"), { stage: 1, runOrder: 1, mode: "before" });
    expect(columnOf(after, 1, "New")).toBe(0);
    expect(columnOf(after, 1, "Compile")).toBe(1);
  });

  it("draws its indicator as a thin line in the gap", () => {
    const zone = hitTest(r, { x: lane.position.x + 1, y: 60 });
    expect(zone?.indicator.width).toBeLessThan(10);
    expect(zone?.indicator.x).toBeGreaterThan(lane.position.x);
    expect(zone?.indicator.x).toBeLessThan(compile.x - ACTION_WIDTH / 2);
  });
});

describe("hitTest: after the last group", () => {
  const r = layout(sample());
  const lane = find(r, "stage:Build");
  const y = centre(r, "action:Build/Compile").y;

  it("answers after over the last column's right band and the lane's right padding", () => {
    const expected = { kind: "group", stage: 1, runOrder: 2, mode: "after" };
    const testRight = centre(r, "action:Build/Test").x + ACTION_WIDTH / 2;
    expect(target(r, { x: testRight - COLUMN_EDGE_BAND + 1, y })).toEqual(expected);
    expect(target(r, { x: lane.position.x + lane.width - 1, y })).toEqual(expected);
  });

  it("is a placement that opens a new last column", () => {
    const after = insertAction(sample(), build("New"), { stage: 1, runOrder: 2, mode: "after" });
    expect(columnOf(after, 1, "New")).toBe(2);
  });
});

describe("hitTest: new stage", () => {
  const r = layout(sample());
  const lanes = r.nodes.filter((n) => n.type === "stage");

  it("answers new-stage at k in the gap before lane k", () => {
    lanes.forEach((lane, k) => {
      expect(target(r, { x: lane.position.x - STAGE_GAP / 2, y: 10 })).toEqual({
        kind: "new-stage",
        index: k,
      });
    });
  });

  it("answers new-stage at the end past the last lane", () => {
    const last = lanes[lanes.length - 1];
    if (!last) throw new Error("no lanes");
    expect(target(r, { x: last.position.x + last.width + 1, y: 10 })).toEqual({
      kind: "new-stage",
      index: 3,
    });
  });

  it("covers the transition marker, so a drop on it inserts a stage there", () => {
    expect(target(r, centre(r, "transition:Deploy"))).toEqual({ kind: "new-stage", index: 2 });
  });

  it("offers stage 0 in an empty pipeline", () => {
    const empty = layout(pipelineOf());
    expect(empty.dropZones).toHaveLength(1);
    expect(target(empty, { x: 10, y: 10 })).toEqual({ kind: "new-stage", index: 0 });
  });
});

describe("hitTest: empty and collapsed stages", () => {
  it("answers group 1 parallel anywhere over an empty stage", () => {
    const r = layout(pipelineOf({ name: "S", actions: [source("Src", "O")] }, { name: "E", actions: [] }));
    const lane = find(r, "stage:E");
    expect(target(r, { x: lane.position.x + 2, y: 100 })).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 1,
      mode: "parallel",
    });
    expect(target(r, { x: lane.position.x + lane.width - 2, y: 100 })).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 1,
      mode: "parallel",
    });
  });

  it("answers after the last group anywhere over a collapsed stage", () => {
    const r = layout(sample(), { collapsedStages: new Set(["stage:Build"]) });
    const lane = find(r, "stage:Build");
    const expected = { kind: "group", stage: 1, runOrder: 2, mode: "after" };
    expect(target(r, { x: lane.position.x, y: 0 })).toEqual(expected);
    expect(target(r, { x: lane.position.x + lane.width - 1, y: lane.height - 1 })).toEqual(expected);
    expect(r.dropZones.filter((z) => z.target.kind === "group" && z.target.stage === 1)).toHaveLength(1);
  });
});

describe("hitTest: outside", () => {
  const r = layout(sample());

  it("answers nothing left of, right of, above or below every zone", () => {
    const b = r.bounds;
    expect(hitTest(r, { x: -STAGE_GAP - 1, y: 10 })).toBeUndefined();
    expect(hitTest(r, { x: b.width + STAGE_GAP, y: 10 })).toBeUndefined();
    expect(hitTest(r, { x: 10, y: -1 })).toBeUndefined();
    expect(hitTest(r, { x: 10, y: b.height + 1000 })).toBeUndefined();
  });

  it("answers nothing below a short lane, but the gaps reach the tallest lane's bottom", () => {
    const src = find(r, "stage:Source");
    expect(hitTest(r, { x: src.position.x + 10, y: src.height + 1 })).toBeUndefined();
    expect(target(r, { x: -1, y: r.bounds.height - 1 })).toEqual({ kind: "new-stage", index: 0 });
  });
});

describe("drop zones partition the canvas", () => {
  const cases: [string, PipelineDeclaration][] = [
    ["sample", sample()],
    ...FIXTURE_FILES.map((f): [string, PipelineDeclaration] => [f, fixturePipeline(f)]),
  ];

  it.each(cases)("%s: zones are contiguous, non-empty and each one is hit at its centre", (_name, p) => {
    const r = layout(p);
    r.dropZones.forEach((zone, i) => {
      expect(zone.rect.width).toBeGreaterThan(0);
      const next = r.dropZones[i + 1];
      if (next) expect(next.rect.x).toBe(zone.rect.x + zone.rect.width);
      const c = { x: zone.rect.x + zone.rect.width / 2, y: zone.rect.y + zone.rect.height / 2 };
      expect(hitTest(r, c)).toBe(zone);
      expect(hitTest(r, { x: zone.rect.x, y: zone.rect.y })).toBe(zone);
    });
    // A gap before every lane and after the last; per lane: before and into each group, after the
    // last (or one zone for an empty lane).
    const perLane = p.stages.map((st) => 2 * runOrderGroups(st).length + 1);
    expect(r.dropZones).toHaveLength(p.stages.length + 1 + perLane.reduce((a, b) => a + b, 0));
  });
});
