import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from "electron";
import type { EventName, EventPayloads } from "../../shared/ipc";
import { createHandlers } from "../ipc/handlers";
import { registerIpcHandlers } from "../ipc/electron-bridge";
import { closeServices, createServices, type AppServices } from "../ipc/services";
import { APP_SCHEME_PRIVILEGES, APP_URL, serveRenderer } from "./app-protocol";
import { guardClose } from "./close-guard";
import { APP_NAME, defaultDataDir } from "./data-dir";
import { allowedExternalUrl } from "./external-links";
import { fileFromArgv } from "./file-args";
import { DOCS_URL, menuTemplate } from "./menu";
import { nativeDialogs } from "./native-dialogs";
import { createMainWindow, denyAllPermissions, hardenWebContents } from "./secure-window";
import { placeOnScreen, windowStateFile } from "./window-state";
import { showFleetNotification, showRunNotification } from "./run-notification";

/** Where the built pieces are, relative to the bundled main script. */
export interface DesktopPaths {
  rendererDir: string;
  preload: string;
}

/** Arguments before the user's own: the executable, plus the app folder when run unpackaged. */
function argvSkip(): number {
  return app.isPackaged ? 1 : 2;
}

/**
 * The desktop app: one secure window serving the built renderer from app://, the shared handler
 * table behind sender-checked IPC, a single instance, and the window's state remembered.
 */
export async function runDesktopApp(paths: DesktopPaths): Promise<void> {
  app.setName(APP_NAME);
  // The folder web mode uses too, so both share settings, recent files and recovery copies (the
  // default would follow package.json's lower-case name in development). It also scopes the
  // single-instance lock, so it is set before the lock is taken.
  app.setPath("userData", defaultDataDir());
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets our argv through "second-instance" and opens the file there.
    app.quit();
    return;
  }

  let win: BrowserWindow | undefined;
  const launch: { file: string | undefined; services?: AppServices } = {
    file: fileFromArgv(process.argv, process.cwd(), argvSkip()),
  };
  const emit = <E extends EventName>(name: E, payload: EventPayloads[E]) => {
    if (name === "runs.attention") showRunNotification(payload as EventPayloads["runs.attention"]);
    if (name === "notifications.raised")
      showFleetNotification(payload as EventPayloads["notifications.raised"], (id) => {
        if (win?.isMinimized()) win.restore();
        win?.focus();
        win?.webContents.send("notifications.clicked", { id });
      });
    win?.webContents.send(name, payload);
  };
  // The app's only call to shell.openExternal, behind the URL check (https AWS sites only).
  const openExternal = (url: string) => {
    const allowed = allowedExternalUrl(url);
    if (allowed !== undefined) void shell.openExternal(allowed);
  };
  const openFile = (path: string) => {
    // Until the renderer listens, the file waits for it to ask (app.launchFile); an event sent
    // earlier would be lost.
    if (launch.services?.rendererReady === true) emit("documents.openRequested", { path });
    else if (launch.services !== undefined) launch.services.launchFile = path;
    else launch.file = path;
  };

  app.on("web-contents-created", (_event, contents) => hardenWebContents(contents, openExternal));
  app.on("second-instance", (_event, argv, cwd) => {
    if (win !== undefined) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const file = fileFromArgv(argv, cwd, argvSkip());
    if (file !== undefined) openFile(file);
  });
  app.on("open-file", (event, path) => {
    event.preventDefault();
    openFile(path);
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, paths.rendererDir);

  const dataDir = app.getPath("userData");
  const services = createServices({
    dataDir,
    info: {
      name: APP_NAME,
      version: app.getVersion(),
      mode: "desktop",
      platform: process.platform,
      nativeDialogs: true,
    },
    dialogs: nativeDialogs(dialog, () => win),
    openLink: async (url) => openExternal(url),
    emit,
    launchFile: launch.file,
  });
  launch.services = services;
  // The embedded sandbox saves its state on close; quitting waits for that once, then goes on.
  let servicesClosed = false;
  app.on("before-quit", (event) => {
    if (servicesClosed) return;
    event.preventDefault();
    servicesClosed = true;
    void closeServices(services).finally(() => app.quit());
  });
  registerIpcHandlers(ipcMain, createHandlers(services), () => win?.webContents);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        (command) => emit("menu.command", { command }),
        () => openExternal(DOCS_URL),
      ),
    ),
  );

  const stateFile = windowStateFile(dataDir);
  const saved = placeOnScreen(
    await stateFile.read(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = createMainWindow(paths.preload, saved);
  win = window;
  if (saved.maximized) window.maximize();
  window.once("ready-to-show", () => window.show());
  guardClose(
    window,
    () => services.documentState,
    (w, options) => dialog.showMessageBox(w, options),
    (id) => services.recovery.discard(id),
  );
  // Bounds are written shortly after the last move or resize, and once more as the window closes
  // (a pending write would find the window destroyed).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveBounds = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    void stateFile.update(() => ({ ...bounds, maximized: window.isMaximized() }));
  };
  const remember = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(saveBounds, 400);
  };
  for (const event of ["resize", "move", "maximize", "unmaximize"] as const)
    window.on(event as "resize", remember);
  window.on("close", saveBounds);
  window.on("closed", () => {
    services.watcher.stop();
    win = undefined;
  });
  await window.loadURL(APP_URL);
}
