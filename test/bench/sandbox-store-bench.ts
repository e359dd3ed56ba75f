/**
 * Sandbox storage bench: the kill -9 loop at full size (acknowledged writes lost must be 0, and
 * how long a restart takes), and what 10,000 runs cost on disk and in memory, with the history
 * bound and without it, side by side.
 */
import {
  CreatePipelineCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runKillLoop } from "../main/sandbox/kill-loop";
import { record } from "./report";
import { fiveStagePipeline } from "./sandbox-bench";
import { benchClient, startSandboxProcess } from "./sandbox-process";

const KILLS = 50;
const RUNS = 10_000;

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function killLoop(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "pipewright-kill-bench-"));
  try {
    const result = await runKillLoop({ dataDir, kills: KILLS, writers: 4 });
    const r = result.restartMs;
    console.log(
      `  kill -9 loop: ${result.kills} kills at random moments, 4 concurrent writers, ${result.acknowledgedWrites} writes acknowledged; ` +
        `acknowledged writes lost: ${result.lost.length} (target 0: ${result.lost.length === 0 ? "met" : "MISSED"}); ` +
        `restart (open state + replay log, Node start-up apart) p50 ${percentile(r, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(r, 95).toFixed(0)} ms, max ${Math.max(...r).toFixed(0)} ms; state on disk ${mb(dirBytes(dataDir))}`,
    );
    for (const line of [...result.lost, ...result.problems].slice(0, 10)) console.log(`    ${line}`);
    const method = `${result.kills} kill -9 at random moments while 4 clients write; after each restart every acknowledged write is checked`;
    record({
      name: "sandbox kill -9 loop: acknowledged writes lost",
      value: result.lost.length + result.problems.length,
      unit: "",
      target: "0",
      met: result.lost.length + result.problems.length === 0,
      method: `${method} (${result.acknowledgedWrites} acknowledged)`,
    });
    record({
      name: "sandbox restart p95 (open state, replay log)",
      value: percentile(r, 95),
      unit: "ms",
      method: `${method}; time from opening the data directory to serving, Node's start-up apart`,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs `runs` executions of a 5-stage pipeline in a sandbox process, then measures it. At 10,000×
 * (a run takes about 20 ms) the 10,000 runs span weeks of simulated time even on a slow machine, so
 * only the count bound applies, not the 12-month one.
 */
async function historyFootprint(runs: number, extraArgs: string[], label: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "pipewright-store-bench-"));
  const sandbox = await startSandboxProcess(["--speed", "10000", "--data", dataDir, ...extraArgs]);
  const client = benchClient(sandbox.endpoint);
  try {
    await client.send(new CreatePipelineCommand({ pipeline: fiveStagePipeline("history", "PARALLEL") }));
    let started = 1;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (started < runs) {
          started++;
          for (;;) {
            try {
              await client.send(new StartPipelineExecutionCommand({ name: "history" }));
              break;
            } catch (error) {
              if ((error as Error).name !== "ConcurrentPipelineExecutionsLimitExceededException") throw error;
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
          }
        }
      }),
    );
    for (;;) {
      const page = await client.send(
        new ListPipelineExecutionsCommand({ pipelineName: "history", maxResults: 100 }),
      );
      if ((page.pipelineExecutionSummaries ?? []).every((s) => s.status !== "InProgress")) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rss = sandbox.rssBytes();
    const onDisk = dirBytes(dataDir);
    client.destroy();
    await sandbox.stop();
    const stopped = dirBytes(dataDir);
    console.log(
      `  after ${runs} runs of a 5-stage pipeline, ${label}: state on disk ${mb(onDisk)} (after a clean stop ${mb(stopped)}), sandbox RSS ${mb(rss)}`,
    );
    const method = `${runs} runs of a 5-stage PARALLEL pipeline in \`pipewright sandbox --data\` (${label}); RSS from /proc`;
    record({
      name: `sandbox state on disk after ${runs} runs, ${label}`,
      value: stopped / 2 ** 20,
      unit: "MB",
      method: `${method}; after a clean stop (snapshot only)`,
    });
    record({ name: `sandbox RSS after ${runs} runs, ${label}`, value: rss / 2 ** 20, unit: "MB", method });
  } finally {
    client.destroy();
    if (sandbox.child.exitCode === null) await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runSandboxStoreBench(): Promise<void> {
  console.log("sandbox storage (write-ahead log, snapshots, history bounds)");
  if (!process.argv.includes("--history-only")) await killLoop();
  await historyFootprint(RUNS, [], "history bounded (default --max-history 1000)");
  await historyFootprint(RUNS, ["--max-history", "1000000"], "unbounded (--max-history 1000000)");
}
