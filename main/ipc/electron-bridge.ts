import type { IpcMain, IpcMainInvokeEvent, WebContents } from "electron";
import { CHANNEL_NAMES, fail, type Handlers, type Result } from "../../shared/ipc";
import { isAppUrl } from "../app/app-protocol";
import { dispatch } from "./dispatch";

/**
 * Whether an IPC message comes from the app's own page: the top frame of the main window, showing
 * an app:// URL. A message from an iframe, another window or a page that navigated elsewhere is
 * refused, even though the preload only exists in the main frame.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, "sender" | "senderFrame">,
  window: WebContents | undefined,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || window === undefined || event.sender !== window) return false;
  return frame === window.mainFrame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Registers one `ipcMain.handle` per contract channel (so an unknown channel has no listener at
 * all), each checking the sender before the request is parsed and handled.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, "handle">,
  handlers: Handlers,
  mainWebContents: () => WebContents | undefined,
): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, mainWebContents())) {
        return fail(
          "forbidden-sender",
          `IPC refused from a frame that is not the app's: ${event.senderFrame?.url ?? "unknown"}`,
        );
      }
      return dispatch(handlers, channel, payload);
    });
  }
}
