import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand } from "../../shared/ipc";

/** Where the Help menu points; an allowed external link. */
export const DOCS_URL = "https://docs.aws.amazon.com/codepipeline/latest/userguide/welcome.html";

/**
 * The application menu. File commands are sent to the renderer, which owns the document and runs
 * them from its command registry (the toolbar runs the same commands); editing uses Electron's roles.
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
  return [
    ...(mac ? [{ role: "appMenu" } as MenuItemConstructorOptions] : []),
    file,
    { role: "editMenu" },
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
