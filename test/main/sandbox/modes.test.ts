import {
  CreatePipelineCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  paginateListActionExecutions,
  paginateListPipelineExecutions,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox";
import { threeStagePipeline } from "./fixtures";
import { openHarness, type Harness } from "./harness";

const sdk = (p: unknown): SdkPipeline => p as SdkPipeline;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Observed {
  status: Record<string, string>;
  buildStarts: Record<string, number>;
}

/**
 * Lets the create run finish, then starts runs A, B and C back to back and lets everything
 * settle; reports each run's final status and when its Build action started (seconds after A).
 */
async function threeRuns(mode: "QUEUED" | "SUPERSEDED" | "PARALLEL"): Promise<Observed> {
  const clock = new ManualClock();
  h = await openHarness({ clock });
  const name = `mode-${mode.toLowerCase()}`;
  await h.client.send(
    new CreatePipelineCommand({ pipeline: sdk(threeStagePipeline({ name, executionMode: mode })) }),
  );
  clock.advance(200_000);
  const t0 = clock.now();
  const ids: Record<string, string> = {};
  for (const label of ["A", "B", "C"]) {
    const started = await h.client.send(new StartPipelineExecutionCommand({ name }));
    ids[label] = started.pipelineExecutionId ?? "";
  }
  clock.advance(1_000_000);
  const summaries =
    (await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: name })))
      .pipelineExecutionSummaries ?? [];
  const details =
    (await h.client.send(new ListActionExecutionsCommand({ pipelineName: name }))).actionExecutionDetails ??
    [];
  const observed: Observed = { status: {}, buildStarts: {} };
  for (const [label, id] of Object.entries(ids)) {
    const summary = summaries.find((s) => s.pipelineExecutionId === id);
    expect(summary?.executionMode).toBe(mode);
    observed.status[label] = summary?.status ?? "missing";
    const build = details.find((d) => d.pipelineExecutionId === id && d.actionName === "Compile");
    if (build?.startTime) observed.buildStarts[label] = (build.startTime.getTime() - t0) / 1000;
  }
  return observed;
}

describe("execution modes", () => {
  it("SUPERSEDED: a newer run replaces an older one waiting before a stage", async () => {
    expect(await threeRuns("SUPERSEDED")).toEqual({
      status: { A: "Succeeded", B: "Superseded", C: "Succeeded" },
      buildStarts: { A: 4, C: 64 },
    });
  });

  it("QUEUED: every run completes, one at a time per stage, in start order", async () => {
    expect(await threeRuns("QUEUED")).toEqual({
      status: { A: "Succeeded", B: "Succeeded", C: "Succeeded" },
      buildStarts: { A: 4, B: 64, C: 124 },
    });
  });

  it("PARALLEL: runs do not wait for each other", async () => {
    expect(await threeRuns("PARALLEL")).toEqual({
      status: { A: "Succeeded", B: "Succeeded", C: "Succeeded" },
      buildStarts: { A: 4, B: 4, C: 4 },
    });
  });
});

describe("pagination", () => {
  it("pages through 250 executions with nextToken and maxResults, newest first, none twice", async () => {
    const clock = new ManualClock();
    h = await openHarness({
      clock,
      scenario: {
        defaults: {
          Source: { durationSeconds: 0 },
          Build: { durationSeconds: 0 },
          Deploy: { durationSeconds: 0 },
        },
      },
    });
    await h.client.send(
      new CreatePipelineCommand({
        pipeline: sdk(threeStagePipeline({ name: "many", executionMode: "PARALLEL" })),
      }),
    );
    const started: string[] = [];
    for (let i = 0; i < 250; i++) {
      started.push(
        (await h.client.send(new StartPipelineExecutionCommand({ name: "many" }))).pipelineExecutionId ?? "",
      );
      clock.advance(1_000);
    }
    const seen: string[] = [];
    const pageSizes: number[] = [];
    for await (const page of paginateListPipelineExecutions(
      { client: h.client, pageSize: 100 },
      { pipelineName: "many" },
    )) {
      pageSizes.push(page.pipelineExecutionSummaries?.length ?? 0);
      seen.push(...(page.pipelineExecutionSummaries ?? []).map((s) => s.pipelineExecutionId ?? ""));
    }
    expect(pageSizes).toEqual([100, 100, 51]);
    expect(new Set(seen).size).toBe(251);
    expect(seen.slice(0, 250)).toEqual([...started].reverse());

    // A run started mid-listing neither repeats nor hides items on the following pages.
    const first = await h.client.send(
      new ListPipelineExecutionsCommand({ pipelineName: "many", maxResults: 7 }),
    );
    await h.client.send(new StartPipelineExecutionCommand({ name: "many" }));
    const second = await h.client.send(
      new ListPipelineExecutionsCommand({ pipelineName: "many", maxResults: 7, nextToken: first.nextToken }),
    );
    expect(second.pipelineExecutionSummaries?.map((s) => s.pipelineExecutionId)).toEqual(seen.slice(7, 14));

    let actionCount = 0;
    for await (const page of paginateListActionExecutions(
      { client: h.client, pageSize: 100 },
      { pipelineName: "many", filter: { pipelineExecutionId: started[0] } },
    )) {
      actionCount += page.actionExecutionDetails?.length ?? 0;
    }
    expect(actionCount).toBe(3);
  });
});
