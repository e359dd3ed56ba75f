/**
 * Golden layouts: each user-guide fixture's layout, committed as JSON under golden/. A change to
 * the layout shows up as a reviewable diff of these files. `UPDATE_GOLDEN=1 npx vitest run
 * test/shared/layout` rewrites them.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { layout } from "../../../shared/layout";
import { FIXTURE_FILES, fixturePipeline } from "./pipelines";

const GOLDEN_DIR = fileURLToPath(new URL("./golden/", import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === "1";

describe("golden layouts", () => {
  it.each(FIXTURE_FILES)("%s", (file) => {
    const text = JSON.stringify(layout(fixturePipeline(file)), null, 2) + "\n";
    const golden = `${GOLDEN_DIR}${file}`;
    if (UPDATE) writeFileSync(golden, text);
    expect(existsSync(golden), `missing ${golden}; run with UPDATE_GOLDEN=1`).toBe(true);
    // Compared as values, not bytes: a formatter run over the folder must not break the test.
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });

  it("keeps no golden file for a fixture that is gone", () => {
    const goldens = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".json"));
    expect(goldens.sort()).toEqual([...FIXTURE_FILES]);
  });
});
