// @vitest-environment jsdom
/**
 * Bad files never break the window: files with wrong member types (the examples first,
 * then random JSON at random members) are opened in the rendered app, through main's real
 * handlers, and every stage and action is selected so the inspector shows each form. The app must
 * stay whole: no render error, the toolbar there, and New still working.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { act, cleanup, render, screen } from "@testing-library/react";
import fc from "fast-check";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { App } from "../../renderer/App";
import { createAppStore, StoreProvider, type AppStore } from "../../renderer/store";
import { memberCase, namedWrongTypes } from "./support/bad-files.mjs";
import { createHandlerApi, type HandlerApi } from "./support/handler-api.mjs";

// jsdom has no layout, so no ResizeObserver; React Flow (the designer's canvas) needs one to mount.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

const RANDOM_RUNS = 25;

let api: HandlerApi;
let store: AppStore;
let n = 0;
const renderErrors: unknown[] = [];

beforeAll(async () => {
  api = await createHandlerApi("json");
  store = createAppStore({ api: api.client, confirm: () => true, newId: () => `c${n}` });
  // React reports an error thrown while rendering to the window (and unmounts the tree) rather than
  // throwing, and logs errors caught on the way. Its development warnings about odd prop values
  // (a file may put anything anywhere) are not failures and are not collected.
  window.addEventListener("error", (event) => renderErrors.push(event.error));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (args.some((arg) => arg instanceof Error)) renderErrors.push(args.find((arg) => arg instanceof Error));
  });
  render(createElement(StoreProvider, { store }, createElement(App, { api: api.client })));
  await act(async () => {
    await store.getState().startupRequested();
  });
});
afterAll(async () => {
  cleanup();
  vi.restoreAllMocks();
  await api.cleanup();
});

async function openAndShow(text: string): Promise<void> {
  const path = join(api.dir, `component-case-${++n}.json`);
  await writeFile(path, text);
  await act(async () => {
    await store.getState().openRequested(path);
  });
  const pipeline = store.getState().doc?.document.pipeline;
  if (store.getState().doc?.path === path && pipeline !== undefined) {
    act(() => store.getState().selectionChanged({ kind: "pipeline" }));
    for (let s = 0; s < pipeline.stages.length; s++) {
      act(() => store.getState().selectionChanged({ kind: "stage", stage: s }));
      for (let a = 0; a < pipeline.stages[s]!.actions.length; a++)
        act(() => store.getState().selectionChanged({ kind: "actions", stage: s, actions: [a] }));
    }
    act(() => store.getState().bottomTabChosen("problems"));
  }
  expect(renderErrors).toEqual([]);
  expect(screen.getByRole("toolbar", { name: "Document" })).toBeTruthy();
  await act(async () => {
    await store.getState().newDocumentRequested("blank-v2");
  });
  expect(store.getState()).toMatchObject({ busy: false, error: null });
  expect(renderErrors).toEqual([]);
}

describe("the rendered app with bad files", () => {
  it.each(namedWrongTypes.map((c) => [c.label, c.text] as const))(
    "stays whole with %s",
    async (_label, text) => {
      await openAndShow(text);
    },
    60_000,
  );

  it("stays whole with random JSON at random members", async () => {
    await fc.assert(
      fc.asyncProperty(memberCase, async ({ text }) => openAndShow(text)),
      // No shrinking: the app is shared, so the first failure is the one that tells.
      { numRuns: RANDOM_RUNS, endOnFailure: true },
    );
    // Each case renders the whole app, canvas included, and selects every element.
  }, 300_000);
});
