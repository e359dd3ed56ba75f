/**
 * Stage condition checks as the runs view reads them: GetPipelineState from the sandbox, through the
 * runs service and the real SDK, into shared/execution's conditionChecks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway, type AwsResult, type Connection } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import { ManualClock, startSandbox, type Sandbox } from "../../../main/sandbox";
import { buildTimeline, conditionChecks, ruleRows } from "../../../shared/execution";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { conditionPipeline, rule, variableCheck, when } from "../sandbox/condition-fixtures";
import { waitFor } from "../sandbox/harness";

let sandbox: Sandbox;
let gateway: Gateway;
let connection: Connection;
const runs = () => new RunsService(gateway);

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 2000, log: () => {} });
  gateway = new Gateway({ maxAttempts: 1 });
  connection = { kind: "sandbox", endpoint: sandbox.endpoint };
});
afterAll(async () => {
  gateway.dispose();
  await sandbox.close();
});

function must<T>(result: AwsResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function finished(name: string, id: string): Promise<string> {
  return waitFor(`${id} to finish`, async () => {
    const status = must(await runs().getRunDetail(connection, name, id)).execution.status;
    return status === "Succeeded" || status === "Failed" ? status : undefined;
  });
}

async function deployChecks(name: string) {
  const state = must(await runs().getState(connection, name));
  const deploy = state.stageStates?.find((s) => s.stageName === "Deploy");
  return deploy ? conditionChecks(deploy) : [];
}

describe("stage condition checks in the runs view", () => {
  it("reads a passed and a failed entry check, naming the rule that failed and why", async () => {
    const pipeline = conditionPipeline("watch-conditions", {
      Deploy: {
        beforeEntry: {
          conditions: [when("FAIL", variableCheck("ProdOnly", "#{variables.TARGET}", "EQ", "prod"))],
        },
      },
    }) as unknown as PipelineDeclaration;
    must(await gateway.createPipeline(connection, pipeline, []));
    const first =
      must(await runs().listRuns(connection, "watch-conditions")).summaries[0]?.pipelineExecutionId ?? "";
    expect(await finished("watch-conditions", first)).toBe("Succeeded");
    expect(await deployChecks("watch-conditions")).toEqual([
      { hook: "entry", status: "Succeeded", phase: "succeeded", summary: expect.any(String), pending: [] },
    ]);

    const started = must(
      await runs().startRun(connection, "watch-conditions", {
        variables: [{ name: "TARGET", value: "dev" }],
      }),
    );
    expect(await finished("watch-conditions", started.pipelineExecutionId ?? "")).toBe("Failed");
    const [entry] = await deployChecks("watch-conditions");
    expect(entry).toMatchObject({ hook: "entry", status: "Failed", phase: "failed" });
    expect(entry?.pending).toEqual([
      { ruleName: "ProdOnly", status: "Failed", reason: 'Variable check failed: "dev" EQ "prod"' },
    ]);

    // The run's detail carries its rule evaluations: the timeline gets a row for the entry check.
    const detail = must(
      await runs().getRunDetail(connection, "watch-conditions", started.pipelineExecutionId ?? ""),
    );
    const rows = ruleRows(detail.ruleExecutions ?? [], detail.definition);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stageName: "Deploy",
      ruleName: "ProdOnly",
      hook: "entry",
      provider: "VariableCheck",
    });
    expect(rows[0]?.phase).toBe("failed");
    expect(rows[0]?.segments[0]?.error).toBe('Variable check failed: "dev" EQ "prod"');
    const timeline = buildTimeline(detail);
    const build = timeline.stages.find((s) => s.stageName === "Build");
    // The check ran after Build and before Deploy would have started.
    expect(rows[0]!.start!).toBeGreaterThanOrEqual(build!.end!);
    expect(
      timeline.stages.find((s) => s.stageName === "Deploy")?.actions.every((a) => a.start === null),
    ).toBe(true);
  });

  it("overrides an entry check still being evaluated, and says clearly when there is none to override", async () => {
    const clock = new ManualClock();
    const slow = await startSandbox({
      clock,
      log: () => {},
      scenario: { conditionRules: [{ rule: "Alarm", durationSeconds: 600 }] },
    });
    const local = new Gateway({ maxAttempts: 1 });
    try {
      const at: Connection = { kind: "sandbox", endpoint: slow.endpoint };
      const service = new RunsService(local);
      const pipeline = conditionPipeline("override", {
        Deploy: {
          beforeEntry: {
            conditions: [when("FAIL", rule("Alarm", "CloudWatchAlarm", { AlarmName: "Errors" }))],
          },
        },
      }) as unknown as PipelineDeclaration;
      must(await local.createPipeline(at, pipeline, []));
      const id = must(await service.listRuns(at, "override")).summaries[0]?.pipelineExecutionId ?? "";
      const early = await service.overrideCondition(at, "override", "Deploy", id, "BEFORE_ENTRY");
      expect(early.ok).toBe(false);
      if (!early.ok)
        expect(early.error.message).toBe(
          "The condition cannot be overridden (it is not being checked now, or it skips the stage): Deploy entry conditions",
        );
      clock.advance(70_000); // Source and Build done; the alarm rule now runs for 600 s
      const state = must(await service.getState(at, "override"));
      const [check] = conditionChecks(state.stageStates?.find((s) => s.stageName === "Deploy") ?? {});
      expect(check).toMatchObject({
        hook: "entry",
        phase: "running",
        pending: [{ ruleName: "Alarm", status: "InProgress" }],
      });
      const done = must(await service.overrideCondition(at, "override", "Deploy", id, "BEFORE_ENTRY"));
      expect(done).toEqual({ pipelineExecutionId: id, message: "Overrode the entry conditions of Deploy" });
      const after = must(await service.getState(at, "override"));
      const [overridden] = conditionChecks(after.stageStates?.find((s) => s.stageName === "Deploy") ?? {});
      expect(overridden).toMatchObject({ status: "Overridden", phase: "skipped" });
      clock.advance(60_000);
      expect(must(await service.getRunDetail(at, "override", id)).execution.status).toBe("Succeeded");
    } finally {
      local.dispose();
      await slow.close();
    }
  });
});
