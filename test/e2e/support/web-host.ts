import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const URL_LINE = /^Pipewright web: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/;

/** A web-mode host started for one test, with its own data folder. */
export interface WebHost {
  url: string;
  /** The URL without the token fragment. */
  origin: string;
  dataDir: string;
  /** A scratch folder for the test's files, removed by stop() unless it was given. */
  workDir: string;
  stop(): Promise<void>;
  /** Kills the host with SIGKILL, as a crash would, leaving its folders in place. */
  crash(): Promise<void>;
}

/**
 * Starts `web-cli` on a free port with a fresh data folder and resolves once it printed its URL line,
 * the readiness signal (no sleeps). Rejects with the host's stderr if it exits first.
 */
export async function startWebHost(
  reuse?: { workDir: string; dataDir: string },
  timeoutMs = 60_000,
): Promise<WebHost> {
  const workDir = reuse?.workDir ?? (await mkdtemp(join(tmpdir(), "pipewright-e2e-")));
  const dataDir = reuse?.dataDir ?? join(workDir, "data");
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, "main/host/web-launcher.mjs"), "--port", "0", "--data", dataDir, "--no-open"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    }
  };
  const stop = async () => {
    await end("SIGTERM");
    if (reuse === undefined) await rm(workDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web mode printed no URL within ${timeoutMs} ms: ${stderr}`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = URL_LINE.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code} before printing its URL: ${stderr}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, origin: url.slice(0, url.indexOf("#")), dataDir, workDir, stop, crash: () => end("SIGKILL") };
}
