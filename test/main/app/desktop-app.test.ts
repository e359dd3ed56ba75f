import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CHANNEL_NAMES } from "../../../shared/ipc";
import type { FakeEmitter } from "./support/fake-electron";
import { FakeWebContents, fakeEvent } from "./support/fake-electron";

/** The mocked electron module's state, reset per test. */
const electron = vi.hoisted(() => ({
  lock: true,
  userData: "",
  windows: [] as unknown[],
  ipc: new Map<string, unknown>(),
  app: undefined as unknown,
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, unknown>(),
  menu: undefined as unknown,
  permissionHandler: undefined as unknown,
}));

vi.mock("electron", async () => {
  const { FakeEmitter, FakeWebContents } = await import("./support/fake-electron");
  class FakeApp extends FakeEmitter {
    isPackaged = true;
    quit = vi.fn();
    setName = vi.fn();
    setPath = vi.fn();
    requestSingleInstanceLock = () => electron.lock;
    whenReady = async () => undefined;
    getPath = () => electron.userData;
    getVersion = () => "9.9.9";
  }
  class BrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async () => undefined);
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly maximize = vi.fn();
    readonly show = vi.fn();
    constructor(readonly options: unknown) {
      super();
      electron.windows.push(this);
    }
    isMinimized = () => true;
    isDestroyed = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 1, y: 2, width: 1000, height: 700 });
  }
  electron.app = new FakeApp();
  return {
    app: electron.app,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, listener: unknown) => electron.ipc.set(channel, listener) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (electron.menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => electron.schemes.push(...s),
      handle: (scheme: string, h: unknown) => electron.protocolHandlers.set(scheme, h),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => (electron.permissionHandler = h),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
});

const { runDesktopApp } = await import("../../../main/app/desktop-app");
const { defaultDataDir } = await import("../../../main/app/data-dir");
const app = electron.app as FakeEmitter & { quit: ReturnType<typeof vi.fn> };

interface FakeWindow extends FakeEmitter {
  options: { webPreferences: Record<string, unknown>; x?: number; width: number };
  webContents: FakeWebContents;
  loadURL: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
}

beforeEach(async () => {
  electron.userData = await mkdtemp(join(tmpdir(), "pipewright-desktop-"));
  electron.lock = true;
  electron.windows.length = 0;
  electron.ipc.clear();
  app.listeners.clear();
  app.quit.mockClear();
});
afterEach(async () => {
  await rm(electron.userData, { recursive: true, force: true });
});

const paths = { rendererDir: "/app/out/renderer", preload: "/app/out/preload/preload.cjs" };

describe("the desktop app", () => {
  it("quits at once when another instance holds the lock, creating no window", async () => {
    electron.lock = false;
    await runDesktopApp(paths);
    expect(app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipc.size).toBe(0);
  });

  it("opens one secure window on app://, with every channel handled and permissions denied", async () => {
    await runDesktopApp(paths);
    expect((app as unknown as { setPath: ReturnType<typeof vi.fn> }).setPath).toHaveBeenCalledWith(
      "userData",
      defaultDataDir(),
    );
    expect(electron.windows).toHaveLength(1);
    const win = electron.windows[0] as FakeWindow;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.loadURL).toHaveBeenCalledWith("app://pipewright/index.html");
    expect(electron.schemes).toContainEqual(expect.objectContaining({ scheme: "app" }));
    expect(electron.protocolHandlers.has("app")).toBe(true);
    expect([...electron.ipc.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    const callback = vi.fn();
    (electron.permissionHandler as (...a: unknown[]) => void)({}, "media", callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it("hardens every webContents Electron creates", async () => {
    await runDesktopApp(paths);
    const contents = new FakeWebContents();
    app.emit("web-contents-created", {}, contents);
    const event = fakeEvent();
    contents.emit("will-navigate", event, "https://evil.example/");
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: "https://evil.example/" })).toEqual({ action: "deny" });
  });

  it("focuses the first window when a second instance starts, and opens its file there", async () => {
    await runDesktopApp(paths);
    const win = electron.windows[0] as FakeWindow;
    const launchFile = electron.ipc.get("app.launchFile") as (
      event: unknown,
      payload: unknown,
    ) => Promise<unknown>;
    const fromRenderer = { sender: win.webContents, senderFrame: win.webContents.mainFrame };

    // Before the renderer listens, the file waits until the renderer asks for it.
    app.emit("second-instance", {}, ["/opt/Pipewright/pipewright", "early.pipeline.json"], "/home/me");
    expect(win.webContents.send).not.toHaveBeenCalled();
    expect(await launchFile(fromRenderer, {})).toEqual({ ok: true, value: "/home/me/early.pipeline.json" });

    app.emit("second-instance", {}, ["/opt/Pipewright/pipewright", "other.pipeline.json"], "/home/me");
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith("documents.openRequested", {
      path: "/home/me/other.pipeline.json",
    });
  });

  it("sends menu commands to the renderer", async () => {
    await runDesktopApp(paths);
    const win = electron.windows[0] as FakeWindow;
    const file = (
      electron.menu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]
    ).find((m) => m.label === "&File");
    file?.submenu?.find((i) => i.label === "Save")?.click?.();
    expect(win.webContents.send).toHaveBeenCalledWith("menu.command", { command: "save" });
  });

  it("remembers the window's bounds when it closes", async () => {
    await runDesktopApp(paths);
    (electron.windows[0] as FakeWindow).emit("close", fakeEvent());
    await vi.waitFor(async () => {
      const saved = JSON.parse(
        await readFile(join(electron.userData, "window-state.json"), "utf8"),
      ) as unknown;
      // Written with its schema version, like every state file.
      expect(saved).toEqual({ format: 1, x: 1, y: 2, width: 1000, height: 700, maximized: false });
    });
  });

  it("restores the remembered window position and size", async () => {
    await writeFile(
      join(electron.userData, "window-state.json"),
      JSON.stringify({ x: 40, y: 30, width: 1111, height: 777, maximized: false }),
    );
    await runDesktopApp(paths);
    expect((electron.windows[0] as FakeWindow).options).toMatchObject({
      x: 40,
      y: 30,
      width: 1111,
      height: 777,
    });
  });
});
