import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand } from "../../shared/ipc";

/** Where the Help menu points; an allowed external link. */
export const DOCS_URL = "https://docs.aws.amazon.com/codepipeline/latest/userguide/welcome.html";

/**
 * The application menu. Commands are sent to the renderer, which owns the document and runs them
 * from its command registry (the toolbar, shortcuts and command palette run the same ones).
 * Clipboard items use Electron's roles, which arrive in the page as copy/cut/paste events the
 * designer handles. Shortcuts the page already handles are shown but not registered
 * (`registerAccelerator: false`): a registered Ctrl+Z would be taken from the JSON editor's own
 * undo and from text fields.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  openDocs: () => void,
  platform: string = process.platform,
): MenuItemConstructorOptions[] {
  const mac = platform === "darwin";
  const file: MenuItemConstructorOptions = {
    label: "&File",
    submenu: [
      { label: "New…", accelerator: "CmdOrCtrl+N", click: () => send("new") },
      { label: "Open…", accelerator: "CmdOrCtrl+O", click: () => send("open") },
      { type: "separator" },
      { label: "Save", accelerator: "CmdOrCtrl+S", click: () => send("save") },
      { label: "Save as…", accelerator: "CmdOrCtrl+Shift+S", click: () => send("saveAs") },
      { type: "separator" },
      mac ? { role: "close" } : { role: "quit" },
    ],
  };
  const shown = (accelerator: string) => ({ accelerator, registerAccelerator: false });
  const edit: MenuItemConstructorOptions = {
    label: "&Edit",
    submenu: [
      { label: "Undo", ...shown("CmdOrCtrl+Z"), click: () => send("undo") },
      { label: "Redo", ...shown("CmdOrCtrl+Shift+Z"), click: () => send("redo") },
      { type: "separator" },
      { role: "cut" },
      { role: "copy" },
      { role: "paste" },
      { label: "Duplicate", ...shown("CmdOrCtrl+D"), click: () => send("duplicate") },
      { label: "Delete", ...shown("Delete"), click: () => send("delete") },
      { type: "separator" },
      { label: "Select all in stage", click: () => send("selectAllInStage") },
    ],
  };
  const pipeline: MenuItemConstructorOptions = {
    label: "&Pipeline",
    submenu: [
      { label: "Add a stage", click: () => send("addStage") },
      { type: "separator" },
      { label: "Export V2…", click: () => send("exportV2") },
      { label: "Export V1…", click: () => send("exportV1") },
      { label: "Copy JSON", click: () => send("copyJson") },
      { type: "separator" },
      { label: "Deploy…", click: () => send("deploy") },
      { type: "separator" },
      { label: "Command palette", ...shown("CmdOrCtrl+Shift+P"), click: () => send("commandPalette") },
    ],
  };
  return [
    ...(mac ? [{ role: "appMenu" } as MenuItemConstructorOptions] : []),
    file,
    edit,
    pipeline,
    {
      label: "&View",
      submenu: [
        { role: "resetZoom" },
        { role: "zoomIn" },
        { role: "zoomOut" },
        { type: "separator" },
        { role: "togglefullscreen" },
      ],
    },
    { role: "windowMenu" },
    { role: "help", submenu: [{ label: "AWS CodePipeline documentation", click: openDocs }] },
  ];
}
