import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListRuleExecutionsCommand,
  OverrideStageConditionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type CodePipelineClient,
  type ListRuleExecutionsCommandInput,
  type RuleExecutionDetail,
} from "@aws-sdk/client-codepipeline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../main/sandbox";
import { validatePipeline } from "../../../shared/validate";
import { conditionPipeline, rule, variableCheck, when } from "./condition-fixtures";
import { openHarness, waitForExecution, type Harness } from "./harness";

let h: Harness | undefined;
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "pipewright-rules-"));
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const PRINCIPAL = "arn:aws:iam::123456789012:user/sandbox-user";

async function creationRun(client: CodePipelineClient, name: string): Promise<string> {
  const list = await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
  return list.pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
}

async function allPages(
  client: CodePipelineClient,
  input: ListRuleExecutionsCommandInput,
): Promise<{ pages: number; details: RuleExecutionDetail[] }> {
  const details: RuleExecutionDetail[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const out = await client.send(
      new ListRuleExecutionsCommand({ ...input, ...(nextToken ? { nextToken } : {}) }),
    );
    details.push(...(out.ruleExecutionDetails ?? []));
    nextToken = out.nextToken;
    pages += 1;
  } while (nextToken !== undefined);
  return { pages, details };
}

/** Deploy waits on an alarm rule the scenario makes slow, so a test can catch the check open. */
const slowAlarm = { conditionRules: [{ rule: "Alarm", durationSeconds: 600 }] };
function gatedPipeline(name: string) {
  const pipeline = conditionPipeline(name, {
    Build: {
      beforeEntry: {
        conditions: [when("SKIP", variableCheck("OnlyProd", "#{variables.TARGET}", "EQ", "prod"))],
      },
    },
    Deploy: {
      beforeEntry: { conditions: [when("FAIL", rule("Alarm", "CloudWatchAlarm", { AlarmName: "Errors" }))] },
    },
  });
  expect(validatePipeline(pipeline)).toEqual([]);
  return pipeline;
}

async function deployState(client: CodePipelineClient, name: string) {
  const state = await client.send(new GetPipelineStateCommand({ name }));
  return state.stageStates?.find((s) => s.stageName === "Deploy");
}

describe("ListRuleExecutions", () => {
  it("pages newest first with nextToken and maxResults, over the pipeline or one run", async () => {
    h = await openHarness();
    const rules = ["A", "B", "C", "D", "E"].map((n) => variableCheck(n, "#{variables.TARGET}", "NE", "none"));
    await h.client.send(
      new CreatePipelineCommand({
        pipeline: conditionPipeline("paged", {
          Deploy: { beforeEntry: { conditions: [when("FAIL", ...rules)] } },
        }),
      }),
    );
    const ids = [await creationRun(h.client, "paged")];
    await waitForExecution(h.client, "paged", ids[0] ?? "", ["Succeeded"]);
    for (let i = 0; i < 2; i++) {
      const id =
        (await h.client.send(new StartPipelineExecutionCommand({ name: "paged" }))).pipelineExecutionId ?? "";
      await waitForExecution(h.client, "paged", id, ["Succeeded"]);
      ids.push(id);
    }

    const whole = await h.client.send(new ListRuleExecutionsCommand({ pipelineName: "paged" }));
    expect(whole.nextToken).toBeUndefined();
    expect(whole.ruleExecutionDetails).toHaveLength(15);
    const paged = await allPages(h.client, { pipelineName: "paged", maxResults: 4 });
    expect(paged.pages).toBe(4);
    expect(paged.details).toEqual(whole.ruleExecutionDetails);
    expect(new Set(paged.details.map((d) => d.ruleExecutionId)).size).toBe(15);
    const starts = paged.details.map((d) => d.startTime?.getTime() ?? 0);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    // Newest run first: the last run's five rules lead the list.
    expect(paged.details.slice(0, 5).every((d) => d.pipelineExecutionId === ids[2])).toBe(true);

    const oneRun = await allPages(h.client, {
      pipelineName: "paged",
      filter: { pipelineExecutionId: ids[1] },
      maxResults: 2,
    });
    expect(oneRun.pages).toBe(3);
    expect(oneRun.details.map((d) => d.ruleName).sort()).toEqual(["A", "B", "C", "D", "E"]);
    expect(oneRun.details.every((d) => d.pipelineExecutionId === ids[1] && d.status === "Succeeded")).toBe(
      true,
    );
    const latest = await h.client.send(
      new ListRuleExecutionsCommand({
        pipelineName: "paged",
        filter: { latestInPipelineExecution: { pipelineExecutionId: ids[0], startTimeRange: "Latest" } },
      }),
    );
    expect(latest.ruleExecutionDetails?.map((d) => d.pipelineExecutionId)).toEqual(Array(5).fill(ids[0]));

    const first = await h.client.send(
      new ListRuleExecutionsCommand({ pipelineName: "paged", maxResults: 1 }),
    );
    await expect(
      h.client.send(
        new ListRuleExecutionsCommand({
          pipelineName: "paged",
          filter: { pipelineExecutionId: ids[1] },
          nextToken: first.nextToken,
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidNextTokenException" });
    await expect(
      h.client.send(
        new ListRuleExecutionsCommand({
          pipelineName: "paged",
          filter: { pipelineExecutionId: "00000000-0000-0000-0000-000000000000" },
        }),
      ),
    ).rejects.toMatchObject({ name: "PipelineExecutionNotFoundException" });
  });
});

describe("condition checks in progress", () => {
  it("show in GetPipelineState, and OverrideStageCondition lets the run in at once", async () => {
    const clock = new ManualClock();
    h = await openHarness({ clock, scenario: slowAlarm });
    await h.client.send(new CreatePipelineCommand({ pipeline: gatedPipeline("gated") }));
    const id = await creationRun(h.client, "gated");
    const override = (stageName: string, conditionType: "BEFORE_ENTRY" | "ON_SUCCESS") =>
      h!.client.send(
        new OverrideStageConditionCommand({
          pipelineName: "gated",
          stageName,
          pipelineExecutionId: id,
          conditionType,
        }),
      );

    clock.advance(4_000); // Checkout done: Build's entry check is open for its one simulated second
    await expect(override("Build", "BEFORE_ENTRY")).rejects.toMatchObject({
      name: "ConditionNotOverridableException",
      message: expect.stringMatching(/SKIP cannot be overridden/),
    });
    clock.advance(1_000); // the variable check passes; Compile runs 60 s
    await expect(override("Deploy", "BEFORE_ENTRY")).rejects.toMatchObject({
      name: "ConditionNotOverridableException",
    });
    clock.advance(60_000); // Deploy's alarm rule now runs for 600 s
    const open = await deployState(h.client, "gated");
    expect(open?.latestExecution).toMatchObject({ pipelineExecutionId: id, status: "InProgress" });
    expect(open?.actionStates?.[0]?.latestExecution).toBeUndefined();
    expect(open?.beforeEntryConditionState).toMatchObject({
      latestExecution: { status: "InProgress" },
      conditionStates: [
        {
          latestExecution: { status: "InProgress" },
          ruleStates: [{ ruleName: "Alarm", latestExecution: { status: "InProgress" } }],
        },
      ],
    });
    await expect(override("Nope", "BEFORE_ENTRY")).rejects.toMatchObject({ name: "StageNotFoundException" });
    await expect(override("Deploy", "ON_SUCCESS")).rejects.toMatchObject({
      name: "ConditionNotOverridableException",
    });

    await override("Deploy", "BEFORE_ENTRY");
    const overridden = await deployState(h.client, "gated");
    expect(overridden?.beforeEntryConditionState?.latestExecution).toEqual({
      status: "Overridden",
      summary: `Overridden by ${PRINCIPAL}`,
    });
    expect(overridden?.actionStates?.[0]?.latestExecution?.status).toBe("InProgress");
    const [alarm] =
      (
        await h.client.send(
          new ListRuleExecutionsCommand({ pipelineName: "gated", filter: { pipelineExecutionId: id } }),
        )
      ).ruleExecutionDetails ?? [];
    expect(alarm).toMatchObject({ ruleName: "Alarm", status: "Abandoned", updatedBy: PRINCIPAL });
    clock.advance(40_000);
    await waitForExecution(h.client, "gated", id, ["Succeeded"]);
  });

  it("end Abandoned when the run is stopped, and after a restart", async () => {
    const clock = new ManualClock();
    h = await openHarness({ clock, scenario: slowAlarm, dataDir });
    await h.client.send(new CreatePipelineCommand({ pipeline: gatedPipeline("halted") }));
    const stopped = await creationRun(h.client, "halted");
    clock.advance(65_000);
    expect((await deployState(h.client, "halted"))?.beforeEntryConditionState?.latestExecution?.status).toBe(
      "InProgress",
    );
    await h.client.send(
      new StopPipelineExecutionCommand({ pipelineName: "halted", pipelineExecutionId: stopped }),
    );
    // Nothing is left running: the stop takes effect at once, without time passing.
    await waitForExecution(h.client, "halted", stopped, ["Stopped"]);
    const state = await deployState(h.client, "halted");
    expect(state?.latestExecution?.status).toBe("Stopped");
    expect(state?.beforeEntryConditionState?.conditionStates?.[0]).toMatchObject({
      latestExecution: { status: "Abandoned" },
      ruleStates: [{ latestExecution: { status: "Abandoned" } }],
    });

    const interrupted =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "halted" }))).pipelineExecutionId ?? "";
    clock.advance(65_000);
    expect((await deployState(h.client, "halted"))?.latestExecution?.pipelineExecutionId).toBe(interrupted);
    await h.close();
    h = await openHarness({ dataDir });
    const run = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "halted", pipelineExecutionId: interrupted }),
    );
    expect(run.pipelineExecution?.status).toBe("Stopped");
    const rules = await h.client.send(
      new ListRuleExecutionsCommand({ pipelineName: "halted", filter: { pipelineExecutionId: interrupted } }),
    );
    expect(rules.ruleExecutionDetails?.map((d) => `${d.ruleName}:${d.status}`).sort()).toEqual([
      "Alarm:Abandoned",
      "OnlyProd:Succeeded",
    ]);
    expect((await deployState(h.client, "halted"))?.beforeEntryConditionState?.latestExecution?.status).toBe(
      "Abandoned",
    );
  });
});

describe("persisted condition history", () => {
  it("reloads rule executions, and loads state files written before conditions were simulated", async () => {
    h = await openHarness({ dataDir });
    await h.client.send(new CreatePipelineCommand({ pipeline: gatedPipeline("kept") }));
    await waitForExecution(h.client, "kept", await creationRun(h.client, "kept"), ["Succeeded"]);
    const before = await h.client.send(new ListRuleExecutionsCommand({ pipelineName: "kept" }));
    const stateBefore = await deployState(h.client, "kept");
    expect(before.ruleExecutionDetails).toHaveLength(2);
    await h.close();

    h = await openHarness({ dataDir });
    expect(await h.client.send(new ListRuleExecutionsCommand({ pipelineName: "kept" }))).toMatchObject({
      ruleExecutionDetails: before.ruleExecutionDetails,
    });
    expect(await deployState(h.client, "kept")).toEqual(stateBefore);
    await h.close();

    // The same history as a format-1 state file from before conditions were simulated.
    const path = join(dataDir, "state.json");
    const file = JSON.parse(readFileSync(path, "utf8")) as {
      clockMs: number;
      partitions: { state: { pipelines: Record<string, unknown>[] } }[];
    };
    const state = { ...file.partitions[0]?.state, clockMs: file.clockMs };
    for (const pipeline of state.pipelines ?? []) {
      delete pipeline.conditionChecks;
      delete pipeline.ruleRuns;
    }
    writeFileSync(path, JSON.stringify({ format: 1, state }));
    const notes: string[] = [];
    h = await openHarness({ dataDir, log: (m) => notes.push(m) });
    expect(notes).toEqual([expect.stringMatching(/older format \(format 1\) and has been migrated/)]);
    expect(
      (await h.client.send(new ListRuleExecutionsCommand({ pipelineName: "kept" }))).ruleExecutionDetails,
    ).toEqual([]);
    expect((await deployState(h.client, "kept"))?.beforeEntryConditionState).toEqual({
      conditionStates: [{ ruleStates: [{ ruleName: "Alarm" }] }],
    });
    const next =
      (await h.client.send(new StartPipelineExecutionCommand({ name: "kept" }))).pipelineExecutionId ?? "";
    await waitForExecution(h.client, "kept", next, ["Succeeded"]);
    expect(
      (await h.client.send(new ListRuleExecutionsCommand({ pipelineName: "kept" }))).ruleExecutionDetails,
    ).toHaveLength(2);
  });
});
