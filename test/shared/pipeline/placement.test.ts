import { describe, expect, it } from "vitest";
import type { ActionDeclaration, PipelineDeclaration } from "../../../shared/pipeline/model";
import {
  actionMoveTarget,
  appendPlacement,
  dropRefusal,
  FIRST_STAGE_SOURCE_ONLY,
  keyboardTarget,
  SOURCE_ONLY_FIRST,
} from "../../../shared/pipeline/placement";

function action(name: string, category: string, runOrder?: number): ActionDeclaration {
  const a: ActionDeclaration = {
    name,
    actionTypeId: { category: category as "Build", owner: "AWS", provider: "P", version: "1" },
  };
  if (runOrder !== undefined) a.runOrder = runOrder;
  return a;
}

/** Source | Build (two groups: B1, then B2 and B3 in parallel) | Deploy. */
const PIPELINE: PipelineDeclaration = {
  name: "p",
  roleArn: "arn:aws:iam::111111111111:role/r",
  stages: [
    { name: "Source", actions: [action("Src", "Source")] },
    {
      name: "Build",
      actions: [action("B1", "Build", 1), action("B2", "Build", 3), action("B3", "Build", 3)],
    },
    { name: "Deploy", actions: [action("D", "Deploy")] },
  ],
};

describe("dropRefusal", () => {
  it("keeps sources in the first stage and other kinds out of a source stage", () => {
    expect(dropRefusal(PIPELINE, "Source", { kind: "group", stage: 0, runOrder: 1, mode: "parallel" })).toBe(
      undefined,
    );
    expect(dropRefusal(PIPELINE, "Source", { kind: "group", stage: 1, runOrder: 1, mode: "after" })).toBe(
      SOURCE_ONLY_FIRST,
    );
    expect(dropRefusal(PIPELINE, "Build", { kind: "group", stage: 0, runOrder: 1, mode: "after" })).toBe(
      FIRST_STAGE_SOURCE_ONLY,
    );
    expect(dropRefusal(PIPELINE, "Build", { kind: "group", stage: 2, runOrder: 1, mode: "parallel" })).toBe(
      undefined,
    );
  });

  it("refuses a new stage in front of the sources, unless the first stage's own source moves there", () => {
    expect(dropRefusal(PIPELINE, "Source", { kind: "new-stage", index: 0 })).toBe(SOURCE_ONLY_FIRST);
    expect(dropRefusal(PIPELINE, "Source", { kind: "new-stage", index: 0 }, 0)).toBe(undefined);
    expect(dropRefusal(PIPELINE, "Build", { kind: "new-stage", index: 0 })).toBe(FIRST_STAGE_SOURCE_ONLY);
    expect(dropRefusal(PIPELINE, "Build", { kind: "new-stage", index: 1 })).toBe(undefined);
  });

  it("refuses a first stage that is not a source in an empty pipeline", () => {
    const empty = { ...PIPELINE, stages: [] };
    expect(dropRefusal(empty, "Build", { kind: "new-stage", index: 0 })).toBe(FIRST_STAGE_SOURCE_ONLY);
    expect(dropRefusal(empty, "Source", { kind: "new-stage", index: 0 })).toBe(undefined);
  });
});

describe("appendPlacement", () => {
  it("places after the last runOrder group, or as the first group of an empty stage", () => {
    expect(appendPlacement(PIPELINE, 1)).toEqual({ stage: 1, runOrder: 3, mode: "after" });
    const withEmpty = { ...PIPELINE, stages: [...PIPELINE.stages, { name: "Empty", actions: [] }] };
    expect(appendPlacement(withEmpty, 3)).toEqual({ stage: 3, runOrder: 1, mode: "parallel" });
  });
});

describe("keyboardTarget", () => {
  it("puts sources into the first stage, or a new first stage when it has none", () => {
    expect(keyboardTarget(PIPELINE, { kind: "pipeline" }, "Source")).toEqual({
      kind: "group",
      stage: 0,
      runOrder: 1,
      mode: "after",
    });
    const noSource = { ...PIPELINE, stages: PIPELINE.stages.slice(1) };
    expect(keyboardTarget(noSource, { kind: "pipeline" }, "Source")).toEqual({ kind: "new-stage", index: 0 });
  });

  it("adds next to a selected action of the same kind, else a new stage after the selection", () => {
    expect(keyboardTarget(PIPELINE, { kind: "actions", stage: 1, actions: [0] }, "Build")).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 1,
      mode: "after",
    });
    expect(keyboardTarget(PIPELINE, { kind: "stage", stage: 1 }, "Build")).toEqual({
      kind: "group",
      stage: 1,
      runOrder: 3,
      mode: "after",
    });
    expect(keyboardTarget(PIPELINE, { kind: "stage", stage: 1 }, "Deploy")).toEqual({
      kind: "new-stage",
      index: 2,
    });
    expect(keyboardTarget(PIPELINE, { kind: "pipeline" }, "Deploy")).toEqual({ kind: "new-stage", index: 3 });
  });
});

describe("actionMoveTarget", () => {
  it("moves across stages as the last group and between groups within a stage", () => {
    expect(actionMoveTarget(PIPELINE, { stage: 1, action: 0 }, "right")).toEqual({
      stage: 2,
      runOrder: 1,
      mode: "after",
    });
    expect(actionMoveTarget(PIPELINE, { stage: 1, action: 0 }, "down")).toEqual({
      stage: 1,
      runOrder: 3,
      mode: "after",
    });
    expect(actionMoveTarget(PIPELINE, { stage: 1, action: 1 }, "up")).toEqual({
      stage: 1,
      runOrder: 1,
      mode: "before",
    });
  });

  it("splits a shared group at its edge and stops where an action is alone at the edge", () => {
    expect(actionMoveTarget(PIPELINE, { stage: 1, action: 2 }, "down")).toEqual({
      stage: 1,
      runOrder: 3,
      mode: "after",
    });
    expect(actionMoveTarget(PIPELINE, { stage: 1, action: 0 }, "up")).toBe(undefined);
    expect(actionMoveTarget(PIPELINE, { stage: 2, action: 0 }, "right")).toBe(undefined);
    expect(actionMoveTarget(PIPELINE, { stage: 0, action: 0 }, "left")).toBe(undefined);
    expect(actionMoveTarget(PIPELINE, { stage: 9, action: 0 }, "left")).toBe(undefined);
  });
});
