import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAppStore } from "../../renderer/store";
import { AUTOSAVE_DELAY_MS, startAutosave } from "../../renderer/store/autosave";
import { fakeApi } from "./support/fake-api";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("autosave", () => {
  it("writes a burst of edits to the recovery folder once, within a second", async () => {
    expect(AUTOSAVE_DELAY_MS).toBeLessThan(1000);
    const { api, client } = fakeApi();
    const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
    const stop = startAutosave(store, client);
    await store.getState().openRequested("/p.json");
    for (const name of ["a", "ab", "abc"]) store.getState().pipelineRenamed(name);
    expect(api.recovery.store).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(api.recovery.store).toHaveBeenCalledTimes(1);
    expect(api.recovery.store).toHaveBeenCalledWith(
      expect.objectContaining({
        id: "rid",
        path: "/p.json",
        document: expect.objectContaining({ pipeline: expect.objectContaining({ name: "abc" }) }),
      }),
    );
    stop();
  });

  it("reports the unsaved state to main, so closing can ask", async () => {
    const { api, client } = fakeApi();
    const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
    const stop = startAutosave(store, client);
    await store.getState().openRequested("/p.json");
    store.getState().pipelineRenamed("edited");
    expect(api.app.documentState).toHaveBeenLastCalledWith({
      dirty: true,
      title: "edited",
      recoveryId: "rid",
    });
    await store.getState().saveRequested();
    expect(api.app.documentState).toHaveBeenLastCalledWith({
      dirty: false,
      title: "edited",
      recoveryId: "rid",
    });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    // The save came before the timer fired: nothing unsaved is left to autosave.
    expect(api.recovery.store).not.toHaveBeenCalled();
    stop();
  });
});
