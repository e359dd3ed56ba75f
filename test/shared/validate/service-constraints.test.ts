import { describe, expect, it } from "vitest";
import { SHAPES } from "../../../shared/service-model";
import { validatePipeline } from "../../../shared/validate";
import { hasPatternWords } from "../../../shared/validate/field-words";
import { actionOf, configOf } from "./rule-cases/case";
import { validPipeline } from "./sample-pipelines";

describe("the model walk", () => {
  const findings = (edit: (p: Record<string, unknown>) => void) => {
    const pipeline = validPipeline();
    edit(pipeline);
    return validatePipeline(pipeline).map((d) => [d.code, d.path, d.message]);
  };

  it("anchors patterns: a valid name with a bad tail is refused", () => {
    expect(findings((p) => (p["name"] = "Good/bad"))).toEqual([
      [
        "pattern-mismatch",
        ["name"],
        "Pipeline name may contain only letters, digits and . @ - _ (no spaces), for example my-pipeline: Good/bad",
      ],
    ]);
  });

  it("checks map keys as well as values", () => {
    expect(
      findings((p) => (configOf(p, 1, 0)["K".repeat(51)] = "v")).map(([code, path]) => [code, path]),
    ).toEqual([["length-out-of-range", ["stages", 1, "actions", 0, "configuration", "K".repeat(51)]]]);
  });

  it("warns once about an unknown member and does not walk into it", () => {
    expect(findings((p) => (actionOf(p, 1, 0)["x-notes"] = { anything: [1, 2], name: 5 }))).toEqual([
      [
        "unknown-member",
        ["stages", 1, "actions", 0, "x-notes"],
        "This action has a member AWS does not know; remove it or fix its spelling: x-notes",
      ],
    ]);
  });

  it("treats null as the wrong type, not as absent", () => {
    expect(findings((p) => (p["version"] = null))).toEqual([
      ["wrong-type", ["version"], "Version must be a whole number, for example 1; found: null"],
    ]);
  });

  it("does not hard-fail configuration values over 1000 characters (the lint warns instead)", () => {
    const codes = findings((p) => (configOf(p, 1, 0)["ProjectName"] = "p".repeat(1500))).map(
      ([code]) => code,
    );
    expect(codes).toEqual(["configuration-value-too-long"]);
  });

  it("refuses a configuration value over the live service's 50000 characters", () => {
    const codes = findings((p) => (configOf(p, 1, 0)["ProjectName"] = "p".repeat(50_001))).map(
      ([code]) => code,
    );
    expect(codes).toEqual(["length-out-of-range", "configuration-value-too-long"]);
  });

  it("has words for every pattern a pipeline file can meet, so no message shows a raw pattern", () => {
    const seen = new Set<string>();
    const patterns = new Set<string>();
    const walk = (name: string): void => {
      if (seen.has(name)) return;
      seen.add(name);
      const shape = SHAPES[name];
      if (shape?.type === "structure") Object.values(shape.members).forEach(walk);
      else if (shape?.type === "list") walk(shape.member);
      else if (shape?.type === "map") [shape.key, shape.value].forEach(walk);
      else if (shape?.type === "string" && shape.pattern !== undefined && shape.enum === undefined)
        patterns.add(shape.pattern);
    };
    walk("PipelineDeclaration");
    walk("TagList");
    expect([...patterns].filter((p) => !hasPatternWords(p))).toEqual([]);
  });

  it("reads own members only, so __proto__ keys are data", () => {
    const pipeline = JSON.parse(
      JSON.stringify(validPipeline()).replace('"name":"Demo"', '"__proto__":{"name":"Demo"}'),
    ) as unknown;
    expect(validatePipeline(pipeline).map((d) => [d.code, d.path])).toEqual([
      ["required-member", []],
      ["unknown-member", ["__proto__"]],
    ]);
  });

  it("reports a string of the wrong length once, without matching its pattern", () => {
    const codes = findings((p) => (p["roleArn"] = `arn:aws${"-x".repeat(500_000)}`)).map(([code]) => code);
    expect(codes).toEqual(["length-out-of-range"]);
  });
});
