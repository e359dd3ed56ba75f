import { spawn } from "node:child_process";

/**
 * Opens `url` in the user's browser with the platform's opener. Failure is silent: the URL line was
 * already printed, and a machine without a browser (a server, CI) is a normal place to run this.
 * The URL is passed as one argument, never through a shell.
 */
export function openBrowser(url: string, platform = process.platform): void {
  const [command, args] =
    platform === "darwin"
      ? ["open", [url]]
      : platform === "win32"
        ? ["rundll32", ["url.dll,FileProtocolHandler", url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No opener installed.
  }
}
