// The sandboxed preload: builds window.pipewright from the contract, one named method per channel.
// It never exposes ipcRenderer itself or a generic invoke(channel), so the page can call only what
// the contract declares, and main still checks every request.
import { contextBridge, ipcRenderer, webUtils } from "electron";
import { CHANNEL_NAMES, isEventName, splitChannelName, type EventName } from "../shared/ipc";

const api: Record<string, unknown> = {};
for (const channel of CHANNEL_NAMES) {
  const { group, method } = splitChannelName(channel);
  const methods = (api[group] ?? {}) as Record<string, unknown>;
  Object.defineProperty(methods, method, {
    value: (request: unknown) => ipcRenderer.invoke(channel, request),
    enumerable: true,
  });
  api[group] = methods;
}

api["events"] = {
  on(name: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new Error(`Not an event of the contract: ${String(name)}`);
    // The IPC event object (with its sender) never reaches the page; only the payload does.
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(name, forward);
    return () => {
      ipcRenderer.removeListener(name, forward);
    };
  },
};

api["files"] = {
  /** The path of a file dropped on the window (File.path is gone from Electron's renderer). */
  pathOf: (file: File) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld("pipewright", api);
