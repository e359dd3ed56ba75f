import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreatePipelineCommand,
  DisableStageTransitionCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  StartPipelineExecutionCommand,
  UpdatePipelineCommand,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock, startSandbox } from "../../../main/sandbox";
import { threeStagePipeline } from "./fixtures";
import { openHarness, waitForExecution, type Harness } from "./harness";

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;
let dataDir: string;
let h: Harness | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "pipewright-sandbox-"));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("persistence", () => {
  it("reloads pipelines, versions, tags, transitions and run history after a restart", async () => {
    h = await openHarness({ dataDir });
    await h.client.send(
      new CreatePipelineCommand({
        pipeline: sdk(threeStagePipeline({ name: "kept" })),
        tags: [{ key: "team", value: "web" }],
      }),
    );
    const first =
      (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "kept" })))
        .pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
    await waitForExecution(h.client, "kept", first, ["Succeeded"]);
    await h.client.send(
      new UpdatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "kept", groups: true })) }),
    );
    const second =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "kept" }))).pipelineExecutionId ?? "";
    await waitForExecution(h.client, "kept", second, ["Succeeded"]);
    await h.client.send(
      new DisableStageTransitionCommand({
        pipelineName: "kept",
        stageName: "Deploy",
        transitionType: "Inbound",
        reason: "freeze",
      }),
    );
    const before = await h.client.send(new ListActionExecutionsCommand({ pipelineName: "kept" }));
    const historyBefore = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "kept" }));
    await h.close();
    expect(existsSync(join(dataDir, "state.json"))).toBe(true);
    expect(readdirSync(dataDir).filter((f) => f.includes(".tmp-"))).toEqual([]);

    h = await openHarness({ dataDir });
    const got = await h.client.send(new GetPipelineCommand({ name: "kept" }));
    expect(got.pipeline?.version).toBe(2);
    expect(
      (await h.client.send(new GetPipelineCommand({ name: "kept", version: 1 }))).pipeline?.version,
    ).toBe(1);
    const tags = await h.client.send(
      new ListTagsForResourceCommand({ resourceArn: got.metadata?.pipelineArn }),
    );
    expect(tags.tags).toEqual([{ key: "team", value: "web" }]);
    expect(await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "kept" }))).toMatchObject({
      pipelineExecutionSummaries: historyBefore.pipelineExecutionSummaries,
    });
    const after = await h.client.send(new ListActionExecutionsCommand({ pipelineName: "kept" }));
    expect(after.actionExecutionDetails).toEqual(before.actionExecutionDetails);
    const state = await h.client.send(new GetPipelineStateCommand({ name: "kept" }));
    expect(state.stageStates?.[2]?.inboundTransitionState).toMatchObject({
      enabled: false,
      disabledReason: "freeze",
    });
    // History keeps going: a new run after the restart starts later than everything before it.
    const third =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "kept" }))).pipelineExecutionId ?? "";
    const latest = (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "kept" })))
      .pipelineExecutionSummaries?.[0];
    expect(latest?.pipelineExecutionId).toBe(third);
    const lastBefore = Math.max(
      ...(historyBefore.pipelineExecutionSummaries ?? []).map((s) => s.lastUpdateTime?.getTime() ?? 0),
    );
    expect(latest?.startTime?.getTime()).toBeGreaterThanOrEqual(lastBefore);
  });

  it("marks runs that were in progress at shutdown as Stopped, with the reason", async () => {
    const clock = new ManualClock();
    h = await openHarness({ dataDir, clock });
    await h.client.send(
      new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "interrupted" })) }),
    );
    clock.advance(10_000);
    const id =
      (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "interrupted" })))
        .pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
    await h.close();
    const notes: string[] = [];
    h = await openHarness({ dataDir, log: (m) => notes.push(m) });
    expect(notes.join("\n")).toMatch(/1 run\(s\) were in progress .* now marked Stopped/);
    const run = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "interrupted", pipelineExecutionId: id }),
    );
    expect(run.pipelineExecution?.status).toBe("Stopped");
    const summary = (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "interrupted" })))
      .pipelineExecutionSummaries?.[0];
    expect(summary?.stopTrigger?.reason).toMatch(/restarted/);
    const actions = await h.client.send(new ListActionExecutionsCommand({ pipelineName: "interrupted" }));
    expect(actions.actionExecutionDetails?.map((d) => `${d.actionName}:${d.status}`)).toEqual([
      "Compile:Abandoned",
      "Checkout:Succeeded",
    ]);
    const next =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "interrupted" }))).pipelineExecutionId ??
      "";
    await waitForExecution(h.client, "interrupted", next, ["Succeeded"]);
  });

  it("moves a corrupt state file aside with a clear message and never overwrites it", async () => {
    const corrupt = '{"format": 1, "state": {"pipelines": [ {"name": "half-writ';
    writeFileSync(join(dataDir, "state.json"), corrupt);
    const notes: string[] = [];
    h = await openHarness({ dataDir, log: (m) => notes.push(m) });
    const aside = readdirSync(dataDir).filter((f) => f.startsWith("state.json.corrupt-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0] ?? ""), "utf8")).toBe(corrupt);
    expect(notes.join("\n")).toContain(`unreadable and has been moved aside`);
    expect(notes.join("\n")).toContain(aside[0]);
    expect(h.sandbox.notes).toEqual(notes);
    expect((await h.client.send(new ListPipelinesCommand({}))).pipelines).toEqual([]);
    await h.client.send(new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name: "fresh" })) }));
    await h.sandbox.flush();
    expect(
      JSON.parse(readFileSync(join(dataDir, "state.json"), "utf8")).partitions[0].state.pipelines[0].name,
    ).toBe("fresh");
    expect(readFileSync(join(dataDir, aside[0] ?? ""), "utf8")).toBe(corrupt);

    // Valid JSON of the wrong shape is corrupt too.
    await h.close();
    writeFileSync(join(dataDir, "state.json"), JSON.stringify({ format: 1, state: { pipelines: "nope" } }));
    h = await openHarness({ dataDir });
    expect(readdirSync(dataDir).filter((f) => f.startsWith("state.json.corrupt-"))).toHaveLength(2);
  });
  it("refuses a second sandbox on the same data directory, and takes over a stale lock", async () => {
    h = await openHarness({ dataDir });
    await expect(startSandbox({ dataDir, log: () => {} })).rejects.toThrow(
      /Another sandbox \(process \d+\) is using this data directory/,
    );
    await h.close();
    h = undefined;
    // A lock left by a process that no longer exists (pid far above any live one) is stale.
    writeFileSync(join(dataDir, "sandbox.lock"), "999999999");
    h = await openHarness({ dataDir });
    expect(readFileSync(join(dataDir, "sandbox.lock"), "utf8")).toBe(String(process.pid));
    await h.close();
    h = undefined;
    expect(existsSync(join(dataDir, "sandbox.lock"))).toBe(false);
  });
});
