import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { exportPipeline, parseDocument } from "../../../shared/formats";
import { GOLDEN_EXPORTS, listGoldenExports } from "./golden-files";

/**
 * Golden files: the exact V1 and V2 export of every AWS example fixture (test/fixtures/aws) and of
 * the inputs in test/fixtures/golden/inputs. V1 exports drop V2-only features; what was dropped is
 * recorded in v1-dropped.json. Rewrite all with `UPDATE_GOLDEN=1 npx vitest run <this file>` and
 * review the diff.
 */
const FIXTURES = resolve(import.meta.dirname, "../../fixtures");
const GOLDEN = join(FIXTURES, "golden");
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

const SOURCES = [
  { set: "aws", dir: join(FIXTURES, "aws") },
  { set: "own", dir: join(GOLDEN, "inputs") },
].flatMap(({ set, dir }) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((file) => ({ set, name: basename(file, ".json"), path: join(dir, file) })),
);

function compare(file: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(resolve(file, ".."), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`missing golden file ${file}; run UPDATE_GOLDEN=1 npx vitest run test/shared/formats`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("golden exports", () => {
  const dropped: Record<string, string[]> = {};

  it.each(SOURCES)("$set/$name exports as V2 and V1", ({ set, name, path }) => {
    const { document, diagnostics } = parseDocument(readFileSync(path, "utf8"));
    expect(diagnostics).toEqual([]);
    for (const type of ["V2", "V1"] as const) {
      const result = exportPipeline(document!, { pipelineType: type, dropUnsupported: true });
      expect(result.diagnostics).toEqual([]);
      compare(join(GOLDEN_EXPORTS, set, `${name}.${type}.json`), result.text!);
      if (type === "V1" && result.dropped.length > 0) {
        dropped[`${set}/${name}`] = result.dropped.map((f) => `${f.feature} ${JSON.stringify(f.path)}`);
      }
    }
  });

  it("records exactly what each V1 export dropped", () => {
    compare(join(GOLDEN_EXPORTS, "v1-dropped.json"), `${JSON.stringify(dropped, null, 2)}\n`);
  });

  it("has no golden file without a source", () => {
    const expected = new Set(
      SOURCES.flatMap(({ set, name }) => [`${set}/${name}.V2.json`, `${set}/${name}.V1.json`]),
    );
    expect(listGoldenExports().filter((file) => !expected.has(file))).toEqual([]);
  });

  it("covers V2-only features, so the V1 goldens show real drops", () => {
    expect(Object.keys(dropped).length).toBeGreaterThanOrEqual(3);
  });
});
