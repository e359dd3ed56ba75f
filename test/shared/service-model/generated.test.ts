import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATIONS, SHAPES, enumOf, shapeNamed } from "../../../shared/service-model";

/** What the generator script exports (scripts/ is in no tsconfig project, so it is loaded by URL). */
interface Generator {
  renderServiceModel(model: unknown): Record<string, string>;
  readServiceModel(): { operations: Record<string, unknown> };
}

const GENERATOR_URL = new URL("../../../scripts/gen-service-model.ts", import.meta.url).href;
const MODULE_DIR = new URL("../../../shared/service-model/", import.meta.url);

describe("the generated service model", () => {
  it("is byte for byte what the generator writes (re-run scripts/gen-service-model.ts if not)", async () => {
    const generator = (await import(/* @vite-ignore */ GENERATOR_URL)) as Generator;
    const files = generator.renderServiceModel(generator.readServiceModel());
    expect(Object.keys(files).sort()).toEqual([
      "operations.generated.ts",
      "structures.generated.ts",
      "values.generated.ts",
    ]);
    for (const [file, text] of Object.entries(files)) {
      expect(readFileSync(new URL(file, MODULE_DIR), "utf8"), file).toBe(text);
    }
  });

  it("has every one of the model's 44 operations with the shapes of their input and output", async () => {
    const generator = (await import(/* @vite-ignore */ GENERATOR_URL)) as Generator;
    const names = Object.keys(generator.readServiceModel().operations).sort();
    expect(names).toHaveLength(44);
    expect(Object.keys(OPERATIONS).sort()).toEqual(names);
    for (const spec of Object.values(OPERATIONS)) {
      for (const shape of [spec.input, spec.output])
        if (shape !== undefined) expect(shapeNamed(shape)).toBeDefined();
    }
    expect(OPERATIONS["PollForJobs"]).toEqual({
      input: "PollForJobsInput",
      output: "PollForJobsOutput",
      errors: ["ValidationException", "ActionTypeNotFoundException"],
    });
  });

  it("names only shapes it defines, so a walk never meets an unknown name", () => {
    for (const [name, shape] of Object.entries(SHAPES)) {
      const refs =
        shape.type === "structure"
          ? Object.values(shape.members)
          : shape.type === "list"
            ? [shape.member]
            : shape.type === "map"
              ? [shape.key, shape.value]
              : [];
      for (const ref of refs) expect(shapeNamed(ref), `${name} → ${ref}`).toBeDefined();
    }
  });

  it("keeps the model's limits for the pipeline declaration", () => {
    const declaration = shapeNamed("PipelineDeclaration");
    expect(declaration?.type === "structure" && Object.keys(declaration.members)).toEqual([
      "name",
      "roleArn",
      "artifactStore",
      "artifactStores",
      "stages",
      "version",
      "executionMode",
      "pipelineType",
      "variables",
      "triggers",
    ]);
    expect(shapeNamed("ActionRunOrder")).toEqual({ type: "integer", min: 1, max: 999 });
    expect(shapeNamed("ActionTimeout")).toEqual({ type: "integer", min: 5, max: 86400 });
    expect(shapeNamed("PipelineVersion")).toEqual({ type: "integer", min: 1 });
    expect(enumOf("ActionOwner")).toEqual(["AWS", "ThirdParty", "Custom"]);
    expect(shapeNamed("__proto__")).toBeUndefined();
  });

  it("applies the live service's 50000-character configuration value limit over the model's 1000", () => {
    expect(shapeNamed("ActionConfigurationValue")).toEqual({ type: "string", min: 1, max: 50000 });
  });

  it("has only patterns JavaScript can compile", () => {
    for (const shape of Object.values(SHAPES)) {
      if (shape.type === "string" && shape.pattern !== undefined)
        expect(() => new RegExp(shape.pattern ?? "")).not.toThrow();
    }
  });
});
