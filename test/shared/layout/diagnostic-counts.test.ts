import { describe, expect, it } from "vitest";
import { layout } from "../../../shared/layout";
import { actionNode, stageNode } from "./layout-nodes";
import { setActionMembers } from "../../../shared/pipeline";
import { validateDocument, validatePipeline } from "../../../shared/validate";
import { sample } from "./pipelines";

describe("diagnostic counts", () => {
  const diag = (path: (string | number)[], severity: "error" | "warning" | "info" = "error") => ({
    code: "c",
    severity,
    path,
    message: "m",
  });

  it("counts pipeline-relative paths on actions, stages and the pipeline", () => {
    const r = layout(sample(), {
      diagnostics: [
        diag(["stages", 1, "actions", 2, "configuration", "ProjectName"]),
        diag(["stages", 1, "actions", 2], "warning"),
        diag(["stages", 1, "name"], "info"),
        diag(["stages", 1]),
        diag(["roleArn"]),
        diag([]),
        diag(["stages", 9, "name"]),
      ],
    });
    expect(actionNode(r, "action:Build/Test").data.diagnostics).toEqual({ error: 1, warning: 1, info: 0 });
    expect(actionNode(r, "action:Build/Compile").data.diagnostics).toEqual({ error: 0, warning: 0, info: 0 });
    const lane = stageNode(r, "stage:Build").data;
    expect(lane.diagnostics).toEqual({ error: 1, warning: 0, info: 1 });
    expect(lane.actionDiagnostics).toEqual({ error: 1, warning: 1, info: 0 });
    expect(stageNode(r, "stage:Deploy").data.diagnostics.error).toBe(0);
    expect(r.pipelineDiagnostics).toEqual({ error: 3, warning: 0, info: 0 });
  });

  it("reads paths from the file root the same way", () => {
    const r = layout(sample(), {
      diagnostics: [
        diag(["pipeline", "stages", 2, "actions", 0, "name"], "warning"),
        diag(["pipeline", "name"]),
      ],
    });
    expect(actionNode(r, "action:Deploy/ToS3").data.diagnostics.warning).toBe(1);
    expect(r.pipelineDiagnostics.error).toBe(1);
  });

  it("counts a path to an action that does not exist on its stage", () => {
    const r = layout(sample(), { diagnostics: [diag(["stages", 0, "actions", 5, "name"])] });
    expect(stageNode(r, "stage:Source").data.diagnostics.error).toBe(1);
  });

  it("puts the validator's findings on the action they are about, from either entry point", () => {
    const broken = setActionMembers(sample(), { stage: 1, action: 2 }, { configuration: {} });
    const fromPipeline = validatePipeline(broken);
    expect(fromPipeline.map((d) => d.code)).toContain("missing-required-configuration");
    const fromRoot = validateDocument({
      shape: "create-input",
      pipeline: broken,
      envelope: { pipeline: null },
    });
    expect(fromRoot.some((d) => d.path[0] === "pipeline")).toBe(true);
    for (const diagnostics of [fromPipeline, fromRoot]) {
      const r = layout(broken, { diagnostics });
      expect(actionNode(r, "action:Build/Test").data.diagnostics.error).toBeGreaterThan(0);
      expect(actionNode(r, "action:Build/Compile").data.diagnostics.error).toBe(0);
      expect(stageNode(r, "stage:Build").data.actionDiagnostics.error).toBe(
        actionNode(r, "action:Build/Test").data.diagnostics.error,
      );
    }
  });
});
