/**
 * Sandbox benchmark: 50 runs at once of a 5-stage pipeline (PARALLEL, then QUEUED) checked for
 * consistent histories, and client-side API latency (p50/p95/p99, reads and writes apart) over
 * 2,000 mixed requests while runs are in progress. Targets at 8 in flight: reads p99 < 10 ms;
 * writes, durable before the answer (group commit), p99 < 25 ms.
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
  TagResourceCommand,
  paginateListActionExecutions,
  paginateListPipelineExecutions,
  type ActionExecutionDetail,
  type PipelineDeclaration,
  type PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "../../main/sandbox";
import { atMost, record } from "./report";
import { benchClient, startSandboxProcess } from "./sandbox-process";

const RUNS = 50;
const REQUESTS = 2_000;
const WARM_UP = 200;
const STAGES = ["Source", "Build", "Test", "Staging", "Production"];

export function fiveStagePipeline(name: string, executionMode: "PARALLEL" | "QUEUED"): PipelineDeclaration {
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

/** How a bench request reaches the sandbox: through the SDK, or as bare AWS JSON over keep-alive HTTP. */
type Send = (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

function sdkSend(client: CodePipelineClient): Send {
  const commands: Record<string, new (input: never) => unknown> = {
    GetPipelineState: GetPipelineStateCommand,
    ListPipelineExecutions: ListPipelineExecutionsCommand,
    ListActionExecutions: ListActionExecutionsCommand,
    GetPipelineExecution: GetPipelineExecutionCommand,
    GetPipeline: GetPipelineCommand,
    ListPipelines: ListPipelinesCommand,
    StartPipelineExecution: StartPipelineExecutionCommand,
    TagResource: TagResourceCommand,
    CreatePipeline: CreatePipelineCommand,
  };
  return async (operation, input) => {
    const Command = commands[operation];
    if (!Command) throw new Error(`no command for ${operation}`);
    return (await client.send(new Command(input as never) as never)) as unknown as Record<string, unknown>;
  };
}

/** The sandbox's own latency: AWS JSON 1.1 over keep-alive HTTP, without the SDK's work. */
function rawSend(endpoint: string): Send {
  return async (operation, input) => {
    const response = await fetch(`${endpoint}/`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": `CodePipeline_20150709.${operation}`,
      },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) throw new Error(`${operation}: ${JSON.stringify(body)}`);
    return body;
  };
}

/**
 * 2,000 mixed requests (six reads, two writes) with `concurrency` in flight while runs progress,
 * p50/p95/p99 for reads and writes apart. Writes are answered only once durable when the sandbox
 * has a data directory (group commit).
 */
async function latency(send: Send, concurrency: number, where: string): Promise<void> {
  const name = `bench-latency-${concurrency}-${Math.random().toString(36).slice(2, 8)}`;
  const arn = `arn:aws:codepipeline:us-east-1:123456789012:${name}`;
  await send("CreatePipeline", { pipeline: fiveStagePipeline(name, "PARALLEL") });
  const executionIds = [String((await send("StartPipelineExecution", { name })).pipelineExecutionId)];
  let tag = 0;
  const mix: { write: boolean; call: () => Promise<unknown> }[] = [
    { write: false, call: () => send("GetPipelineState", { name }) },
    { write: false, call: () => send("ListPipelineExecutions", { pipelineName: name, maxResults: 25 }) },
    { write: false, call: () => send("ListActionExecutions", { pipelineName: name, maxResults: 50 }) },
    {
      write: false,
      call: () => send("GetPipelineExecution", { pipelineName: name, pipelineExecutionId: executionIds[0] }),
    },
    {
      write: true,
      call: async () =>
        executionIds.push(String((await send("StartPipelineExecution", { name })).pipelineExecutionId)),
    },
    { write: false, call: () => send("GetPipeline", { name }) },
    { write: false, call: () => send("ListPipelines", {}) },
    // Keys cycle through 40, under the 50-tag limit.
    {
      write: true,
      call: () =>
        send("TagResource", { resourceArn: arn, tags: [{ key: `k${tag++ % 40}`, value: String(tag) }] }),
    },
  ];
  const measure = async (count: number): Promise<{ reads: number[]; writes: number[] }> => {
    const reads: number[] = [];
    const writes: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const item = mix[next++ % mix.length];
          if (!item) continue;
          const t = performance.now();
          await item.call();
          (item.write ? writes : reads).push(performance.now() - t);
        }
      }),
    );
    return { reads: reads.sort((a, b) => a - b), writes: writes.sort((a, b) => a - b) };
  };
  await measure(WARM_UP); // JIT and connection warm-up, not counted
  const { reads, writes } = await measure(REQUESTS);
  const line = (label: string, times: number[], target: number): string => {
    const p99 = percentile(times, 99);
    return `${label} (${times.length}) p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (target < ${target} ms: ${p99 < target ? "met" : "MISSED"})`;
  };
  console.log(`  ${where}, ${REQUESTS} mixed requests, ${concurrency} in flight, runs in progress:`);
  console.log(`    ${line("reads", reads, 10)}`);
  console.log(`    ${line("writes", writes, 25)}`);
  for (const [kind, times, target] of [
    ["reads", reads, 10],
    ["writes", writes, 25],
  ] as const) {
    const p99 = percentile(times, 99);
    record({
      name: `sandbox API ${kind} p99, ${where}, ${concurrency} in flight`,
      value: p99,
      unit: "ms",
      target: `< ${target} ms`,
      met: atMost(p99, target - 1e-9),
      method: `client-side latency of the ${times.length} ${kind} among ${REQUESTS} mixed requests (6 reads, 2 writes) after ${WARM_UP} warm-up, runs in progress${where.includes("--data") ? "; writes answered once fsync'ed (group commit)" : ""}`,
    });
  }
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

export async function runSandboxBench(): Promise<void> {
  console.log(
    "sandbox (latency measured at the client; `SDK` includes the SDK's own time, `raw` is bare AWS JSON over keep-alive HTTP)",
  );
  // Runs: as fast as the engine goes, to stress ordering.
  await withSandbox(20_000, async (client) => {
    await concurrentRuns(client, "PARALLEL");
    await concurrentRuns(client, "QUEUED");
  });
  // Latency: runs progress at 1000x (a 60 s build takes 60 ms) while requests are measured.
  // Embedded (as the app runs it: client and server share one thread), memory only.
  await withSandbox(1_000, async (client) => {
    await latency(sdkSend(client), 8, "embedded, memory only, SDK");
  });
  // Standalone as `pipewright sandbox --data` runs: every write fsync'ed before its answer.
  const dataDir = mkdtempSync(join(tmpdir(), "pipewright-latency-"));
  try {
    const sandbox = await startSandboxProcess(["--speed", "1000", "--data", dataDir]);
    const client = benchClient(sandbox.endpoint);
    try {
      await latency(sdkSend(client), 1, "own process, --data (durable writes), SDK");
      await latency(sdkSend(client), 8, "own process, --data (durable writes), SDK");
      await latency(rawSend(sandbox.endpoint), 8, "own process, --data (durable writes), raw");
    } finally {
      client.destroy();
      await sandbox.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
