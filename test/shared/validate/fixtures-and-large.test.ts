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
  /** Median and fastest of `runs` timed validations, after a warm-up. */
  function timeMs(input: unknown, runs: number): { median: number; fastest: number } {
    for (let i = 0; i < 10; i++) validatePipeline(input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      validatePipeline(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(runs / 2)] ?? Infinity, fastest: times[0] ?? Infinity };
  }

  it("validates a 491-action pipeline in a few milliseconds (median)", () => {
    const pipeline = largePipeline(11, 49);
    expect(validatePipeline(pipeline)).toEqual([]);
    // About 2 ms on the 2-core build machine; the bound leaves room for a loaded CI box.
    expect(timeMs(pipeline, 31).median).toBeLessThan(15);
  });

  it("grows about linearly: 10x the actions costs well under 20x the time", () => {
    // The fastest run is the stable measure of the work itself (others include GC and scheduling).
    const small = timeMs(largePipeline(11, 10), 41).fastest;
    const large = timeMs(largePipeline(21, 49), 41).fastest;
    expect(large / small).toBeLessThan(20);
  });
});
