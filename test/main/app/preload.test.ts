import { describe, expect, it, vi } from "vitest";
import { CHANNEL_NAMES, splitChannelName } from "../../../shared/ipc";

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: null }));
const on = vi.fn();
const removeListener = vi.fn();
vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, on, removeListener },
  webUtils: { getPathForFile: () => "/dropped/file.pipeline.json" },
}));

await import("../../../main/preload");
const api = exposed["pipewright"] as Record<string, Record<string, (...args: unknown[]) => unknown>>;

describe("the preload bridge", () => {
  it("exposes one named method per contract channel, and nothing generic", () => {
    const methods = Object.entries(api)
      .filter(([group]) => group !== "events" && group !== "files")
      .flatMap(([group, m]) => Object.keys(m).map((method) => `${group}.${method}`));
    expect(methods.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(api).sort()).toEqual(
      [...new Set(CHANNEL_NAMES.map((c) => splitChannelName(c).group)), "events", "files"].sort(),
    );
    expect(Object.keys(api["events"]!)).toEqual(["on"]);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipcRenderer/);
  });

  it("sends each call on its own channel", async () => {
    await api["documents"]!["open"]!({ path: "/x.json" });
    expect(invoke).toHaveBeenCalledWith("documents.open", { path: "/x.json" });
  });

  it("subscribes only to contract events and passes the payload without the IPC event", () => {
    const listener = vi.fn();
    const off = api["events"]!["on"]!("menu.command", listener) as () => void;
    const [[name, forward]] = on.mock.calls as unknown as [
      [string, (event: unknown, payload: unknown) => void],
    ];
    expect(name).toBe("menu.command");
    forward({ sender: "secret" }, { command: "save" });
    expect(listener).toHaveBeenCalledWith({ command: "save" });
    off();
    expect(removeListener).toHaveBeenCalledWith("menu.command", forward);
    expect(() => api["events"]!["on"]!("some.internal.channel", listener)).toThrow(/Not an event/);
  });

  it("gives the path of a dropped file", () => {
    expect(api["files"]!["pathOf"]!({})).toBe("/dropped/file.pipeline.json");
  });
});
