/**
 * The kill -9 loop: writers change a sandbox in its own process concurrently; the process is
 * killed at a random moment; it is started again on the same data directory and every write that
 * was acknowledged (answered 200) must be there. Used by durability.test.ts (short) and the store
 * bench (full size).
 */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  StartPipelineExecutionCommand,
  TagResourceCommand,
  UpdatePipelineCommand,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { spawn, type ChildProcess } from "node:child_process";
import { buildSync } from "esbuild";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { threeStagePipeline } from "./fixtures";

const ENTRY = join(import.meta.dirname, "durable-entry.ts");

/**
 * The entry bundled once into plain JavaScript, so each restart costs Node's start-up and the
 * sandbox's, not a TypeScript compile.
 */
function bundle(): string {
  const outfile = join(mkdtempSync(join(tmpdir(), "pipewright-kill-")), "durable-entry.mjs");
  buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: "error",
  });
  return outfile;
}

/** What a restarted sandbox must show, each learnt from a 200 answer. */
interface Acknowledged {
  pipelines: Map<string, { arn: string; version: number; tags: Map<string, string> }>;
  executions: { pipeline: string; id: string }[];
  deleted: Set<string>;
}

export interface KillLoopResult {
  kills: number;
  acknowledgedWrites: number;
  lost: string[];
  /** Milliseconds from opening the data directory to serving, per restart (Node's start-up apart). */
  restartMs: number[];
  /** Wall milliseconds spent checking the acknowledged writes, per restart. */
  checkMs: number[];
  problems: string[];
}

interface Running {
  child: ChildProcess;
  client: CodePipelineClient;
  exited: Promise<void>;
}

async function start(entry: string, dataDir: string, restartMs: number[]): Promise<Running> {
  const child = spawn(process.execPath, [entry, dataDir], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Sandbox endpoint: (\S+) \(ready in ([\d.]+) ms\)/.exec(out);
      if (match?.[1]) {
        restartMs.push(Number(match[2]));
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`the sandbox did not start (exit ${code}): ${err}`)));
  });
  const client = new CodePipelineClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "y" },
    maxAttempts: 1,
  });
  return { child, client, exited };
}

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;

/** One writer: a stream of different writes, recording each one answered. */
async function writer(
  id: number,
  client: CodePipelineClient,
  ack: Acknowledged,
  stop: () => boolean,
): Promise<number> {
  let count = 0;
  for (let n = 0; !stop(); n++) {
    const name = `w${id}-${Date.now().toString(36)}-${n}`;
    const mine = [...ack.pipelines.keys()].filter((p) => p.startsWith(`w${id}-`));
    const existing = mine[n % Math.max(1, mine.length)];
    try {
      switch (existing === undefined ? 0 : n % 5) {
        case 0: {
          const out = await client.send(
            new CreatePipelineCommand({
              pipeline: sdk(threeStagePipeline({ name })),
              tags: [{ key: "made", value: name }],
            }),
          );
          ack.pipelines.set(name, {
            arn: `arn:aws:codepipeline:us-east-1:123456789012:${name}`,
            version: out.pipeline?.version ?? 1,
            tags: new Map([["made", name]]),
          });
          break;
        }
        case 1: {
          const out = await client.send(
            new StartPipelineExecutionCommand({ name: existing, clientRequestToken: name }),
          );
          ack.executions.push({ pipeline: existing as string, id: out.pipelineExecutionId ?? "" });
          break;
        }
        case 2: {
          const known = ack.pipelines.get(existing as string);
          await client.send(
            new TagResourceCommand({ resourceArn: known?.arn, tags: [{ key: name, value: name }] }),
          );
          known?.tags.set(name, name); // a key never written before: an unanswered write cannot overwrite an answered one
          break;
        }
        case 3: {
          const out = await client.send(
            new UpdatePipelineCommand({
              pipeline: sdk(threeStagePipeline({ name: existing as string, groups: n % 2 === 0 })),
            }),
          );
          const known = ack.pipelines.get(existing as string);
          if (known) known.version = Math.max(known.version, out.pipeline?.version ?? 0);
          break;
        }
        default: {
          const doomed = `${name}-gone`;
          await client.send(
            new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: doomed })) }),
          );
          await client.send(new DeletePipelineCommand({ name: doomed }));
          ack.deleted.add(doomed);
        }
      }
      count += 1;
    } catch {
      // No answer (the process was killed) or a refusal: not acknowledged, so nothing is owed.
    }
  }
  return count;
}

/** Everything acknowledged must be visible; returns what is missing. */
async function check(client: CodePipelineClient, ack: Acknowledged): Promise<string[]> {
  const lost: string[] = [];
  const listed = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListPipelinesCommand({ nextToken }));
    for (const p of page.pipelines ?? []) listed.add(p.name ?? "");
    nextToken = page.nextToken;
  } while (nextToken);
  for (const [name, known] of ack.pipelines) {
    if (!listed.has(name)) {
      lost.push(`pipeline ${name}`);
      continue;
    }
    const got = await client.send(new GetPipelineCommand({ name }));
    if ((got.pipeline?.version ?? 0) < known.version) lost.push(`version ${known.version} of ${name}`);
    const tags = (await client.send(new ListTagsForResourceCommand({ resourceArn: known.arn }))).tags ?? [];
    for (const [key, value] of known.tags) {
      if (!tags.some((t) => t.key === key && t.value === value)) lost.push(`tag ${key} of ${name}`);
    }
  }
  for (const { pipeline, id } of ack.executions) {
    try {
      await client.send(new GetPipelineExecutionCommand({ pipelineName: pipeline, pipelineExecutionId: id }));
    } catch {
      lost.push(`execution ${id} of ${pipeline}`);
    }
  }
  for (const name of ack.deleted) if (listed.has(name)) lost.push(`deletion of ${name}`);
  return lost;
}

export async function runKillLoop(options: {
  dataDir: string;
  kills: number;
  writers: number;
}): Promise<KillLoopResult> {
  const ack: Acknowledged = { pipelines: new Map(), executions: [], deleted: new Set() };
  const result: KillLoopResult = {
    kills: 0,
    acknowledgedWrites: 0,
    lost: [],
    restartMs: [],
    checkMs: [],
    problems: [],
  };
  const entry = bundle();
  let running = await start(entry, options.dataDir, result.restartMs);
  result.restartMs.length = 0; // the first start is not a restart
  for (let round = 0; round < options.kills; round++) {
    let stopped = false;
    const writers = Array.from({ length: options.writers }, (_, i) =>
      writer(i, running.client, ack, () => stopped),
    );
    // A random moment while writes are in flight.
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 350));
    running.child.kill("SIGKILL");
    await running.exited;
    stopped = true;
    result.acknowledgedWrites += (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    running.client.destroy();
    result.kills += 1;
    try {
      running = await start(entry, options.dataDir, result.restartMs);
    } catch (error) {
      result.problems.push(`restart ${round + 1}: ${(error as Error).message}`);
      return result;
    }
    // The new process may be writing its own snapshot right now; a leftover is one nobody writes.
    const own = `.tmp-${running.child.pid}`;
    const leftovers = readdirSync(options.dataDir).filter((f) => f.includes(".tmp-") && !f.endsWith(own));
    if (leftovers.length > 0) {
      result.problems.push(`temp files after restart ${round + 1}: ${leftovers.join(", ")}`);
    }
    const checking = performance.now();
    result.lost.push(...(await check(running.client, ack)).map((l) => `after kill ${round + 1}: ${l}`));
    result.checkMs.push(performance.now() - checking);
  }
  running.child.kill("SIGTERM");
  await running.exited;
  running.client.destroy();
  const leftovers = readdirSync(options.dataDir).filter((f) => f.includes(".tmp-"));
  if (leftovers.length > 0) result.problems.push(`temp files after a clean stop: ${leftovers.join(", ")}`);
  rmSync(dirname(entry), { recursive: true, force: true });
  return result;
}
