import { describe, expect, it } from "vitest";
import type { PipelineDeclaration, PipelineDocument } from "../../../shared/pipeline/model";
import { hasErrors, validateDocument, validatePipeline } from "../../../shared/validate";
import { actionOf } from "./rule-cases/case";
import { validPipeline } from "./sample-pipelines";

function brokenPipeline(): PipelineDeclaration {
  const pipeline = validPipeline();
  actionOf(pipeline, 2, 1)["inputArtifacts"] = [{ name: "BuildOutputs" }];
  return pipeline as unknown as PipelineDeclaration;
}

describe("validatePipeline findings", () => {
  it("point at the offending member and end with the offending value", () => {
    expect(validatePipeline(brokenPipeline())).toEqual([
      {
        code: "artifact-not-found",
        severity: "error",
        path: ["stages", 2, "actions", 1, "inputArtifacts", 0, "name"],
        message:
          "No action produces this input artifact; use the name of an earlier action's output artifact, for example SourceOutput: BuildOutputs",
      },
    ]);
  });

  it("reports a missing member at its parent, naming the member", () => {
    const pipeline = validPipeline();
    delete actionOf(pipeline, 1, 0)["name"];
    const [finding] = validatePipeline(pipeline).filter((d) => d.code === "required-member");
    expect(finding?.path).toEqual(["stages", 1, "actions", 0]);
    expect(finding?.message).toMatch(/: name$/);
  });
});

describe("validateDocument", () => {
  it("rebases paths onto the file root for create-pipeline input and checks its tags", () => {
    const pipeline = brokenPipeline();
    const root = {
      pipeline,
      tags: [
        { key: "team", value: "" },
        { key: "", value: "x" },
        { key: "k".repeat(129), value: "v".repeat(257) },
      ],
    };
    const doc: PipelineDocument = { shape: "create-input", pipeline, envelope: { ...root, pipeline: null } };
    const findings = validateDocument(doc);
    expect(findings.map((d) => [d.code, d.path])).toEqual([
      ["artifact-not-found", ["pipeline", "stages", 2, "actions", 1, "inputArtifacts", 0, "name"]],
      ["length-out-of-range", ["tags", 1, "key"]],
      ["length-out-of-range", ["tags", 2, "key"]],
      ["length-out-of-range", ["tags", 2, "value"]],
    ]);
  });

  it("allows 50 tags and refuses 51", () => {
    const pipeline = validPipeline() as unknown as PipelineDeclaration;
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: "v" }));
    const check = (n: number) =>
      validateDocument({ shape: "create-input", pipeline, envelope: { pipeline: null, tags: tags(n) } });
    expect(check(50)).toEqual([]);
    expect(check(51).map((d) => [d.code, d.path])).toEqual([["count-out-of-range", ["tags"]]]);
  });

  it("reports tags of the wrong type", () => {
    const pipeline = validPipeline() as unknown as PipelineDeclaration;
    const findings = validateDocument({
      shape: "create-input",
      envelope: { pipeline: null, tags: [{ key: 1 }] },
      pipeline,
    });
    expect(findings.map((d) => [d.code, d.path])).toEqual([
      ["required-member", ["tags", 0]],
      ["wrong-type", ["tags", 0, "key"]],
    ]);
  });

  it("keeps paths relative to the pipeline for a bare file", () => {
    const pipeline = brokenPipeline();
    const findings = validateDocument({ shape: "bare", pipeline, envelope: {} });
    expect(findings.map((d) => d.path)).toEqual([["stages", 2, "actions", 1, "inputArtifacts", 0, "name"]]);
  });

  it("rebases get-pipeline output too", () => {
    const pipeline = brokenPipeline();
    const root = { pipeline, metadata: { pipelineArn: "arn:aws:codepipeline:us-east-1:111122223333:Demo" } };
    const [finding] = validateDocument({
      shape: "get-output",
      pipeline,
      envelope: { ...root, pipeline: null },
    });
    expect(finding?.path[0]).toBe("pipeline");
  });
});

describe("hasErrors", () => {
  it("is true only when some finding is an error", () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ code: "run-order-gap", severity: "info", path: [], message: "m: 3" }])).toBe(false);
    expect(hasErrors([{ code: "unknown-action-type", severity: "warning", path: [], message: "m: x" }])).toBe(
      false,
    );
    expect(hasErrors(validatePipeline(brokenPipeline()))).toBe(true);
    expect(hasErrors(validatePipeline(validPipeline()))).toBe(false);
  });
});
