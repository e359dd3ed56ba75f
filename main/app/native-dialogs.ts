import type { BrowserWindow, Dialog } from "electron";
import type { FileDialogs } from "../documents/document-service";

const FILTERS = [
  { name: "Pipeline documents", extensions: ["json"] },
  { name: "All files", extensions: ["*"] },
];

/** Electron's open and save dialogs, attached to the main window. */
export function nativeDialogs(
  dialog: Pick<Dialog, "showOpenDialog" | "showSaveDialog">,
  window: () => BrowserWindow | undefined,
): FileDialogs {
  return {
    async chooseOpenPath() {
      const win = window();
      const options = { properties: ["openFile" as const], filters: FILTERS };
      const result =
        win === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(win, options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseSavePath(suggestedName) {
      const win = window();
      const options = { defaultPath: suggestedName, filters: FILTERS };
      const result =
        win === undefined ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(win, options);
      return result.canceled || result.filePath === undefined || result.filePath === ""
        ? undefined
        : result.filePath;
    },
  };
}
