import { describe, expect, it } from "vitest";
import { validatePipeline } from "../../../shared/validate";
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
      ["pattern-mismatch", ["name"], "name must match the pattern [A-Za-z0-9.@\\-_]+: Good/bad"],
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
        "Action has a member the service does not know; remove it or check its spelling: x-notes",
      ],
    ]);
  });

  it("treats null as the wrong type, not as absent", () => {
    expect(findings((p) => (p["version"] = null))).toEqual([
      ["wrong-type", ["version"], "version must be an integer; found: null"],
    ]);
  });

  it("does not hard-fail configuration values over 1000 characters (the lint warns instead)", () => {
    const codes = findings((p) => (configOf(p, 1, 0)["ProjectName"] = "p".repeat(1500))).map(
      ([code]) => code,
    );
    expect(codes).toEqual(["configuration-value-too-long"]);
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
