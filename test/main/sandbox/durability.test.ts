import {
  CreatePipelineCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  StartPipelineExecutionCommand,
  TagResourceCommand,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox";
import { threeStagePipeline } from "./fixtures";
import { openHarness, waitForExecution, type Harness } from "./harness";
import { runKillLoop } from "./kill-loop";

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;
let dataDir: string;
let h: Harness | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "pipewright-durable-"));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const segments = (): string[] => readdirSync(dataDir).filter((f) => /^wal-\d{8}\.log$/.test(f));

describe("kill -9 at random moments under concurrent writes", () => {
  it("never loses an acknowledged change, always restarts and leaves no temp files", async () => {
    const result = await runKillLoop({ dataDir, kills: 10, writers: 4 });
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(10);
    expect(result.lost.join("\n")).toBe("");
    // The loop proves something only if writes were acknowledged between kills.
    expect(result.acknowledgedWrites).toBeGreaterThan(10);
  }, 240_000);
});

describe("the write-ahead log", () => {
  it("answers a write only once its commit is in the log, and replays the log on start", async () => {
    h = await openHarness({ dataDir });
    await h.client.send(
      new CreatePipelineCommand({
        pipeline: sdk(threeStagePipeline({ name: "logged" })),
        tags: [{ key: "k", value: "v" }],
      }),
    );
    // Answered, so already on disk: a commit line names the pipeline before any snapshot exists.
    expect(existsSync(join(dataDir, "state.json"))).toBe(false);
    const log = segments()
      .map((f) => readFileSync(join(dataDir, f), "utf8"))
      .join("");
    expect(log).toMatch(/^[0-9a-f]{8} \{"c":1,/);
    expect(log).toContain('"n":"logged"');
  });

  it("takes snapshots as the log grows and restarts from snapshot plus log", async () => {
    const clock = new ManualClock();
    h = await openHarness({ dataDir, clock, compactBytes: 16 * 1024 });
    await h.client.send(
      new CreatePipelineCommand({
        pipeline: sdk(threeStagePipeline({ name: "busy", executionMode: "PARALLEL" })),
      }),
    );
    for (let i = 0; i < 40; i++) {
      await h.client.send(new StartPipelineExecutionCommand({ name: "busy" }));
      clock.advance(200_000);
    }
    expect(h.sandbox.storage.snapshots).toBeGreaterThan(0);
    const before = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "busy" }));
    await h.close();
    h = await openHarness({ dataDir });
    const after = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "busy" }));
    expect(after.pipelineExecutionSummaries?.map((s) => [s.pipelineExecutionId, s.status])).toEqual(
      before.pipelineExecutionSummaries?.map((s) => [s.pipelineExecutionId, s.status]),
    );
  });

  it("cuts off a line torn by a crash without a word, and keeps the commits before it", async () => {
    h = await openHarness({ dataDir });
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "whole" })) }));
    const [segment] = segments();
    // Simulate the process dying in the middle of writing the next commit.
    const notes: string[] = [];
    const path = join(dataDir, segment ?? "");
    const intact = readFileSync(path);
    await closeWithoutSnapshot();
    writeFileSync(path, intact);
    appendFileSync(path, '0badc0de {"c":99,"k":0,"o":[{"t":"pipe"');
    h = await openHarness({ dataDir, log: (m) => notes.push(m) });
    // Only the note every crash gets: the run that was in progress is now Stopped.
    expect(notes).toEqual([expect.stringMatching(/^1 run\(s\) were in progress/)]);
    expect((await h.client.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual([
      "whole",
    ]);
    expect(readFileSync(path)).toEqual(intact);
  });

  it("sets a damaged log aside with a message, keeping what came before the damage", async () => {
    h = await openHarness({ dataDir });
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "first" })) }));
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "second" })) }));
    // A third commit, so the damaged second line always has an intact one after it, however the
    // runs' own changes were grouped into commits on a loaded machine.
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "third" })) }));
    const [segment] = segments();
    const path = join(dataDir, segment ?? "");
    const intact = readFileSync(path, "utf8");
    await closeWithoutSnapshot();
    const lines = intact.split("\n");
    // Damage the second commit's checksum: a bad line with an intact one after it is not a torn write.
    lines[1] = `ffffffff${(lines[1] ?? "").slice(8)}`;
    writeFileSync(path, `${lines.join("\n")}`);
    const notes: string[] = [];
    h = await openHarness({ dataDir, log: (m) => notes.push(m) });
    expect(notes.join("\n")).toMatch(/write-ahead log is damaged .* kept as: .*wal-\d{8}\.log\.corrupt-/);
    expect((await h.client.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual([
      "first",
    ]);
    const aside = readdirSync(dataDir).filter((f) => f.includes(".corrupt-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0] ?? ""), "utf8")).toBe(lines.join("\n"));
  });

  /** Stops the sandbox as a crash would leave it: log only, no final snapshot. */
  async function closeWithoutSnapshot(): Promise<void> {
    const log = Object.fromEntries(segments().map((f) => [f, readFileSync(join(dataDir, f))]));
    await h?.close();
    h = undefined;
    for (const name of readdirSync(dataDir)) rmSync(join(dataDir, name));
    for (const [name, content] of Object.entries(log)) writeFileSync(join(dataDir, name), content);
  }
});

describe("the state's schema version", () => {
  it("sets a newer schema aside with a message and never overwrites it", async () => {
    const newer = JSON.stringify({ schemaVersion: 99, generation: 3, partitions: "from the future" });
    writeFileSync(join(dataDir, "state.json"), newer);
    writeFileSync(join(dataDir, "wal-00000003.log"), "future log\n");
    const notes: string[] = [];
    h = await openHarness({ dataDir, log: (m) => notes.push(m) });
    expect(notes.join("\n")).toMatch(
      /written by a newer Pipewright \(schema version 99; this one reads up to 2\)/,
    );
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "fresh" })) }));
    await h.close();
    h = undefined;
    const aside = readdirSync(dataDir).filter((f) => f.includes(".newer-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0] ?? ""), "utf8")).toBe(newer);
    const log = readdirSync(dataDir).filter((f) => f.startsWith("wal-00000003.log.set-aside-"));
    expect(readFileSync(join(dataDir, log[0] ?? ""), "utf8")).toBe("future log\n");
  });

  it("migrates a format-1 state file, keeping the original beside it", async () => {
    h = await openHarness({ dataDir });
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "old" })) }));
    await h.close();
    h = undefined;
    const current = JSON.parse(readFileSync(join(dataDir, "state.json"), "utf8")) as {
      schemaVersion: number;
      clockMs: number;
      partitions: { state: Record<string, unknown> }[];
    };
    expect(current.schemaVersion).toBe(2);
    const formatOne = JSON.stringify({
      format: 1,
      state: { ...current.partitions[0]?.state, clockMs: current.clockMs },
    });
    writeFileSync(join(dataDir, "state.json"), formatOne);
    const notes: string[] = [];
    h = await openHarness({ dataDir, log: (m) => notes.push(m) });
    expect(notes.join("\n")).toMatch(/older format \(format 1\) and has been migrated to schema version 2/);
    expect((await h.client.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual([
      "old",
    ]);
    const kept = readdirSync(dataDir).filter((f) => f.startsWith("state.json.format1-"));
    expect(readFileSync(join(dataDir, kept[0] ?? ""), "utf8")).toBe(formatOne);
    expect(JSON.parse(readFileSync(join(dataDir, "state.json"), "utf8")).schemaVersion).toBe(2);
  });
});

describe("history bounds", () => {
  it("keeps at most --max-history runs per pipeline, dropping the oldest with their action runs", async () => {
    h = await openHarness({ maxHistory: 5 });
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "capped" })) }));
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id =
        (await h.client.send(new StartPipelineExecutionCommand({ name: "capped" }))).pipelineExecutionId ??
        "";
      await waitForExecution(h.client, "capped", id, ["Succeeded"]);
      ids.push(id);
    }
    await h.sandbox.flush();
    const listed = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "capped" }));
    expect(listed.pipelineExecutionSummaries?.map((s) => s.pipelineExecutionId)).toEqual(
      ids.slice(-5).reverse(),
    );
  });

  it("drops runs that started more than 12 months ago, even in a pipeline nobody touches", async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 15));
    h = await openHarness({ clock, dataDir });
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "aging" })) }));
    clock.advance(3_600_000);
    const old = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "aging" }));
    expect(old.pipelineExecutionSummaries?.[0]?.status).toBe("Succeeded");
    clock.advance(200 * 86_400_000);
    const recent = (await h.client.send(new StartPipelineExecutionCommand({ name: "aging" })))
      .pipelineExecutionId;
    clock.advance(3_600_000);
    // 2025-01-15 + 12 months has not passed yet: both runs are kept.
    await h.sandbox.flush();
    expect(
      (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "aging" })))
        .pipelineExecutionSummaries,
    ).toHaveLength(2);
    clock.advance(200 * 86_400_000);
    await h.sandbox.flush();
    const left = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "aging" }));
    expect(left.pipelineExecutionSummaries?.map((s) => s.pipelineExecutionId)).toEqual([recent]);
    // And the drop is durable.
    await h.close();
    h = await openHarness({ dataDir, clock: new ManualClock(clock.now()) });
    expect(
      (
        await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "aging" }))
      ).pipelineExecutionSummaries?.map((s) => s.pipelineExecutionId),
    ).toEqual([recent]);
    await h.client.send(
      new TagResourceCommand({
        resourceArn: "arn:aws:codepipeline:us-east-1:123456789012:aging",
        tags: [{ key: "a", value: "b" }],
      }),
    );
  });
});
