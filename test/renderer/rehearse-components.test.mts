// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../renderer/App";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { fakeApi, opened } from "./support/fake-api";

afterEach(cleanup);

// jsdom has no layout, so no ResizeObserver; React Flow needs one to mount.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

async function renderRehearsal() {
  const { api, client } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(App, { api: client })));
  await waitFor(() => expect(store.getState().templates).toHaveLength(1));
  act(() => store.getState().documentLoaded(opened({ dirty: false })));
  await waitFor(() => expect(screen.getByRole("button", { name: "Approve (Manual)" })).toBeTruthy());
  return { api, store };
}

describe("rehearse mode components", () => {
  it("rehearses the open document, marks an approval rejected, and plays the path on the canvas", async () => {
    const { api } = await renderRehearsal();
    fireEvent.click(screen.getByRole("button", { name: "Rehearse" }));
    const outcome = await screen.findByRole("status", { name: "Rehearsal outcome" });
    expect(outcome.textContent).toContain("Succeeded");
    expect(screen.getByRole("tab", { name: "Rehearse" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("status", { name: "Rehearsal of stage Approve: Succeeded" })).toBeTruthy();

    fireEvent.keyDown(screen.getByRole("button", { name: "Approve (Manual)" }), { key: "Enter" });
    const mark = screen.getByRole("group", { name: "Rehearsal of Approve" });
    fireEvent.click(within(mark).getByRole("radio", { name: "Reject" }));
    await waitFor(() =>
      expect(screen.getByRole("status", { name: "Rehearsal outcome" }).textContent).toContain("Failed"),
    );
    expect(api.rehearse.run).toHaveBeenLastCalledWith(
      expect.objectContaining({
        whatIf: {
          rules: [{ stage: "Approve", action: "Approve", outcome: "fail", errorMessage: "Rejected" }],
        },
      }),
    );
    expect(screen.getByLabelText("Marked: rejected")).toBeTruthy();
    expect(screen.getByRole("status", { name: "Rehearsal of stage Approve: Failed" })).toBeTruthy();

    // Back to the start of the path: nothing has run yet.
    fireEvent.click(screen.getByRole("button", { name: "To the start" }));
    expect(screen.queryByRole("status", { name: /^Rehearsal of stage Approve/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Next step" }));
    expect(screen.getByRole("status", { name: "Rehearsal of stage Source: In progress" })).toBeTruthy();
    const path = screen.getByRole("list", { name: "Rehearsal path" });
    expect(within(path).getAllByRole("listitem")[0]?.getAttribute("aria-current")).toBe("step");

    // Leaving rehearse mode takes the marks and the tab away.
    fireEvent.click(screen.getByRole("button", { name: "Rehearse" }));
    expect(screen.queryByRole("tab", { name: "Rehearse" })).toBeNull();
    expect(screen.queryByLabelText(/^Marked: /)).toBeNull();
  });
});
