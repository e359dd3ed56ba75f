import { describe, expect, it } from "vitest";
import { layout, nodeForPath } from "../../../shared/layout";
import { sample } from "./pipelines";

describe("nodeForPath", () => {
  const open = layout(sample());

  it("finds the action a path points into, pipeline-relative or from the file root", () => {
    expect(nodeForPath(open, ["stages", 1, "actions", 2, "configuration", "ProjectName"])).toBe(
      "action:Build/Test",
    );
    expect(nodeForPath(open, ["pipeline", "stages", 2, "actions", 0])).toBe("action:Deploy/ToS3");
  });

  it("finds the stage for a path into the stage itself or a missing action of it", () => {
    expect(nodeForPath(open, ["stages", 1, "onFailure", "result"])).toBe("stage:Build");
    expect(nodeForPath(open, ["stages", 1, "actions", 9, "name"])).toBe("stage:Build");
  });

  it("finds the lane of an action hidden in a collapsed stage", () => {
    const collapsed = layout(sample(), { collapsedStages: new Set(["stage:Build"]) });
    expect(nodeForPath(collapsed, ["stages", 1, "actions", 1, "name"])).toBe("stage:Build");
  });

  it("finds nothing for pipeline settings or a stage that does not exist", () => {
    expect(nodeForPath(open, ["roleArn"])).toBeUndefined();
    expect(nodeForPath(open, [])).toBeUndefined();
    expect(nodeForPath(open, ["stages", 7, "name"])).toBeUndefined();
    expect(nodeForPath(open, ["pipeline", "triggers", 0])).toBeUndefined();
  });
});
