import { describe, expect, it, vi } from "vitest";
import { CHANNEL_NAMES, ok, type Handlers, type Result } from "../../../shared/ipc";
import { registerIpcHandlers } from "../../../main/ipc/electron-bridge";
import { FakeWebContents, type FakeFrame } from "../app/support/fake-electron";

type Listener = (event: unknown, payload: unknown) => Promise<Result<unknown>>;

function setup() {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) };
  const info = vi.fn(async () => ok({ name: "Pipewright" }));
  const handlers = new Proxy({} as Record<string, unknown>, {
    get: (_t, name) => (name === "app.info" ? info : async () => ok(null)),
  }) as unknown as Handlers;
  const window = new FakeWebContents();
  registerIpcHandlers(ipcMain as never, handlers, () => window as never);
  const call = (channel: string, sender: unknown, senderFrame: FakeFrame | null, payload: unknown = {}) =>
    listeners.get(channel)!({ sender, senderFrame }, payload);
  return { listeners, info, window, call };
}

describe("IPC in Electron", () => {
  it("registers exactly the contract's channels", () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it("answers the app's own main frame", async () => {
    const { call, window, info } = setup();
    expect(await call("app.info", window, window.mainFrame)).toEqual(ok({ name: "Pipewright" }));
    expect(info).toHaveBeenCalled();
  });

  it("refuses a message from a subframe, another window, a foreign page or no frame", async () => {
    const { call, window, info } = setup();
    const iframe: FakeFrame = { url: "app://pipewright/index.html", parent: window.mainFrame };
    const other = new FakeWebContents();
    const navigatedAway: FakeFrame = { url: "https://evil.example/", parent: null };
    const cases: [unknown, FakeFrame | null][] = [
      [window, iframe],
      [other, other.mainFrame],
      [window, null],
      [window, navigatedAway],
    ];
    for (const [sender, frame] of cases) {
      const result = await call("app.info", sender, frame);
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden-sender" } });
    }
    // The frame that navigated away is the window's main frame object in real Electron; model that too.
    window.mainFrame.url = "https://evil.example/";
    expect(await call("app.info", window, window.mainFrame)).toMatchObject({
      ok: false,
      error: { code: "forbidden-sender" },
    });
    expect(info).not.toHaveBeenCalled();
  });

  it("parses the payload before the handler runs", async () => {
    const { call, window } = setup();
    const result = await call("documents.open", window, window.mainFrame, { path: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });
});
