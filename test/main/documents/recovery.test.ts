import { readdir, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenedDocument, RecoveryEntry } from "../../../shared/ipc";
import type { PipelineDocument } from "../../../shared/pipeline/model";
import { dispatch } from "../../../main/ipc/dispatch";
import { createHandlers } from "../../../main/ipc/handlers";
import { createTestServices, type TestServices } from "./support/services";

let t: TestServices;
beforeEach(async () => {
  t = await createTestServices();
});
afterEach(async () => {
  await t.cleanup();
});

describe("autosave and restore", () => {
  it("round-trips unsaved edits through the recovery folder, as after a crash", async () => {
    const handlers = createHandlers(t.services);
    const created = t.services.documents.create("s3-cloudformation");
    const edited = { ...created.document, pipeline: { ...created.document.pipeline, name: "edited-name" } };
    const stored = await dispatch(handlers, "recovery.store", {
      id: "doc-1",
      path: "/work/p.json",
      document: edited,
    });
    expect(stored).toMatchObject({
      ok: true,
      value: { id: "doc-1", path: "/work/p.json", title: "edited-name" },
    });

    // A new session (new services on the same data folder) finds the entry and restores it.
    const listed = await dispatch(handlers, "recovery.list", {});
    expect(listed).toMatchObject({ ok: true, value: [{ id: "doc-1", title: "edited-name" }] });
    const restored = await dispatch(handlers, "recovery.restore", { id: "doc-1" });
    expect(restored).toMatchObject({ ok: true, value: { path: "/work/p.json", dirty: true, version: null } });
    if (restored.ok) {
      const value = restored.value as { document: { pipeline: unknown; envelope: { pipeline: unknown } } };
      expect(value.document.pipeline).toEqual(edited.pipeline);
      expect(value.document.envelope.pipeline).toBe(null);
    }

    await dispatch(handlers, "recovery.discard", { id: "doc-1" });
    expect(await dispatch(handlers, "recovery.list", {})).toEqual({ ok: true, value: [] });
    expect(await dispatch(handlers, "recovery.restore", { id: "doc-1" })).toMatchObject({
      ok: false,
      error: { code: "recovery-not-found" },
    });
  });

  it("keeps a recovery copy whatever the document's name field holds, and restores it as it was", async () => {
    const handlers = createHandlers(t.services);
    const { document } = t.services.documents.create("blank-v2");
    const names: unknown[] = [42, { a: 1 }, null, true, ""];
    for (const [i, name] of names.entries()) {
      const odd = { ...document, pipeline: { ...document.pipeline, name } } as unknown as PipelineDocument;
      expect(
        await dispatch(handlers, "recovery.store", { id: `odd-${i}`, path: null, document: odd }),
      ).toMatchObject({ ok: true });
    }
    const listed = await dispatch(handlers, "recovery.list", {});
    const entries = (listed.ok ? listed.value : []) as RecoveryEntry[];
    expect(entries.map((e) => [e.id, e.title]).sort()).toEqual([
      ["odd-0", "42"],
      ["odd-1", ""],
      ["odd-2", ""],
      ["odd-3", "true"],
      ["odd-4", ""],
    ]);
    const restored = await dispatch(handlers, "recovery.restore", { id: "odd-1" });
    expect(restored.ok && (restored.value as OpenedDocument).document.pipeline.name).toEqual({ a: 1 });
  });

  it("skips unreadable recovery files instead of failing the list", async () => {
    await mkdir(t.services.recovery.dir, { recursive: true });
    await writeFile(join(t.services.recovery.dir, "broken.json"), "{not json");
    await writeFile(join(t.services.recovery.dir, "wrong.json"), JSON.stringify({ format: 2 }));
    await t.services.recovery.store("good", null, t.services.documents.create("blank-v2").document);
    expect((await t.services.recovery.list()).map((e) => e.id)).toEqual(["good"]);
    expect((await readdir(t.services.recovery.dir)).sort()).toEqual([
      "broken.json",
      "good.json",
      "wrong.json",
    ]);
  });
});

describe("recent files", () => {
  it("keeps the most recent first, without duplicates, up to the limit", async () => {
    await t.services.settings.update({ recentLimit: 3 });
    for (const name of ["a", "b", "c", "a", "d"]) await t.services.recent.add(`/files/${name}.json`);
    expect((await t.services.recent.list()).map((f) => f.name)).toEqual(["d.json", "a.json", "c.json"]);
  });
});
