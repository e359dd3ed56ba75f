/**
 * Bad files never wedge the app: the open path is fuzzed through the renderer store and main's real
 * handlers (random JSON values at every member of a real pipeline file, truncated files, deep
 * nesting, huge strings), with autosave running as in the app. After every case the document (if
 * it opened) is checked and shown, and New, Save As and Open still work.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppStore, type AppStore } from "../../renderer/store";
import { startAutosave } from "../../renderer/store/autosave";
import { selectDiagnostics, selectLayout } from "../../renderer/store/derived";
import { deepCase, hugeCase, memberCase, truncatedCase } from "./support/bad-files.mjs";
import { createHandlerApi, type HandlerApi } from "./support/handler-api.mjs";

/** Runs per kind; about a third of the member cases use the named wrong types. */
const RUNS = { member: 150, truncated: 40, deep: 12, huge: 6 };

let api: HandlerApi;
let store: AppStore;
let stopAutosave: () => void;
let caseNumber = 0;
const seen = { opened: 0, refused: 0 };

beforeAll(async () => {
  api = await createHandlerApi("json");
  store = createAppStore({ api: api.client, confirm: () => true, newId: () => `fuzz-${caseNumber}` });
  stopAutosave = startAutosave(store, api.client, 0);
  await store.getState().startupRequested();
});
afterAll(async () => {
  stopAutosave();
  await api.cleanup();
});

async function check(text: string): Promise<void> {
  const n = ++caseNumber;
  const path = join(api.dir, `case-${n}.json`);
  await writeFile(path, text);
  await store.getState().openRequested(path);
  const state = store.getState();
  expect(state.busy).toBe(false);
  if (state.doc?.path === path) {
    seen.opened++;
    // Shown as the app shows it: every finding computed, the canvas laid out, edits tried.
    selectDiagnostics(state);
    selectLayout(state);
    state.pipelineRenamed("edited");
    state.selectionChanged({ kind: "stage", stage: 0 });
    state.stageAdded();
    selectLayout(store.getState());
  } else {
    seen.refused++;
    const error = state.error!;
    expect(error.code).not.toBe("internal");
    expect(error.message).toContain(path);
    // Never a stack trace, never more of the file than its offending line.
    expect(JSON.stringify(error)).not.toMatch(/\n\s+at |\.ts:\d+:\d+/);
    expect(JSON.stringify(error).length).toBeLessThan(2000);
  }
  // New, Save As and Open still work.
  await store.getState().newDocumentRequested("blank-v2");
  expect(store.getState()).toMatchObject({ busy: false, error: null });
  expect(store.getState().doc?.document.pipeline.name).toBe("my-pipeline");
  const saved = join(api.dir, `saved-${n}.json`);
  await store.getState().saveAsRequested(saved);
  expect(store.getState()).toMatchObject({ busy: false, error: null });
  expect(store.getState().doc).toMatchObject({ path: saved, dirty: false });
  await store.getState().openRequested(saved);
  expect(store.getState()).toMatchObject({ busy: false, error: null });
  expect(store.getState().doc?.path).toBe(saved);
}

describe("the open path under fuzzing", () => {
  it("opens or refuses every bad file with a reason, and New, Save and Open keep working", async () => {
    for (const [kind, arbitrary] of [
      ["member", memberCase],
      ["truncated", truncatedCase],
      ["deep", deepCase],
      ["huge", hugeCase],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ text }) => check(text)),
        { numRuns: RUNS[kind] },
      );
    }
    expect(seen.opened).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(20);
    // Over two hundred files opened, saved and reopened: on a loaded 2-core machine that takes minutes.
  }, 300_000);
});
