import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../host/renderer-build";

const ELECTRON_DIR = join(PROJECT_ROOT, "node_modules", "electron");

/** The Electron executable if its binary is installed (npm 11 skips the download script). */
export function electronBinary(dir: string = ELECTRON_DIR): string | undefined {
  try {
    const relative = readFileSync(join(dir, "path.txt"), "utf8").trim();
    const binary = join(dir, "dist", relative);
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Why Electron cannot show a window here, or undefined when it might. */
export function missingDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string | undefined {
  if (platform !== "linux") return undefined;
  const hasDisplay = [env["DISPLAY"], env["WAYLAND_DISPLAY"]].some((v) => v !== undefined && v !== "");
  return hasDisplay ? undefined : "there is no display (DISPLAY and WAYLAND_DISPLAY are unset)";
}
