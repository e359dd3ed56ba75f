import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** The repository root, where package.json and the build configs live. */
export const PROJECT_ROOT = join(import.meta.dirname, "..", "..");

/** Where `vite build` puts the renderer. */
export const RENDERER_OUT_DIR = join(PROJECT_ROOT, "out", "renderer");

/** Inputs of the renderer build: if any is newer than the output, the output is stale. */
const RENDERER_INPUTS = ["renderer", "shared", "vite.renderer.config.ts", "package.json"];

async function newestMtime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(
    entries.filter((e) => e.name !== "node_modules").map((e) => newestMtime(join(path, e.name))),
  );
  return Math.max(info.mtimeMs, ...times);
}

/** Whether `output` exists and is newer than every one of `inputs` (paths relative to the root). */
export async function isFresh(output: string, inputs: readonly string[]): Promise<boolean> {
  const built = await newestMtime(output);
  if (built === 0) return false;
  const times = await Promise.all(inputs.map((i) => newestMtime(join(PROJECT_ROOT, i))));
  return times.every((t) => t <= built);
}

/**
 * Runs a node script of a dev dependency. Its output goes to our stderr (so stdout stays one line),
 * or, with `capture`, is collected and returned instead of shown.
 */
export function runNodeScript(
  script: string,
  args: readonly string[],
  capture = false,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: capture ? ["ignore", "pipe", "pipe"] : ["ignore", process.stderr, process.stderr],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => resolve({ code: 1, output: error.message }));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Builds the renderer unless its output is newer than its sources. Throws when the build fails. */
export async function ensureRendererBuilt(): Promise<void> {
  if (await isFresh(join(RENDERER_OUT_DIR, "index.html"), RENDERER_INPUTS)) return;
  // Vite keeps a NODE_ENV it inherits: started from a test runner (NODE_ENV=test) the bundle would
  // carry React's development build, several times slower than the one users get.
  const { code } = await runNodeScript(
    "node_modules/vite/bin/vite.js",
    ["build", "--config", "vite.renderer.config.ts", "--logLevel", "warn"],
    false,
    { ...process.env, NODE_ENV: "production" },
  );
  if (code !== 0) throw new Error(`The renderer build failed (vite exited with ${code})`);
}
