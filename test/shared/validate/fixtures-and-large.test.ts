import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatePipeline } from "../../../shared/validate";
import { largePipeline } from "./sample-pipelines";

const FIXTURES = join(import.meta.dirname, "../../fixtures/aws");

describe("the AWS user-guide fixtures", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));

  it("exist", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)("%s has no findings", (file) => {
    const json = JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Record<string, unknown>;
    const pipeline = "pipeline" in json ? json["pipeline"] : json;
    expect(validatePipeline(pipeline).map((d) => `${d.code} ${d.path.join(".")}: ${d.message}`)).toEqual([]);
  });
});

// How fast validation is, and how it grows, is measured by `npm run bench` (domain suite): tests do
// not assert timings. Here only the large pipeline's correctness is checked.
describe("a large pipeline", () => {
  it("validates 491 actions with no findings", () => {
    expect(validatePipeline(largePipeline(11, 49))).toEqual([]);
  });
});
