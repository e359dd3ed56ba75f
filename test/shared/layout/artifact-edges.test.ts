import { describe, expect, it } from "vitest";
import { layout } from "../../../shared/layout";
import { setActionMembers } from "../../../shared/pipeline";
import { build, pipelineOf, sample, source } from "./pipelines";

describe("artifact edges", () => {
  it("links each output to every consumer", () => {
    const r = layout(sample());
    expect(r.edges).toEqual([
      {
        id: "artifact:SourceOut:action:Source/Src->action:Build/Compile",
        type: "artifact",
        source: "action:Source/Src",
        target: "action:Build/Compile",
        data: { artifact: "SourceOut", backward: false },
      },
      {
        id: "artifact:SourceOut:action:Source/Src->action:Build/Lint",
        type: "artifact",
        source: "action:Source/Src",
        target: "action:Build/Lint",
        data: { artifact: "SourceOut", backward: false },
      },
      {
        id: "artifact:Bin:action:Build/Compile->action:Build/Test",
        type: "artifact",
        source: "action:Build/Compile",
        target: "action:Build/Test",
        data: { artifact: "Bin", backward: false },
      },
      {
        id: "artifact:Bin:action:Build/Compile->action:Deploy/ToS3",
        type: "artifact",
        source: "action:Build/Compile",
        target: "action:Deploy/ToS3",
        data: { artifact: "Bin", backward: false },
      },
    ]);
  });

  it("draws none when turned off", () => {
    const off = layout(sample(), { showArtifactEdges: false });
    expect(off.edges).toEqual([]);
    expect(off.nodes).toEqual(layout(sample()).nodes);
  });

  it("draws no edge for an input nobody produces", () => {
    const p = setActionMembers(sample(), { stage: 2, action: 0 }, { inputArtifacts: [{ name: "Ghost" }] });
    expect(layout(p).edges.some((e) => e.target === "action:Deploy/ToS3")).toBe(false);
  });

  it("marks an input produced only later as backward", () => {
    const p = pipelineOf(
      { name: "S", actions: [source("Src", "O")] },
      {
        name: "B",
        actions: [
          build("Early", { inputArtifacts: [{ name: "Late" }] }),
          build("Producer", { runOrder: 2, outputArtifacts: [{ name: "Late" }] }),
        ],
      },
    );
    expect(layout(p).edges).toEqual([
      expect.objectContaining({
        source: "action:B/Producer",
        target: "action:B/Early",
        data: { artifact: "Late", backward: true },
      }),
    ]);
  });

  it("picks the latest upstream producer of a duplicated artifact, not a later one", () => {
    const p = pipelineOf(
      { name: "S", actions: [source("Src1", "Dup"), source("Src2", "Other")] },
      {
        name: "B",
        actions: [
          build("Mid", { runOrder: 1, outputArtifacts: [{ name: "Dup" }] }),
          build("Use", { runOrder: 2, inputArtifacts: [{ name: "Dup" }] }),
          build("After", { runOrder: 3, outputArtifacts: [{ name: "Dup" }] }),
        ],
      },
    );
    expect(layout(p).edges.map((e) => `${e.source}->${e.target}`)).toEqual(["action:B/Mid->action:B/Use"]);
  });

  it("draws no self-edge for an action reading its own output", () => {
    const p = pipelineOf({
      name: "S",
      actions: [build("Loop", { inputArtifacts: [{ name: "L" }], outputArtifacts: [{ name: "L" }] })],
    });
    expect(layout(p).edges).toEqual([]);
  });
});
