// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { fail } from "../../shared/ipc";
import { App } from "../../renderer/App";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { fakeApi } from "./support/fake-api";

afterEach(cleanup);

// jsdom has no layout, so no ResizeObserver; React Flow (the designer's canvas) needs one to mount.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

async function renderApp() {
  const { api, client, emit } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(App, { api: client })));
  // Ready once the startup calls have answered (the frame then knows the mode and templates).
  await waitFor(() => expect(store.getState().templates).toHaveLength(1));
  return { api, store, emit };
}

describe("the app frame", () => {
  it("has the five areas and named controls", async () => {
    await renderApp();
    expect(screen.getByRole("toolbar", { name: "Document" })).toBeTruthy();
    for (const name of ["Palette", "Inspector"])
      expect(screen.getByRole("complementary", { name })).toBeTruthy();
    // The bottom panel holds the problems list (the designer adds more tabs beside it).
    expect(screen.getByRole("region", { name: /Problems/ })).toBeTruthy();
    expect(screen.getByRole("main", { name: "Canvas" })).toBeTruthy();
    for (const name of ["New", "Open", "Save", "Save as"])
      expect(screen.getByRole("button", { name })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Theme" }).getAttribute("aria-haspopup")).toBe("menu");
    // Every control is named: by its visible text, or (icon-only) by its label.
    for (const button of screen.getAllByRole("button")) {
      const name = button.getAttribute("aria-label") ?? button.textContent?.trim() ?? "";
      expect(name).not.toBe("");
      const words = [...button.childNodes]
        .map((n) => n.textContent ?? "")
        .join(" ")
        .split(/\s+/);
      for (const word of words.filter((w) => w !== "")) expect(name).toContain(word);
    }
    // A skip link leads to the canvas, which takes the focus.
    fireEvent.click(screen.getByRole("link", { name: "Skip to the canvas" }));
    expect(document.activeElement?.id).toBe("canvas");
  });

  it("creates from a template, and the title carries the unsaved marker until saved", async () => {
    const { api } = await renderApp();
    fireEvent.click(screen.getByRole("button", { name: "New" }));
    const dialog = screen.getByRole("dialog", { name: "New pipeline" });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Blank V2 pipeline" }));
    });
    expect(document.title).toBe("● sample (not saved) — Pipewright");
    expect((screen.getByRole("textbox", { name: "Pipeline name" }) as HTMLInputElement).value).toBe("sample");

    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const saveDialog = screen.getByRole("dialog", { name: "Save the pipeline as" });
    fireEvent.change(within(saveDialog).getByLabelText("File path"), {
      target: { value: "/tmp/sample.pipeline.json" },
    });
    await act(async () => {
      fireEvent.click(within(saveDialog).getByRole("button", { name: "Save file" }));
    });
    expect(api.documents.saveAs).toHaveBeenCalledWith(
      expect.objectContaining({ path: "/tmp/sample.pipeline.json" }),
    );
    expect(document.title).toBe("sample.pipeline.json — Pipewright");
  });

  it("offers a folder browser in web mode's Save As: places, sub-folders and JSON files", async () => {
    const { api } = await renderApp();
    fireEvent.click(screen.getByRole("button", { name: "New" }));
    await act(async () => {
      fireEvent.click(
        within(screen.getByRole("dialog", { name: "New pipeline" })).getByRole("button", {
          name: "Blank V2 pipeline",
        }),
      );
    });
    fireEvent.click(screen.getByRole("button", { name: "Save as" }));
    const dialog = screen.getByRole("dialog", { name: "Save the pipeline as" });
    const path = within(dialog).getByLabelText("File path") as HTMLInputElement;
    // The suggested name starts in the home folder, once the browser knows where that is.
    await waitFor(() => expect(path.value).toBe("/home/u/sample.pipeline.json"));
    const contents = within(dialog).getByRole("list", { name: "Contents of /home/u" });
    await act(async () => {
      fireEvent.click(within(contents).getByRole("button", { name: "projects" }));
    });
    expect(api.folders.list).toHaveBeenLastCalledWith({ path: "/home/u/projects" });
    expect(path.value).toBe("/home/u/projects/sample.pipeline.json");
    // A JSON file's name is taken, to replace it (Save asks first).
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "old.pipeline.json" }));
    });
    expect(path.value).toBe("/home/u/old.pipeline.json");
  });

  it("shows errors from store state in an alert", async () => {
    const { api } = await renderApp();
    api.documents.open.mockResolvedValueOnce(
      fail("not-a-pipeline", "The file is not a pipeline document: /x.json"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    const dialog = screen.getByRole("dialog", { name: "Open a pipeline file" });
    fireEvent.change(within(dialog).getByLabelText("File path"), { target: { value: "/x.json" } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Open file" }));
    });
    const alerts = screen.getAllByRole("alert").map((a) => a.textContent);
    expect(alerts.some((t) => t?.includes("The file is not a pipeline document: /x.json"))).toBe(true);
  });

  it("runs menu commands sent by main", async () => {
    const { emit } = await renderApp();
    act(() => emit("menu.command", { command: "new" }));
    expect(screen.getByRole("dialog", { name: "New pipeline" })).toBeTruthy();
  });
});
