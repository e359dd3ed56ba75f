import { describe, expect, it } from "vitest";
import type { JsonPath, PipelineDeclaration } from "../../../shared/pipeline/model";
import { findV2OnlyFeatures, validatePipeline } from "../../../shared/validate";
import { actionsOf, stageOf } from "./rule-cases/case";
import { validPipeline, type Json } from "./sample-pipelines";

/** Every V2-only feature at once, in a pipeline that says nothing about its type (so V1). */
function everything(): Json {
  const pipeline = validPipeline();
  pipeline["variables"] = [{ name: "Env" }];
  pipeline["triggers"] = [];
  pipeline["executionMode"] = "PARALLEL";
  const deploy = stageOf(pipeline, 2);
  deploy["beforeEntry"] = { conditions: [{ result: "FAIL", rules: [] }] };
  deploy["onSuccess"] = { conditions: [{ result: "FAIL", rules: [] }] };
  deploy["onFailure"] = { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } };
  actionsOf(pipeline, 1).push({
    name: "Commands",
    actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
    runOrder: 2,
    commands: ["make"],
    inputArtifacts: [{ name: "SourceOutput" }],
  });
  return pipeline;
}

/** Deletes a path the way the exporter does: a member, or an array element. */
function remove(root: Json, path: JsonPath): void {
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[segment];
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
  else if (typeof last === "string") delete (parent as Json)[last];
}

describe("findV2OnlyFeatures", () => {
  it("finds each V2-only feature with a removable path", () => {
    const found = findV2OnlyFeatures(everything() as unknown as PipelineDeclaration);
    expect(found.map((f) => [f.feature, f.path])).toEqual([
      ["variables", ["variables"]],
      ["triggers", ["triggers"]],
      ["executionMode", ["executionMode"]],
      ["actionType", ["stages", 1, "actions", 1]],
      ["beforeEntry", ["stages", 2, "beforeEntry"]],
      ["onSuccess", ["stages", 2, "onSuccess"]],
      ["onFailure", ["stages", 2, "onFailure"]],
    ]);
    for (const feature of found) expect(feature.message).toMatch(/: \S+$/);
  });

  it("leaves a valid V1 pipeline once the paths are removed from the end of the list", () => {
    const pipeline = everything();
    const found = findV2OnlyFeatures(pipeline as unknown as PipelineDeclaration);
    for (const feature of [...found].reverse()) remove(pipeline, feature.path);
    expect(findV2OnlyFeatures(pipeline as unknown as PipelineDeclaration)).toEqual([]);
    expect(validatePipeline(pipeline)).toEqual([]);
  });

  it("reports one v2-feature-in-v1 per feature in V1, one warning each without a type, none in V2", () => {
    const v1 = everything();
    v1["pipelineType"] = "V1";
    const v1Codes = validatePipeline(v1).filter((d) => d.code === "v2-feature-in-v1");
    expect(v1Codes.map((d) => d.path)).toEqual(
      findV2OnlyFeatures(v1 as unknown as PipelineDeclaration).map((f) => f.path),
    );
    // Without pipelineType, AWS creates the pipeline as V2 ("will result in the pipeline having the
    // V2 type", API_PipelineDeclaration): a warning per feature, not an error.
    const untyped = everything();
    const warned = validatePipeline(untyped).filter((d) => d.code === "v2-feature-without-type");
    expect(warned.map((d) => [d.severity, d.path])).toEqual(
      findV2OnlyFeatures(untyped as unknown as PipelineDeclaration).map((f) => ["warning", f.path]),
    );
    expect(validatePipeline(untyped).filter((d) => d.code === "v2-feature-in-v1")).toEqual([]);
    const v2 = everything();
    v2["pipelineType"] = "V2";
    expect(validatePipeline(v2).filter((d) => d.code.startsWith("v2-feature"))).toEqual([]);
  });

  it("does not count SUPERSEDED or an absent mode", () => {
    const pipeline = validPipeline();
    pipeline["executionMode"] = "SUPERSEDED";
    expect(findV2OnlyFeatures(pipeline as unknown as PipelineDeclaration)).toEqual([]);
  });

  it("never throws on malformed pipelines", () => {
    for (const junk of [null, 3, "x", [], { stages: 5 }, { stages: [null, { actions: {} }] }]) {
      expect(() => findV2OnlyFeatures(junk as unknown as PipelineDeclaration)).not.toThrow();
    }
  });
});
