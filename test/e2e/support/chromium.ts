import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian and other distributions put Chromium; PIPEWRIGHT_CHROMIUM overrides. */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Flags for a quiet, network-free headless run in a container (no sandbox: we run as root there). */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The browser's path, or a clear error saying how to install one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const override = env["PIPEWRIGHT_CHROMIUM"];
  if (override !== undefined && override !== "") {
    if (!existsSync(override)) throw new Error(`PIPEWRIGHT_CHROMIUM points to no file: ${override}`);
    return override;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found === undefined) {
    throw new Error(
      `No Chromium found for the end-to-end tests (looked in ${CANDIDATES.join(", ")}): ` +
        "install it with `apt-get install -y chromium` (Debian) or set PIPEWRIGHT_CHROMIUM to a Chromium binary",
    );
  }
  return found;
}

/** Launches Debian's Chromium through playwright-core (which cannot download its own browser here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: ARGS, headless: true });
}
