import { useEffect } from "react";
import { findCommand, commandForKey, isMenuCommand } from "./commands/registry";
import { Banners, NoticeToast } from "./frame/Banners";
import { documentTitle } from "./frame/document-title";
import { FocusRequests } from "./frame/FocusRequests";
import { reopenSession, rememberSession } from "./frame/session-memory";
import { Toolbar } from "./frame/Toolbar";
import { Workbench } from "./frame/Workbench";
import { ChangesDialog } from "./dialogs/ChangesDialog";
import { ConfirmDialog } from "./dialogs/ConfirmDialog";
import { DesignerOverlays } from "./dialogs/DesignerOverlays";
import { NewDialog } from "./dialogs/NewDialog";
import { PathDialog } from "./dialogs/PathDialog";
import { BrowseDialog } from "./panels/browse/BrowseDialog";
import { DeployDialog } from "./panels/deploy/DeployDialog";
import { RunDialogs } from "./panels/runs/RunDialogs";
import { RunsWatcher } from "./panels/runs/RunsPanel";
import { FleetView } from "./fleet/FleetView";
import type { ApiClient } from "./api/client";
import { useAppStore, useStoreApi } from "./store";
import "./styles/frame.css";

/** The app frame: toolbar, banners and the docked panels, plus dialogs. */
export function App({ api }: { api: ApiClient }) {
  const store = useStoreApi();
  const title = useAppStore((s) => documentTitle(s.doc));
  const dialog = useAppStore((s) => s.dialog);
  const theme = useAppStore((s) => s.settings.theme);
  const ready = useAppStore((s) => s.info !== null);

  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    if (theme === "system") delete document.documentElement.dataset["theme"];
    else document.documentElement.dataset["theme"] = theme;
  }, [theme]);

  useEffect(() => {
    // The tab's memory is read before it is written: remembering starts once the reopen is done.
    let forget = () => {};
    let gone = false;
    void store
      .getState()
      .startupRequested()
      .then(() => reopenSession(store))
      .then(() => {
        if (!gone) forget = rememberSession(store);
      });
    const offs = [
      api.events.on("menu.command", ({ command }) => {
        // A menu item is always clickable; the command decides whether it applies right now.
        const state = store.getState();
        const found = findCommand(command);
        if (found?.enabled(state) === true) found.run(state);
      }),
      api.events.on("documents.openRequested", ({ path }) => void store.getState().openRequested(path)),
      api.events.on("documents.changedOnDisk", (change) => void store.getState().diskChangeReported(change)),
    ];
    // In the desktop app the menu's accelerators run these; handling keys too would run them twice.
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (command === undefined) return;
      if (store.getState().info?.mode !== "web" && isMenuCommand(command)) return;
      e.preventDefault();
      if (command.enabled(store.getState())) command.run(store.getState());
    };
    // The browser's own guard for web mode; Electron asks in main, which knows about the window.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (store.getState().doc?.dirty === true) e.preventDefault();
    };
    // A dropped file opens in the desktop app; a browser does not tell the page a file's path.
    const onDragOver = (e: DragEvent) => e.preventDefault();
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file !== undefined && api.files !== undefined)
        void store.getState().openRequested(api.files.pathOf(file));
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    window.addEventListener("keydown", onKey);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      gone = true;
      forget();
      offs.forEach((off) => off());
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [api, store]);

  return (
    <div className="app" data-ready={ready ? "true" : "false"}>
      {/* Not a plain #canvas link: web mode keeps its token in the URL fragment. */}
      <a
        className="skip-link"
        href="#canvas"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("canvas")?.focus();
        }}
      >
        Skip to the canvas
      </a>
      <Toolbar />
      <Banners />
      {/* The panels read their remembered sizes once, so they wait for the settings. */}
      {ready ? <Workbench /> : <div className="workbench" />}
      <RunsWatcher />
      <FocusRequests />
      <FleetView />
      {dialog === "new" && <NewDialog />}
      {(dialog === "open" || dialog === "saveAs") && <PathDialog kind={dialog} />}
      {dialog === "changes" && <ChangesDialog />}
      <BrowseDialog />
      <DeployDialog />
      <RunDialogs />
      <DesignerOverlays />
      <ConfirmDialog />
      <NoticeToast />
    </div>
  );
}
