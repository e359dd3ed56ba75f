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

describe("speed", () => {
  function medianMs(input: unknown, runs: number): number {
    for (let i = 0; i < 5; i++) validatePipeline(input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      validatePipeline(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(runs / 2)] ?? Infinity;
  }

  it("validates a 491-action pipeline in a few milliseconds (median)", () => {
    const pipeline = largePipeline(11, 49);
    expect(validatePipeline(pipeline)).toEqual([]);
    // Measured about 3 ms on the 2-core build machine; the bound leaves room for a loaded CI box.
    expect(medianMs(pipeline, 31)).toBeLessThan(15);
  });

  it("grows about linearly: 10x the actions costs well under 20x the time", () => {
    const small = medianMs(largePipeline(6, 10), 51);
    const large = medianMs(largePipeline(11, 49), 31);
    expect(large / small).toBeLessThan(20);
  });
});
