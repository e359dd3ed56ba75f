import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root, and the real CLI entry point users run. */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
export const BIN = join(REPO_ROOT, "bin/pipewright.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/pipewright.js …args` as a child process, as a user's shell would. */
export function runPipewright(args: readonly string[], cwd: string = REPO_ROOT): Promise<CliRun> {
  return runProcess(process.execPath, [BIN, ...args], cwd);
}

/** Runs a program and collects its exit code and output. */
export function runProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** A fresh temporary folder, and a way to list and remove it. */
export function makeTempDir(): { dir: string; files: () => string[]; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "pipewright-cli-"));
  return {
    dir,
    files: () => readdirSync(dir).sort(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
