import { BrowserWindow, type Session, type WebContents } from "electron";
import { allowedExternalUrl } from "./external-links";
import { isAppUrl } from "./app-protocol";

/** Where and how big the main window opens. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/**
 * Creates the main window with Electron's security checklist in its web preferences: the page gets
 * no Node, runs in the OS sandbox, and sees only what the preload exposes through the isolated
 * context bridge. Written as one literal so static checkers (electronegativity) can read it.
 */
export function createMainWindow(preload: string, bounds: WindowBounds): BrowserWindow {
  return new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: "Pipewright",
    backgroundColor: "#16181c",
    webPreferences: {
      preload,
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
      // Middle-click must not open links in new windows behind the window-open handler's back.
      disableBlinkFeatures: "Auxclick",
    },
  });
}

/**
 * Locks down one webContents: no navigation away from the app, no new windows (allowed AWS links
 * go to the system browser instead), no <webview>. Applied to every webContents Electron creates.
 */
export function hardenWebContents(contents: WebContents, openLink: (url: string) => void): void {
  contents.on("will-navigate", (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on("will-redirect", (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = allowedExternalUrl(url);
    if (allowed !== undefined) openLink(allowed);
    return { action: "deny" };
  });
}

/** Refuses every permission request and check (camera, notifications, geolocation, HID, USB…). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
