import { copyFile, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, type TestServices } from "./support/services";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "aws");
const names = (await readdir(FIXTURES)).filter((n) => n.endsWith(".json")).sort();

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.cleanup();
});

describe("open + save of every fixture", () => {
  it("has fixtures to check", () => {
    expect(names.length).toBeGreaterThan(10);
  });

  it.each(names)("%s is written back byte for byte", async (name) => {
    const path = join(t.dir, name);
    await copyFile(join(FIXTURES, name), path);
    const original = await readFile(path);
    const opened = await t.services.documents.open(path);
    await t.services.documents.save(path, opened.document, opened.version, false);
    expect((await readFile(path)).equals(original)).toBe(true);
  });
});
