/**
 * Stage condition checks as the runs view reads them: GetPipelineState from the sandbox, through the
 * runs service and the real SDK, into shared/execution's conditionChecks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway, type AwsResult, type Connection } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { buildTimeline, conditionChecks, ruleRows } from "../../../shared/execution";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { conditionPipeline, variableCheck, when } from "../sandbox/condition-fixtures";
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
});
