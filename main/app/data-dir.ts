import { homedir } from "node:os";
import { join } from "node:path";

/** The product name: the folder name of the app data and the window title. */
export const APP_NAME = "Pipewright";

/**
 * The folder Electron's `app.getPath("userData")` gives for this app, computed without Electron so
 * web mode and the desktop app share recent files, settings and recovery copies.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === "win32") return join(env["APPDATA"] ?? join(homedir(), "AppData", "Roaming"), APP_NAME);
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", APP_NAME);
  return join(env["XDG_CONFIG_HOME"] ?? join(homedir(), ".config"), APP_NAME);
}
