import type { BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from "electron";
import { allowedExternalUrl } from "./external-links";
import { isAppUrl } from "./app-protocol";

/**
 * The renderer's web preferences: Electron's security checklist. The page gets no Node, runs in the
 * OS sandbox, and sees only what the preload exposes through the isolated context bridge.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
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
  };
}

/** The main window's options around the secure preferences. */
export function mainWindowOptions(
  preload: string,
  bounds: { x?: number; y?: number; width: number; height: number },
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: "Pipewright",
    backgroundColor: "#16181c",
    webPreferences: secureWebPreferences(preload),
  };
}

/**
 * Locks down one webContents: no navigation away from the app, no new windows (allowed AWS links
 * go to the system browser instead), no <webview>. Applied to every webContents Electron creates.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on("will-navigate", (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on("will-redirect", (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = allowedExternalUrl(url);
    if (allowed !== undefined) openExternal(allowed);
    return { action: "deny" };
  });
}

/** Refuses every permission request and check (camera, notifications, geolocation, HID, USB…). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
