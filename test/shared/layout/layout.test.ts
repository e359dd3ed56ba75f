import { describe, expect, it } from "vitest";
import {
  ACTION_GAP_Y,
  ACTION_HEIGHT,
  ACTION_WIDTH,
  COLLAPSED_LANE_WIDTH,
  COLUMN_GAP,
  LANE_PADDING_X,
  STAGE_GAP,
  layout,
} from "../../../shared/layout";
import { addAction, renameAction, setActionMembers } from "../../../shared/pipeline";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { build, pipelineOf, sample, source } from "./pipelines";
import { actionNode, ids, node, stageNode } from "./layout-nodes";

describe("lanes and columns", () => {
  const result = layout(sample());

  it("lists each lane, then its actions, with a transition before every lane but the first", () => {
    expect(ids(result)).toEqual([
      "stage:Source",
      "action:Source/Src",
      "transition:Build",
      "stage:Build",
      "action:Build/Compile",
      "action:Build/Lint",
      "action:Build/Test",
      "transition:Deploy",
      "stage:Deploy",
      "action:Deploy/ToS3",
    ]);
  });

  it("puts lanes left to right, one stage gap apart", () => {
    const [a, b, c] = ["stage:Source", "stage:Build", "stage:Deploy"].map((id) => stageNode(result, id));
    expect(a?.position).toEqual({ x: 0, y: 0 });
    expect(b?.position.x).toBe((a?.position.x ?? 0) + (a?.width ?? 0) + STAGE_GAP);
    expect(c?.position.x).toBe((b?.position.x ?? 0) + (b?.width ?? 0) + STAGE_GAP);
  });

  it("sizes a lane from its column count and its tallest column", () => {
    const src = stageNode(result, "stage:Source");
    const bld = stageNode(result, "stage:Build");
    expect(bld.width - src.width).toBe(ACTION_WIDTH + COLUMN_GAP);
    expect(bld.height - src.height).toBe(ACTION_HEIGHT + ACTION_GAP_Y);
  });

  it("stacks parallel actions in one column and puts the next group in the next column", () => {
    const compile = actionNode(result, "action:Build/Compile");
    const lint = actionNode(result, "action:Build/Lint");
    const test = actionNode(result, "action:Build/Test");
    expect(lint.position.x).toBe(compile.position.x);
    expect(lint.position.y).toBe(compile.position.y + ACTION_HEIGHT + ACTION_GAP_Y);
    expect(test.position.x).toBe(compile.position.x + ACTION_WIDTH + COLUMN_GAP);
    expect(test.position.y).toBe(compile.position.y);
  });

  it("orders columns by runOrder, not by document order", () => {
    const p = pipelineOf(
      { name: "S", actions: [source("Src", "O")] },
      { name: "B", actions: [build("Late", { runOrder: 3 }), build("Early", { runOrder: 1 })] },
    );
    const r = layout(p);
    expect(actionNode(r, "action:B/Early").position.x).toBe(LANE_PADDING_X);
    expect(actionNode(r, "action:B/Late").position.x).toBe(LANE_PADDING_X + ACTION_WIDTH + COLUMN_GAP);
  });

  it("keeps every action inside its parent lane, positioned relative to it", () => {
    for (const n of result.nodes) {
      if (n.type !== "action") continue;
      const lane = stageNode(result, n.parentId);
      expect(n.position.x).toBeGreaterThan(0);
      expect(n.position.x + n.width).toBeLessThan(lane.width);
      expect(n.position.y + n.height).toBeLessThan(lane.height);
    }
  });

  it("centres each transition marker in the gap before its lane", () => {
    const t = node(result, "transition:Build");
    const lane = stageNode(result, "stage:Build");
    expect(t.position.x + t.width / 2).toBe(lane.position.x - STAGE_GAP / 2);
    expect(t.data).toEqual({ stageName: "Build", stageIndex: 1 });
  });

  it("reports bounds around every lane", () => {
    const last = stageNode(result, "stage:Deploy");
    expect(result.bounds).toEqual({
      x: 0,
      y: 0,
      width: last.position.x + last.width,
      height: stageNode(result, "stage:Build").height,
    });
  });
});

describe("node data", () => {
  it("describes an action from the document and the catalog", () => {
    const data = actionNode(layout(sample()), "action:Build/Compile").data;
    expect(data).toEqual({
      name: "Compile",
      stageIndex: 1,
      actionIndex: 0,
      category: "Build",
      owner: "AWS",
      provider: "CodeBuild",
      version: "1",
      runOrder: 1,
      title: "AWS CodeBuild",
      known: true,
      v2Only: false,
      diagnostics: { error: 0, warning: 0, info: 0 },
      inputArtifacts: ["SourceOut"],
      outputArtifacts: ["Bin"],
    });
  });

  it("carries the namespace and the catalog's V2-only flag", () => {
    const commands = {
      name: "Run",
      actionTypeId: {
        category: "Compute" as const,
        owner: "AWS" as const,
        provider: "Commands",
        version: "1",
      },
      commands: ["make"],
      namespace: "RunVars",
    };
    const data = actionNode(
      layout(pipelineOf({ name: "S", actions: [source("Src", "O")] }, { name: "C", actions: [commands] })),
      "action:C/Run",
    ).data;
    expect(data.v2Only).toBe(true);
    expect(data.known).toBe(true);
    expect(data.namespace).toBe("RunVars");
  });

  it("shows an unknown provider as a generic action titled by its provider", () => {
    const p = sample();
    const custom = setActionMembers(
      p,
      { stage: 1, action: 0 },
      {
        actionTypeId: { category: "Build", owner: "Custom", provider: "MyBuilder", version: "7" },
      },
    );
    const data = actionNode(layout(custom), "action:Build/Compile").data;
    expect(data).toMatchObject({ known: false, title: "MyBuilder", provider: "MyBuilder", v2Only: false });
  });

  it("describes a stage: conditions present, action count, collapsed flag", () => {
    const p = sample();
    const withConditions: PipelineDeclaration = {
      ...p,
      stages: p.stages.map((s, i) =>
        i === 1 ? { ...s, onFailure: { result: "ROLLBACK" }, beforeEntry: { conditions: [] } } : s,
      ),
    };
    const data = stageNode(layout(withConditions), "stage:Build").data;
    expect(data).toEqual({
      name: "Build",
      index: 1,
      conditions: { beforeEntry: true, onSuccess: false, onFailure: true },
      actionCount: 3,
      collapsed: false,
      diagnostics: { error: 0, warning: 0, info: 0 },
      actionDiagnostics: { error: 0, warning: 0, info: 0 },
    });
  });
});

describe("stable ids", () => {
  it("keeps every other id when an action is renamed", () => {
    const before = ids(layout(sample()));
    const after = ids(layout(renameAction(sample(), { stage: 1, action: 1 }, "Format")));
    expect(after.filter((id) => id !== "action:Build/Format")).toEqual(
      before.filter((id) => id !== "action:Build/Lint"),
    );
  });

  it("keeps every existing id when an action is added in front of them", () => {
    const before = ids(layout(sample()));
    const spec = {
      category: "Build",
      owner: "AWS",
      provider: "CodeBuild",
      version: "1",
      inputArtifacts: { min: 1, max: 5 },
      outputArtifacts: { min: 0, max: 5 },
    } as const;
    const grown = addAction(sample(), spec, { stage: 1, runOrder: 1, mode: "before" });
    const after = ids(layout(grown));
    expect(after.length).toBe(before.length + 1);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it("gives duplicated names index-suffixed ids and leaves the first holder's id plain", () => {
    const p = pipelineOf(
      { name: "S", actions: [source("Src", "O")] },
      { name: "B", actions: [build("X"), build("X"), build("Y")] },
      { name: "B", actions: [build("X")] },
    );
    const all = ids(layout(p));
    expect(all).toEqual([
      "stage:S",
      "action:S/Src",
      "transition:B",
      "stage:B",
      "action:B/X",
      "action:B/X#1",
      "action:B/Y",
      "transition:B#2",
      "stage:B#2",
      "action:B#2/X",
    ]);
    expect(new Set(all).size).toBe(all.length);
  });

  it("stays unique when a real name looks like a suffixed one", () => {
    const p = pipelineOf(
      { name: "S#1", actions: [] },
      { name: "S", actions: [] },
      { name: "S", actions: [] },
      { name: "S#2", actions: [] },
    );
    const stageIds = layout(p)
      .nodes.filter((n) => n.type === "stage")
      .map((n) => n.id);
    expect(new Set(stageIds).size).toBe(4);
    expect(stageIds.slice(0, 3)).toEqual(["stage:S#1", "stage:S", "stage:S#2"]);
  });
});

describe("invalid documents still lay out", () => {
  it("handles empty stages with a one-column lane", () => {
    const r = layout(
      pipelineOf({ name: "S", actions: [source("Src", "O")] }, { name: "Empty", actions: [] }),
    );
    const empty = stageNode(r, "stage:Empty");
    expect(empty.width).toBe(stageNode(r, "stage:S").width);
    expect(empty.height).toBe(stageNode(r, "stage:S").height);
    expect(empty.data.actionCount).toBe(0);
  });

  it("survives wrong-typed members where validation would complain", () => {
    const broken = {
      name: "p",
      roleArn: "r",
      stages: [
        {
          name: 7,
          actions: [{ name: null, actionTypeId: "nope", runOrder: "2", inputArtifacts: [3, { name: 4 }] }],
        },
        { actions: [{ actionTypeId: { provider: 5 }, outputArtifacts: "x" }] },
      ],
    } as unknown as PipelineDeclaration;
    const r = layout(broken, {
      diagnostics: [{ code: "wrong-type", severity: "error", path: ["stages", 0, "name"], message: "m" }],
    });
    expect(ids(r)).toEqual(["stage:#0", "action:#0/#0", "transition:#1", "stage:#1", "action:#1/#0"]);
    const a = actionNode(r, "action:#0/#0").data;
    expect(a).toMatchObject({ name: "", provider: "", known: false, runOrder: 1, inputArtifacts: [] });
    expect(stageNode(r, "stage:#0").data.diagnostics.error).toBe(1);
  });

  it("lays out a pipeline with no stages", () => {
    const r = layout(pipelineOf());
    expect(r.nodes).toEqual([]);
    expect(r.edges).toEqual([]);
    expect(r.bounds).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe("collapsed stages", () => {
  const collapsed = layout(sample(), { collapsedStages: new Set(["stage:Build"]) });

  it("draws a narrow lane with its count and no action nodes", () => {
    const lane = stageNode(collapsed, "stage:Build");
    expect(lane.width).toBe(COLLAPSED_LANE_WIDTH);
    expect(lane.data).toMatchObject({ collapsed: true, actionCount: 3 });
    expect(collapsed.nodes.some((n) => n.type === "action" && n.parentId === "stage:Build")).toBe(false);
  });

  it("moves the following lanes left by what the lane lost", () => {
    const open = layout(sample());
    const shift = stageNode(open, "stage:Build").width - COLLAPSED_LANE_WIDTH;
    expect(stageNode(collapsed, "stage:Deploy").position.x).toBe(
      stageNode(open, "stage:Deploy").position.x - shift,
    );
  });

  it("routes artifact edges of hidden actions to the lane, once per artifact", () => {
    expect(collapsed.edges.map((e) => e.id)).toEqual([
      "artifact:SourceOut:action:Source/Src->stage:Build",
      "artifact:Bin:stage:Build->action:Deploy/ToS3",
    ]);
  });

  it("ignores ids of stages that do not exist", () => {
    expect(layout(sample(), { collapsedStages: new Set(["stage:Nope", "Build"]) })).toEqual(layout(sample()));
  });
});

describe("determinism", () => {
  it("gives deep-equal output for the same document, twice and for a copy", () => {
    const options = {
      collapsedStages: new Set(["stage:Deploy"]),
      diagnostics: [{ code: "c", severity: "error" as const, path: ["stages", 1], message: "m" }],
    };
    const first = layout(sample(), options);
    expect(layout(sample(), options)).toEqual(first);
    expect(layout(structuredClone(sample()), options)).toEqual(first);
    expect(JSON.stringify(layout(sample(), options))).toBe(JSON.stringify(first));
  });

  it("does not modify its input", () => {
    const p = sample();
    const copy = structuredClone(p);
    layout(p, { diagnostics: [] });
    expect(p).toEqual(copy);
  });
});
