import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLDEN_EXPORTS as EXPORTS, listGoldenExports } from "./golden-files";
import { checkOperationInput } from "./service-model-checker";

const goldens = listGoldenExports();

type Input = {
  pipeline: Record<string, unknown> & { stages: Array<{ actions: Array<Record<string, unknown>> }> };
};
const sample = (): Input =>
  JSON.parse(readFileSync(join(EXPORTS, "own/everything-v2.V2.json"), "utf8")) as Input;

describe("exports conform to the CodePipeline service model", () => {
  it("has golden exports to check", () => {
    expect(goldens.length).toBeGreaterThanOrEqual(24);
  });

  it.each(goldens)("%s matches CreatePipelineInput", (file) => {
    expect(
      checkOperationInput("CreatePipeline", JSON.parse(readFileSync(join(EXPORTS, file), "utf8"))),
    ).toEqual([]);
  });
});

describe("the service-model checker catches each kind of violation", () => {
  const violations = (mutate: (input: Input) => void): string[] => {
    const input = sample();
    mutate(input);
    return checkOperationInput("CreatePipeline", input).map((v) => `${v.path}: ${v.problem}`);
  };

  it.each<[string, (input: Input) => void, RegExp]>([
    [
      "a wrong type",
      (i) => (i.pipeline.stages[0]!.actions[0]!["runOrder"] = "x"),
      /stages\[0\]\.actions\[0\]\.runOrder: expected an integer/,
    ],
    [
      "an integer out of range",
      (i) => (i.pipeline.stages[0]!.actions[0]!["runOrder"] = 1000),
      /runOrder: 1000 is above the maximum 999/,
    ],
    ["a non-integer number", (i) => (i.pipeline["version"] = 1.5), /version: expected an integer/],
    [
      "a missing required member",
      (i) => delete i.pipeline["roleArn"],
      /pipeline: missing required member roleArn/,
    ],
    ["an unknown member", (i) => (i.pipeline["colour"] = "blue"), /pipeline: unknown member "colour"/],
    [
      "a bad enum value",
      (i) => (i.pipeline["executionMode"] = "FAST"),
      /executionMode: "FAST" is not one of QUEUED, SUPERSEDED, PARALLEL/,
    ],
    [
      "a pattern that matches only part of the value",
      (i) => (i.pipeline["name"] = "good name"),
      /pipeline\.name: "good name" does not match/,
    ],
    [
      "a string too long",
      (i) => (i.pipeline["name"] = "n".repeat(101)),
      /101 characters, more than the maximum 100/,
    ],
    [
      "a string too short",
      (i) => (i.pipeline.stages[0]!.actions[0]!["namespace"] = ""),
      /namespace: 0 characters, fewer than the minimum 1/,
    ],
    [
      "a list too long",
      (i) => (i.pipeline["variables"] = Array.from({ length: 51 }, (_, n) => ({ name: `v${n}` }))),
      /variables: 51 items, more than the maximum 50/,
    ],
    [
      "a list too short",
      (i) => (i.pipeline.stages[1]!.actions[1]!["commands"] = []),
      /commands: 0 items, fewer than the minimum 1/,
    ],
    [
      "a map key out of range",
      (i) =>
        ((i.pipeline["artifactStores"] as Record<string, unknown>)["x"] = { type: "S3", location: "bucket" }),
      /artifactStores\{x\}: 1 characters, fewer than the minimum 4/,
    ],
    [
      "a list where an object belongs",
      (i) => (i.pipeline["artifactStores"] = []),
      /artifactStores: expected a map, found an array/,
    ],
  ])("%s", (_name, mutate, expected) => {
    expect(violations(mutate)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it("reads `.` in patterns as Java does: no line terminators, NEL included", () => {
    for (const bad of ["a\nb", "a\u2028b", "a\u0085b"]) {
      expect(violations((i) => (i.pipeline["variables"] = [{ name: "v", defaultValue: bad }]))).toEqual([
        expect.stringMatching(/defaultValue: .* does not match/s),
      ]);
    }
    expect(violations((i) => (i.pipeline["variables"] = [{ name: "v", defaultValue: "a.b\tc" }]))).toEqual(
      [],
    );
  });

  it("counts string length in code points, as the service does", () => {
    expect(
      violations((i) => (i.pipeline["variables"] = [{ name: "v", defaultValue: "😀".repeat(1000) }])),
    ).toEqual([]);
    expect(
      violations((i) => (i.pipeline["variables"] = [{ name: "v", defaultValue: "😀".repeat(1001) }])),
    ).toHaveLength(1);
  });
});
