import { describe, expect, it, vi } from "vitest";
import { fail, ok } from "../../shared/ipc";
import { createAppStore } from "../../renderer/store";
import { fakeApi } from "./support/fake-api";

function setup(confirmAnswer = true) {
  const { api, client, emit } = fakeApi();
  const confirm = vi.fn(() => confirmAnswer);
  let n = 0;
  const store = createAppStore({ api: client, confirm, newId: () => `id-${++n}` });
  return { api, store, confirm, emit };
}

describe("the renderer store", () => {
  it("loads what the shell needs at start", async () => {
    const { store } = setup();
    await store.getState().startupRequested();
    const s = store.getState();
    expect(s.info?.mode).toBe("web");
    expect(s.templates.map((t) => t.id)).toEqual(["blank-v2"]);
    expect(s.error).toBeNull();
  });

  it("shows what main found unusable in its state files and set aside", async () => {
    const { store, api } = setup();
    api.app.notices.mockResolvedValueOnce(
      ok(["The settings file is not valid JSON; it was set aside: /d/s.json"]),
    );
    await store.getState().startupRequested();
    expect(store.getState().notice).toBe("The settings file is not valid JSON; it was set aside: /d/s.json");
  });

  it("opens the file the app was launched with", async () => {
    const { store, api } = setup();
    api.app.launchFile.mockResolvedValueOnce(ok("/launched.json"));
    await store.getState().startupRequested();
    expect(api.documents.open).toHaveBeenCalledWith({ path: "/launched.json" });
    expect(store.getState().doc?.path).toBe("/launched.json");
  });

  it("creates from a template as an unsaved document and watches nothing yet", async () => {
    const { store, api } = setup();
    await store.getState().newDocumentRequested("blank-v2");
    const doc = store.getState().doc;
    expect(doc).toMatchObject({ path: null, dirty: true, recoveryId: "id-1" });
    expect(api.documents.watch).toHaveBeenCalledWith({ path: null, version: null });
  });

  it("marks the document dirty on an edit, and a save of an unnamed document asks for a path in web mode", async () => {
    const { store, api } = setup();
    await store.getState().startupRequested();
    await store.getState().openRequested("/p.json");
    expect(store.getState().doc?.dirty).toBe(false);
    store.getState().pipelineRenamed("renamed");
    expect(store.getState().doc).toMatchObject({ dirty: true });
    expect(store.getState().doc?.document.pipeline.name).toBe("renamed");
    expect(store.getState().doc?.document.envelope).toEqual({ pipeline: null, tags: [] });

    await store.getState().saveRequested();
    expect(api.documents.save).toHaveBeenCalledWith(
      expect.objectContaining({ path: "/p.json", expectedVersion: "v1", overwrite: false }),
    );
    expect(store.getState().doc).toMatchObject({ dirty: false, version: "v2" });
    expect(api.recovery.discard).toHaveBeenCalledWith({ id: store.getState().doc?.recoveryId });

    await store.getState().newDocumentRequested("blank-v2");
    await store.getState().saveRequested();
    expect(store.getState().dialog).toBe("saveAs");
    await store.getState().saveAsRequested("/new.json");
    expect(store.getState()).toMatchObject({ dialog: null, doc: { path: "/new.json", dirty: false } });
  });

  it("shows errors from main in state, never throwing", async () => {
    const { store } = setup();
    await store.getState().openRequested("/missing.json");
    expect(store.getState().error).toEqual({
      code: "not-found",
      message: "The file or its folder does not exist: /missing.json",
    });
    expect(store.getState().doc).toBeNull();
    store.getState().errorDismissed();
    expect(store.getState().error).toBeNull();
  });

  it("asks before Save As replaces an existing file, and replaces it only on yes", async () => {
    for (const answer of [true, false]) {
      const { store, api, confirm } = setup(answer);
      await store.getState().newDocumentRequested("blank-v2");
      api.documents.saveAs.mockResolvedValueOnce(
        fail("file-exists", "A file with this name already exists: /x.json"),
      );
      await store.getState().saveAsRequested("/x.json");
      expect(confirm).toHaveBeenLastCalledWith("A file with this name already exists: /x.json. Replace it?");
      if (answer) {
        expect(api.documents.saveAs).toHaveBeenLastCalledWith(
          expect.objectContaining({ path: "/x.json", overwrite: true }),
        );
        expect(store.getState().doc).toMatchObject({ path: "/x.json", dirty: false });
      } else {
        expect(api.documents.saveAs).toHaveBeenCalledTimes(1);
        expect(store.getState()).toMatchObject({
          busy: false,
          error: null,
          doc: { path: null, dirty: true },
        });
      }
    }
  });

  it("says nothing when the user closes a native file dialog", async () => {
    const { store, api } = setup();
    api.documents.open.mockResolvedValueOnce(fail("cancelled", "No file was chosen"));
    await store.getState().openRequested();
    expect(store.getState()).toMatchObject({ error: null, busy: false, doc: null });
  });

  it("asks before replacing unsaved edits, and keeps them when the user says no", async () => {
    const { store, api, confirm } = setup(false);
    await store.getState().newDocumentRequested("blank-v2");
    await store.getState().openRequested("/other.json");
    expect(confirm).toHaveBeenCalled();
    expect(api.documents.open).not.toHaveBeenCalled();
    expect(store.getState().doc?.path).toBeNull();
  });

  it("offers the choice after a change on disk, and overwrites only when the user kept their version", async () => {
    const { store, api } = setup();
    await store.getState().openRequested("/p.json");
    store.getState().pipelineRenamed("mine");
    api.documents.save.mockResolvedValueOnce(
      fail("changed-on-disk", "Another program changed the file since it was opened: /p.json"),
    );
    await store.getState().saveRequested();
    expect(store.getState().diskChange).toEqual({ path: "/p.json", change: "modified" });
    store.getState().diskChangeKept();
    expect(store.getState().diskChange).toBeNull();
    await store.getState().saveRequested();
    expect(api.documents.save).toHaveBeenLastCalledWith(expect.objectContaining({ overwrite: true }));
  });

  it("reloads silently when an unedited file changes on disk, but asks when there are edits", async () => {
    const { store, api } = setup();
    await store.getState().openRequested("/p.json");
    await store.getState().diskChangeReported({ path: "/p.json", change: "modified" });
    expect(api.documents.open).toHaveBeenCalledTimes(2);
    expect(store.getState().notice).toMatch(/^Reloaded after a change on disk: \/p\.json$/);
    store.getState().pipelineRenamed("edited");
    await store.getState().diskChangeReported({ path: "/p.json", change: "modified" });
    expect(store.getState().diskChange).toEqual({ path: "/p.json", change: "modified" });
    await store.getState().diskChangeReported({ path: "/elsewhere.json", change: "deleted" });
    expect(store.getState().diskChange?.path).toBe("/p.json");
  });

  it("restores a recovery copy under its own id, and forgets a declined one", async () => {
    const { store, api } = setup();
    api.recovery.list.mockResolvedValueOnce(
      ok([
        { id: "r1", path: "/restored.json", title: "a", savedAt: "2026-01-01T00:00:00.000Z" },
        { id: "r2", path: null, title: "b", savedAt: "2026-01-01T00:00:00.000Z" },
      ]),
    );
    await store.getState().startupRequested();
    await store.getState().recoveryRestoreRequested("r1");
    expect(store.getState().doc).toMatchObject({ recoveryId: "r1", dirty: true, path: "/restored.json" });
    await store.getState().recoveryDeclined("r2");
    expect(api.recovery.discard).toHaveBeenCalledWith({ id: "r2" });
    expect(store.getState().recovery).toEqual([]);
  });
});
