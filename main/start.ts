// `npm start`: build what is stale, then launch the desktop app; where Electron cannot run (no
// binary and no way to download it, or no display), say so in one line and serve web mode instead.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultDataDir } from "./app/data-dir";
import { electronBinary, missingDisplay } from "./app/launch-checks";
import { openBrowser } from "./host/open-browser";
import { ensureRendererBuilt, isFresh, PROJECT_ROOT, runNodeScript } from "./host/renderer-build";
import { startWebMode, urlLine } from "./host/web-mode";

/** Written after one failed download, so later starts fall back at once instead of retrying. */
const INSTALL_MARKER = join(PROJECT_ROOT, "node_modules", ".cache", "pipewright", "electron-install-failed");
/** An Electron that exits within this time with an error did not start (missing libraries, no GPU…). */
const EARLY_EXIT_MS = 4000;

async function installElectron(): Promise<string | undefined> {
  if (existsSync(INSTALL_MARKER)) return undefined;
  // A person at a terminal is told why the first start waits; logs get only the outcome line.
  if (process.stderr.isTTY) process.stderr.write("Pipewright: downloading Electron (first start)…\n");
  const { code, output } = await runNodeScript("node_modules/electron/install.js", [], true);
  const binary = code === 0 ? electronBinary() : undefined;
  if (binary === undefined) {
    await mkdir(join(INSTALL_MARKER, ".."), { recursive: true });
    await writeFile(
      INSTALL_MARKER,
      `install.js exited with ${code} at ${new Date().toISOString()}\n${output}`,
    );
  }
  return binary;
}

async function ensureDesktopBuilt(): Promise<void> {
  const inputs = ["main", "shared", "electron.vite.config.ts", "package.json"];
  const fresh =
    (await isFresh(join(PROJECT_ROOT, "out", "main", "index.js"), inputs)) &&
    (await isFresh(join(PROJECT_ROOT, "out", "preload", "preload.cjs"), inputs));
  if (fresh) return;
  const { code } = await runNodeScript("node_modules/electron-vite/bin/electron-vite.js", [
    "build",
    "--logLevel",
    "warn",
  ]);
  if (code !== 0) throw new Error(`the desktop build failed (electron-vite exited with ${code})`);
}

/** Runs Electron; resolves to a reason if it failed to start, or never returns while it runs. */
function launchElectron(binary: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env["ELECTRON_RUN_AS_NODE"];
    const started = Date.now();
    const child = spawn(binary, [PROJECT_ROOT, ...args], { stdio: "inherit", env });
    child.on("error", (error) => resolve(`Electron could not be run (${error.message})`));
    child.on("exit", (code, signal) => {
      if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) {
        resolve(`Electron exited at start (${signal ?? `code ${code}`})`);
        return;
      }
      process.exit(code ?? 0);
    });
  });
}

async function fallBackToWeb(reason: string): Promise<void> {
  process.stderr.write(`Pipewright: cannot start the desktop app: ${reason}; starting web mode instead.\n`);
  await ensureRendererBuilt();
  const web = await startWebMode({ port: 0, dataDir: defaultDataDir() });
  process.stdout.write(`${urlLine(web.url)}\n`);
  if (missingDisplay() === undefined) openBrowser(web.url);
  const stop = () => void web.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function main(args: readonly string[]): Promise<void> {
  await ensureRendererBuilt();
  const noDisplay = missingDisplay();
  if (noDisplay !== undefined) return fallBackToWeb(noDisplay);
  const binary = electronBinary() ?? (await installElectron());
  if (binary === undefined) {
    return fallBackToWeb(
      `the Electron binary is missing and could not be downloaded (details: ${INSTALL_MARKER})`,
    );
  }
  await ensureDesktopBuilt();
  const failure = await launchElectron(binary, args);
  if (failure !== undefined) await fallBackToWeb(failure);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`Pipewright could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
