import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestServices, type TestServices } from "./support/services";

let t: TestServices;
beforeEach(async () => {
  t = await createTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe("changes on disk", () => {
  it("notices another program's change and deletion, but not Pipewright's own save", async () => {
    const { document } = t.services.documents.create("blank-v2");
    const path = join(t.dir, "watched.pipeline.json");
    const saved = await t.services.documents.saveAs(path, document);
    t.services.watcher.watch(path, saved.version);

    await t.services.documents.save(
      path,
      { ...document, pipeline: { ...document.pipeline, name: "own" } },
      saved.version,
      true,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(t.events).toEqual([]);

    await writeFile(path, '{"pipeline": {"name": "theirs", "roleArn": "x", "stages": []}}\n');
    await vi.waitFor(
      () =>
        expect(t.events).toEqual([
          { name: "documents.changedOnDisk", payload: { path, change: "modified" } },
        ]),
      {
        timeout: 3000,
      },
    );

    await rm(path);
    await vi.waitFor(
      () =>
        expect(t.events.at(-1)).toEqual({
          name: "documents.changedOnDisk",
          payload: { path, change: "deleted" },
        }),
      {
        timeout: 3000,
      },
    );
  });
});
