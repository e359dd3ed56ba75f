/**
 * Sandbox benchmark: 50 runs at once of a 5-stage pipeline (PARALLEL, then QUEUED) checked for
 * consistent histories, and client-side API latency (p50/p95/p99) over 2,000 mixed requests
 * made through the real SDK while runs are in progress. Target: p99 under 10 ms.
 */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  StartPipelineExecutionCommand,
  paginateListActionExecutions,
  paginateListPipelineExecutions,
  type ActionExecutionDetail,
  type PipelineDeclaration,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startSandbox } from "../../main/sandbox";
import { atMost, record } from "./report";

const RUNS = 50;
const REQUESTS = 2_000;
const WARM_UP = 200;
const STAGES = ["Source", "Build", "Test", "Staging", "Production"];

function fiveStagePipeline(name: string, executionMode: "PARALLEL" | "QUEUED"): PipelineDeclaration {
  const action = (
    n: string,
    category: string,
    provider: string,
    config: Record<string, string>,
    input?: string,
    output?: string,
  ) => ({
    name: n,
    actionTypeId: { category, owner: "AWS", provider, version: "1" },
    configuration: config,
    ...(input ? { inputArtifacts: [{ name: input }] } : {}),
    ...(output ? { outputArtifacts: [{ name: output }] } : {}),
  });
  return {
    name,
    pipelineType: "V2",
    executionMode,
    roleArn: "arn:aws:iam::123456789012:role/bench",
    artifactStore: { type: "S3", location: "bench-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          action(
            "Checkout",
            "Source",
            "CodeCommit",
            { RepositoryName: "r", BranchName: "main" },
            undefined,
            "Src",
          ),
        ],
      },
      {
        name: "Build",
        actions: [action("Compile", "Build", "CodeBuild", { ProjectName: "b" }, "Src", "Bin")],
      },
      {
        name: "Test",
        actions: [
          action("Unit", "Test", "CodeBuild", { ProjectName: "u" }, "Bin"),
          action("Lint", "Test", "CodeBuild", { ProjectName: "l" }, "Src"),
        ],
      },
      {
        name: "Staging",
        actions: [action("DeployStaging", "Deploy", "S3", { BucketName: "stg", Extract: "true" }, "Bin")],
      },
      {
        name: "Production",
        actions: [action("DeployProd", "Deploy", "S3", { BucketName: "prd", Extract: "true" }, "Bin")],
      },
    ],
  } as PipelineDeclaration;
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** Problems with a finished history; empty when every run is complete and well ordered. */
function checkHistory(
  ids: string[],
  summaries: PipelineExecutionSummary[],
  details: ActionExecutionDetail[],
  exclusiveStages: boolean,
): string[] {
  const problems: string[] = [];
  for (const id of ids) {
    const summary = summaries.find((s) => s.pipelineExecutionId === id);
    if (summary?.status !== "Succeeded") problems.push(`${id}: status ${summary?.status}`);
    const mine = details.filter((d) => d.pipelineExecutionId === id);
    if (mine.length !== 6) problems.push(`${id}: ${mine.length} action executions, expected 6`);
    let previousEnd = summary?.startTime?.getTime() ?? 0;
    for (const stage of STAGES) {
      const actions = mine.filter((d) => d.stageName === stage);
      const start = Math.min(...actions.map((d) => d.startTime?.getTime() ?? NaN));
      const end = Math.max(...actions.map((d) => d.lastUpdateTime?.getTime() ?? NaN));
      if (!(start >= previousEnd)) problems.push(`${id}: ${stage} started before the previous stage ended`);
      if (actions.some((d) => d.status !== "Succeeded"))
        problems.push(`${id}: ${stage} has unfinished actions`);
      previousEnd = end;
    }
  }
  if (exclusiveStages) {
    // QUEUED: no two runs in one stage at the same time.
    for (const stage of STAGES) {
      const spans = ids
        .map((id) => details.filter((d) => d.pipelineExecutionId === id && d.stageName === stage))
        .map(
          (ds) =>
            [
              Math.min(...ds.map((d) => d.startTime?.getTime() ?? 0)),
              Math.max(...ds.map((d) => d.lastUpdateTime?.getTime() ?? 0)),
            ] as const,
        )
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) {
        if ((spans[i]?.[0] ?? 0) < (spans[i - 1]?.[1] ?? 0)) problems.push(`${stage}: two runs overlap`);
      }
    }
  }
  return problems;
}

async function concurrentRuns(client: CodePipelineClient, mode: "PARALLEL" | "QUEUED"): Promise<void> {
  const name = `bench-${mode.toLowerCase()}`;
  await client.send(new CreatePipelineCommand({ pipeline: fiveStagePipeline(name, mode) }));
  const started = performance.now();
  const ids = await Promise.all(
    Array.from(
      { length: RUNS },
      async () => (await client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId ?? "",
    ),
  );
  for (;;) {
    const pages = await collect(paginateListPipelineExecutions({ client }, { pipelineName: name }));
    const summaries = pages.flatMap((p) => p.pipelineExecutionSummaries ?? []);
    if (summaries.every((s) => s.status !== "InProgress")) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const wall = performance.now() - started;
  const summaries = (
    await collect(paginateListPipelineExecutions({ client }, { pipelineName: name }))
  ).flatMap((p) => p.pipelineExecutionSummaries ?? []);
  const details = (await collect(paginateListActionExecutions({ client }, { pipelineName: name }))).flatMap(
    (p) => p.actionExecutionDetails ?? [],
  );
  const problems = checkHistory(ids, summaries, details, mode === "QUEUED");
  console.log(
    `  ${RUNS} runs at once, 5 stages, ${mode}: all finished in ${wall.toFixed(0)} ms wall; ` +
      `${details.length} action executions; history ${problems.length === 0 ? "consistent" : `INCONSISTENT (${problems.length} problems)`}`,
  );
  for (const problem of problems.slice(0, 5)) console.log(`    ${problem}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function latency(client: CodePipelineClient, concurrency: number, where: string): Promise<void> {
  const name = `bench-latency-${concurrency}`;
  await client.send(new CreatePipelineCommand({ pipeline: fiveStagePipeline(name, "PARALLEL") }));
  const executionIds = [
    (await client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId ?? "",
  ];
  const mix: (() => Promise<unknown>)[] = [
    () => client.send(new GetPipelineStateCommand({ name })),
    () => client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 25 })),
    () => client.send(new ListActionExecutionsCommand({ pipelineName: name, maxResults: 50 })),
    () =>
      client.send(
        new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: executionIds[0] }),
      ),
    () => client.send(new GetPipelineCommand({ name })),
    () => client.send(new ListPipelinesCommand({})),
    async () =>
      executionIds.push(
        (await client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId ?? "",
      ),
  ];
  const measure = async (count: number): Promise<number[]> => {
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const call = mix[next++ % mix.length];
          const t = performance.now();
          await call?.();
          times.push(performance.now() - t);
        }
      }),
    );
    return times.sort((a, b) => a - b);
  };
  await measure(WARM_UP); // JIT and connection warm-up, not counted
  const times = await measure(REQUESTS);
  const p99 = percentile(times, 99);
  console.log(
    `  API latency, ${where}, ${REQUESTS} mixed requests (7 operations, ${concurrency} in flight, runs in progress): ` +
      `p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, ` +
      `p99 ${p99.toFixed(2)} ms, max ${(times[times.length - 1] ?? NaN).toFixed(2)} ms (target p99 < 10 ms: ${p99 < 10 ? "met" : "MISSED"})`,
  );
  record({
    name: `sandbox API p99, ${where}, ${concurrency} in flight`,
    value: p99,
    unit: "ms",
    target: "< 10 ms",
    met: atMost(p99, 10 - 1e-9),
    method: `client-side latency through the SDK of ${REQUESTS} mixed requests (7 operations) after ${WARM_UP} warm-up, runs in progress`,
  });
}

function clientFor(endpoint: string): CodePipelineClient {
  return new CodePipelineClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "y" },
    maxAttempts: 1,
  });
}

async function withSandbox(
  speed: number,
  body: (client: CodePipelineClient) => Promise<void>,
): Promise<void> {
  const sandbox = await startSandbox({ speed, log: (m) => console.error(m) });
  const client = clientFor(sandbox.endpoint);
  try {
    await body(client);
  } finally {
    client.destroy();
    await sandbox.close();
  }
}

/** `pipewright sandbox` in its own process, as a user runs it: the server gets its own thread. */
async function withSandboxProcess(
  speed: number,
  body: (client: CodePipelineClient) => Promise<void>,
): Promise<void> {
  const command = fileURLToPath(new URL("../../main/sandbox/cli-command.ts", import.meta.url));
  const script = `const { runSandboxCommand } = await import(${JSON.stringify(command)});
process.exitCode = await runSandboxCommand(["--speed", "${speed}"]);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Sandbox endpoint: (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`sandbox process exited with ${code}`)));
  });
  const client = clientFor(endpoint);
  try {
    await body(client);
  } finally {
    client.destroy();
    child.kill("SIGTERM");
    await exited;
  }
}

export async function runSandboxBench(): Promise<void> {
  console.log("sandbox (client-side latency through the real SDK, so it includes the SDK's own time)");
  // Runs: as fast as the engine goes, to stress ordering.
  await withSandbox(20_000, async (client) => {
    await concurrentRuns(client, "PARALLEL");
    await concurrentRuns(client, "QUEUED");
  });
  // Latency: runs progress at 1000x (a 60 s build takes 60 ms) while requests are measured.
  // Embedded (as the app runs it: client and server share one thread) and standalone.
  await withSandbox(1_000, async (client) => {
    await latency(client, 1, "embedded");
    await latency(client, 8, "embedded");
  });
  await withSandboxProcess(1_000, async (client) => {
    await latency(client, 1, "own process");
    await latency(client, 8, "own process");
  });
}
