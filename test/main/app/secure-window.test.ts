import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeWebContents, fakeEvent } from "./support/fake-electron";

const created: unknown[] = [];
vi.mock("electron", () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      created.push(options);
    }
  },
}));

const { createMainWindow, denyAllPermissions, hardenWebContents } =
  await import("../../../main/app/secure-window");

beforeEach(() => {
  created.length = 0;
});

describe("the main window", () => {
  it("is created with the secure web preferences of Electron's checklist", () => {
    createMainWindow("/app/out/preload/preload.cjs", { width: 1000, height: 700 });
    expect(created).toHaveLength(1);
    const options = created[0] as { webPreferences: Record<string, unknown>; show: boolean };
    expect(options.webPreferences).toEqual({
      preload: "/app/out/preload/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      disableBlinkFeatures: "Auxclick",
    });
    expect(options.show).toBe(false);
  });
});

describe("hardenWebContents", () => {
  function hardened() {
    const contents = new FakeWebContents();
    const openLink = vi.fn();
    hardenWebContents(contents as never, openLink);
    return { contents, openLink };
  }

  it.each([
    "https://evil.example/",
    "file:///etc/passwd",
    "http://127.0.0.1:3000/",
    "app://other/index.html",
  ])("refuses navigation to %s", (url) => {
    const { contents } = hardened();
    for (const name of ["will-navigate", "will-redirect"]) {
      const event = fakeEvent();
      contents.emit(name, event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it("lets the app reload its own page", () => {
    const { contents } = hardened();
    const event = fakeEvent();
    contents.emit("will-navigate", event, "app://pipewright/index.html");
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it("denies every new window, sending only allowed AWS links to the system browser", () => {
    const { contents, openLink } = hardened();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: "https://evil.example/" })).toEqual({ action: "deny" });
    expect(handler({ url: "app://pipewright/index.html" })).toEqual({ action: "deny" });
    expect(openLink).not.toHaveBeenCalled();
    expect(handler({ url: "https://docs.aws.amazon.com/codepipeline/" })).toEqual({ action: "deny" });
    expect(openLink).toHaveBeenCalledWith("https://docs.aws.amazon.com/codepipeline/");
  });

  it("refuses to attach <webview> tags", () => {
    const { contents } = hardened();
    const event = fakeEvent();
    contents.emit("will-attach-webview", event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe("denyAllPermissions", () => {
  it("refuses every permission request and check", () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...a: unknown[]) => unknown) => (handlers["request"] = h),
      setPermissionCheckHandler: (h: (...a: unknown[]) => unknown) => (handlers["check"] = h),
      setDevicePermissionHandler: (h: (...a: unknown[]) => unknown) => (handlers["device"] = h),
    };
    denyAllPermissions(session as never);
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal"]) {
      const callback = vi.fn();
      handlers["request"]!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers["check"]!({}, permission, "app://pipewright", {})).toBe(false);
    }
    expect(handlers["device"]!({ deviceType: "usb" })).toBe(false);
  });
});
