/**
 * Sandbox storage bench: what 10,000 runs cost on disk and in memory.
 */
import {
  StartPipelineExecutionCommand,
  CreatePipelineCommand,
  ListPipelineExecutionsCommand,
} from "@aws-sdk/client-codepipeline";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fiveStagePipeline } from "./sandbox-bench";
import { benchClient, startSandboxProcess } from "./sandbox-process";

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function historyFootprint(runs: number, extraArgs: string[] = []): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "pipewright-store-bench-"));
  const sandbox = await startSandboxProcess(["--speed", "1000000", "--data", dataDir, ...extraArgs]);
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
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rss = sandbox.rssBytes();
    client.destroy();
    await sandbox.stop();
    console.log(
      `  after ${runs} runs of a 5-stage pipeline${extraArgs.length ? ` (${extraArgs.join(" ")})` : ""}: state on disk ${mb(dirBytes(dataDir))}, sandbox RSS ${mb(rss)}`,
    );
  } finally {
    client.destroy();
    if (sandbox.child.exitCode === null) await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runSandboxStoreBench(): Promise<void> {
  console.log("sandbox storage");
  await historyFootprint(10_000);
}
