/**
 * `pipewright sandbox` in its own process, as a user runs it, for the benches: the server gets its
 * own thread, and a bench can measure its memory or kill it.
 */
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface SandboxProcess {
  endpoint: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has gone. */
  exited: Promise<number | string>;
  /** Wall milliseconds from spawn to the endpoint line on stdout. */
  startMs: number;
  /** Resident set size in bytes, from /proc (Linux). */
  rssBytes(): number;
  /** SIGTERM (clean shutdown, state saved) and wait. */
  stop(): Promise<number | string>;
}

const COMMAND = fileURLToPath(new URL("../../main/sandbox/cli-command.ts", import.meta.url));

export async function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  const script = `const { runSandboxCommand } = await import(${JSON.stringify(COMMAND)});
process.exitCode = await runSandboxCommand(${JSON.stringify(args)});`;
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Sandbox endpoint: (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`sandbox process exited with ${code}: ${err}`)));
  });
  const startMs = performance.now() - started;
  return {
    endpoint,
    child,
    exited,
    startMs,
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
      return kb * 1024;
    },
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

export function benchClient(endpoint: string, accessKeyId = "x", region = "us-east-1"): CodePipelineClient {
  return new CodePipelineClient({
    endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey: "y" },
    maxAttempts: 1,
  });
}
