import { describe, expect, it, vi } from "vitest";
import type { MenuItemConstructorOptions } from "electron";
import { guardClose, unsavedChangesPrompt } from "../../../main/app/close-guard";
import { fileFromArgv } from "../../../main/app/file-args";
import { DOCS_URL, menuTemplate } from "../../../main/app/menu";
import { placeOnScreen } from "../../../main/app/window-state";
import { allowedExternalUrl } from "../../../main/app/external-links";
import type { DocumentState } from "../../../main/ipc/services";
import { FakeEmitter, fakeEvent } from "./support/fake-electron";

function findItem(
  items: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = findItem(item.submenu as MenuItemConstructorOptions[], label);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

describe("the application menu", () => {
  it("sends file commands to the renderer and opens the documentation link", () => {
    const send = vi.fn();
    const openDocs = vi.fn();
    const template = menuTemplate(send, openDocs, "linux");
    for (const [label, command] of [
      ["New…", "new"],
      ["Open…", "open"],
      ["Save", "save"],
      ["Save as…", "saveAs"],
      ["Undo", "undo"],
      ["Redo", "redo"],
      ["Duplicate", "duplicate"],
      ["Export V2…", "exportV2"],
      ["Export V1…", "exportV1"],
      ["Copy JSON", "copyJson"],
      ["Deploy…", "deploy"],
      ["Command palette", "commandPalette"],
    ] as const) {
      const item = findItem(template, label);
      (item?.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(command);
    }
    (findItem(template, "AWS CodePipeline documentation")?.click as () => void)();
    expect(openDocs).toHaveBeenCalled();
    expect(allowedExternalUrl(DOCS_URL)).toBe(DOCS_URL);
  });

  it("shows the shortcuts the page handles without taking them from text fields", () => {
    const template = menuTemplate(vi.fn(), vi.fn(), "linux");
    expect(findItem(template, "Undo")).toMatchObject({
      accelerator: "CmdOrCtrl+Z",
      registerAccelerator: false,
    });
    expect(findItem(template, "Command palette")?.registerAccelerator).toBe(false);
  });

  it("has the macOS app menu only on macOS", () => {
    expect(menuTemplate(vi.fn(), vi.fn(), "darwin")[0]).toEqual({ role: "appMenu" });
    expect(menuTemplate(vi.fn(), vi.fn(), "win32")[0]?.label).toBe("&File");
  });
});

describe("the close guard", () => {
  function setup(state: DocumentState, response: number) {
    const win = Object.assign(new FakeEmitter(), { close: vi.fn() });
    const ask = vi.fn(async () => ({ response, checkboxChecked: false }));
    const discard = vi.fn(async () => undefined);
    guardClose(win as never, () => state, ask, discard);
    return { win, ask, discard };
  }

  it("lets a window without unsaved edits close", () => {
    const { win, ask } = setup({ dirty: false, title: "p", recoveryId: "r1" }, 0);
    const event = fakeEvent();
    win.emit("close", event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(ask).not.toHaveBeenCalled();
  });

  it("keeps the window open when the user cancels", async () => {
    const { win, ask, discard } = setup({ dirty: true, title: "p", recoveryId: "r1" }, 0);
    const event = fakeEvent();
    win.emit("close", event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(ask).toHaveBeenCalled());
    expect(win.close).not.toHaveBeenCalled();
    expect(discard).not.toHaveBeenCalled();
  });

  it("closes and drops the recovery copy when the user discards the edits", async () => {
    const { win, discard } = setup({ dirty: true, title: "p", recoveryId: "r1" }, 1);
    win.emit("close", fakeEvent());
    await vi.waitFor(() => expect(win.close).toHaveBeenCalled());
    expect(discard).toHaveBeenCalledWith("r1");
    const second = fakeEvent();
    win.emit("close", second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it("asks with Cancel as the default answer", () => {
    expect(unsavedChangesPrompt("my-pipeline")).toMatchObject({
      defaultId: 0,
      cancelId: 0,
      buttons: ["Cancel", "Close without saving"],
    });
  });
});

describe("command-line files", () => {
  it("takes the last JSON argument after Electron's own, resolved against the caller's folder", () => {
    expect(fileFromArgv(["/opt/Pipewright/pipewright", "a.pipeline.json"], "/home/u", 1)).toBe(
      "/home/u/a.pipeline.json",
    );
    expect(fileFromArgv(["electron", ".", "--flag", "/abs/b.json"], "/x", 2)).toBe("/abs/b.json");
    expect(fileFromArgv(["electron", "app.json"], "/x", 2)).toBeUndefined();
    expect(fileFromArgv(["pipewright", "--inspect=9229", "notes.txt"], "/x", 1)).toBeUndefined();
  });
});

describe("window state", () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it("keeps a position that is on a display", () => {
    const state = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(placeOnScreen(state, screen)).toEqual(state);
  });

  it("drops a position on a display that is gone, and caps the size to the display", () => {
    expect(placeOnScreen({ x: 3000, y: 50, width: 1200, height: 800, maximized: true }, screen)).toEqual({
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect(
      placeOnScreen({ x: 10, y: 10, width: 4000, height: 3000, maximized: false }, screen),
    ).toMatchObject({
      width: 1920,
      height: 1080,
    });
  });
});
