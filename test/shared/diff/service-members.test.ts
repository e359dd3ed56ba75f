import { describe, expect, it } from "vitest";
import { serviceView } from "../../../shared/diff";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";

describe("serviceView", () => {
  it("drops members outside the CodePipeline model at every level and lists them", () => {
    const pipeline = {
      name: "p",
      roleArn: "r",
      "x-owner": "team",
      stages: [
        {
          name: "S",
          note: "n",
          actions: [
            {
              name: "A",
              actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1", extra: 1 },
              configuration: { "x-anything": "kept: configuration is a free map" },
            },
          ],
        },
      ],
      artifactStores: { "us-east-1": { type: "S3", location: "b", color: "red" } },
    } as unknown as PipelineDeclaration;
    const view = serviceView(pipeline);
    expect(view.dropped).toEqual([
      ["x-owner"],
      ["stages", 0, "note"],
      ["stages", 0, "actions", 0, "actionTypeId", "extra"],
      ["artifactStores", "us-east-1", "color"],
    ]);
    expect(view.pipeline).toEqual({
      name: "p",
      roleArn: "r",
      stages: [
        {
          name: "S",
          actions: [
            {
              name: "A",
              actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
              configuration: { "x-anything": "kept: configuration is a free map" },
            },
          ],
        },
      ],
      artifactStores: { "us-east-1": { type: "S3", location: "b" } },
    });
    expect(Object.keys(view.pipeline)).toEqual(["name", "roleArn", "stages", "artifactStores"]);
  });
});
