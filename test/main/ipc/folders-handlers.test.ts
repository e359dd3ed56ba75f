import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Handlers } from "../../../shared/ipc";
import { dispatch } from "../../../main/ipc/dispatch";
import { MAX_ENTRIES } from "../../../main/ipc/folders-handlers";
import { createHandlers } from "../../../main/ipc/handlers";
import { createTestServices, type TestServices } from "../documents/support/services";

let t: TestServices;
let handlers: Handlers;
let root: string;
beforeEach(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
  root = join(t.dir, "work");
  await mkdir(join(root, "b-folder"), { recursive: true });
  await mkdir(join(root, "a-folder"));
  await mkdir(join(root, ".hidden"));
  await writeFile(join(root, "z.pipeline.json"), "{}");
  await writeFile(join(root, "notes.txt"), "not offered");
  await writeFile(join(root, ".secret.json"), "{}");
  await symlink(join(root, "a-folder"), join(root, "linked"));
  await symlink(join(root, "gone"), join(root, "broken"));
});
afterEach(async () => {
  await t.cleanup();
});

describe("folders.list (Save As's folder browser in web mode)", () => {
  it("lists folders first, then JSON files, never hidden entries or other files", async () => {
    const result = await dispatch(handlers, "folders.list", { path: root });
    expect(result).toMatchObject({ ok: true, value: { path: root, parent: t.dir, truncated: false } });
    if (!result.ok) return;
    const listing = result.value as {
      entries: { name: string; kind: string }[];
      places: { label: string }[];
    };
    expect(listing.entries).toEqual([
      { name: "a-folder", kind: "folder" },
      { name: "b-folder", kind: "folder" },
      { name: "linked", kind: "folder" },
      { name: "z.pipeline.json", kind: "file" },
    ]);
    expect(listing.places[0]).toEqual({ label: "Home", path: homedir() });
  });

  it("starts at the home folder, and refuses relative paths, files and missing folders in words", async () => {
    expect(await dispatch(handlers, "folders.list", {})).toMatchObject({
      ok: true,
      value: { path: homedir() },
    });
    expect(await dispatch(handlers, "folders.list", { path: "relative/dir" })).toMatchObject({
      ok: false,
      error: { code: "invalid-request", message: "A folder to list must be an absolute path: relative/dir" },
    });
    expect(await dispatch(handlers, "folders.list", { path: join(root, "z.pipeline.json") })).toMatchObject({
      ok: false,
      error: { code: "invalid-request" },
    });
    expect(await dispatch(handlers, "folders.list", { path: join(root, "missing") })).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
  });

  it("holds at most a bounded number of entries and says when there were more", async () => {
    const big = join(root, "big");
    await mkdir(big);
    await Promise.all(
      Array.from({ length: MAX_ENTRIES + 3 }, (_, i) => mkdir(join(big, `d${String(i).padStart(4, "0")}`))),
    );
    const result = await dispatch(handlers, "folders.list", { path: big });
    expect(result).toMatchObject({ ok: true, value: { truncated: true } });
    if (result.ok) expect((result.value as { entries: unknown[] }).entries).toHaveLength(MAX_ENTRIES);
    await rm(big, { recursive: true });
  });
});
