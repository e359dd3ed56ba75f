/** The runs service through the real SDK against the sandbox: reads, every control, and bad input. */
import { afterEach, describe, expect, it } from "vitest";
import { Gateway, type AwsResult, type Connection } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import { ManualClock, startSandbox, type Sandbox } from "../../../main/sandbox";
import { buildTimeline } from "../../../shared/execution";
import { threeStagePipeline } from "../sandbox/fixtures";
import { waitFor } from "../sandbox/harness";

let sandbox: Sandbox | undefined;
let gateway: Gateway | undefined;

afterEach(async () => {
  gateway?.dispose();
  await sandbox?.close();
  sandbox = undefined;
  gateway = undefined;
});

function must<T>(result: AwsResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function open(options: { clock?: ManualClock } = {}) {
  sandbox = await startSandbox({ speed: 2000, log: () => {}, ...options });
  gateway = new Gateway({ maxAttempts: 1 });
  const connection: Connection = { kind: "sandbox", endpoint: sandbox.endpoint };
  const runs = new RunsService(gateway);
  const create = async (pipeline: ReturnType<typeof threeStagePipeline>) => {
    must(await gateway!.createPipeline(connection, pipeline, []));
    const page = must(await runs.listRuns(connection, pipeline.name));
    return page.summaries[0]?.pipelineExecutionId ?? "";
  };
  const statusOf = async (name: string, id: string) =>
    must(await runs.getRunDetail(connection, name, id)).execution.status;
  const until = (name: string, id: string, statuses: string[]) =>
    waitFor(`${id} ${statuses.join("/")}`, async () => {
      const status = await statusOf(name, id);
      return status && statuses.includes(status) ? status : undefined;
    });
  return { sandbox, connection, runs, create, until, statusOf };
}

describe("runs reads", () => {
  it("pages history, filters by status and gives a run detail every action of which has a bar", async () => {
    const { connection, runs, create, until } = await open();
    const first = await create(threeStagePipeline({ name: "reads" }));
    await until("reads", first, ["Succeeded"]);
    sandbox!.scenario.addRule({
      pipeline: "reads",
      action: "Compile",
      outcome: "fail",
      errorMessage: "boom",
    });
    const ids = [first];
    for (let i = 0; i < 3; i++) {
      const started = must(await runs.startRun(connection, "reads"));
      ids.push(started.pipelineExecutionId ?? "");
      await until("reads", started.pipelineExecutionId ?? "", ["Failed"]);
    }
    const page1 = must(await runs.listRuns(connection, "reads", { pageSize: 2 }));
    expect(page1.summaries).toHaveLength(2);
    expect(page1.nextToken).not.toBeNull();
    const page2 = must(
      await runs.listRuns(connection, "reads", { pageSize: 2, nextToken: page1.nextToken! }),
    );
    const all = [...page1.summaries, ...page2.summaries].map((s) => s.pipelineExecutionId);
    expect(new Set(all)).toEqual(new Set(ids));
    expect(typeof page1.summaries[0]?.startTime).toBe("string");

    const succeeded = must(await runs.listRuns(connection, "reads", { pageSize: 2, status: "Succeeded" }));
    expect(succeeded.summaries.map((s) => s.pipelineExecutionId)).toEqual([first]);

    const detail = must(await runs.getRunDetail(connection, "reads", first));
    expect(detail.summary?.pipelineExecutionId).toBe(first);
    const timeline = buildTimeline(detail);
    const actions = timeline.stages.flatMap((s) => s.actions);
    expect(actions.map((a) => a.actionName)).toEqual(["Checkout", "Compile", "Publish"]);
    for (const action of actions) {
      expect(action.start).not.toBeNull();
      expect(action.end).not.toBeNull();
    }
    const failed = buildTimeline(must(await runs.getRunDetail(connection, "reads", ids[3]!)));
    expect(failed.stages[1]?.actions[0]?.error?.message).toBe("boom");
  });

  it("gives each run the definition it ran, so runs of different versions can be compared", async () => {
    const { connection, runs, create, until } = await open();
    const v1 = threeStagePipeline({ name: "versions" });
    const first = await create(v1);
    await until("versions", first, ["Succeeded"]);
    const v2 = {
      ...v1,
      version: 1,
      stages: v1.stages.map((s) => (s.name === "Build" ? { ...s, name: "Make" } : s)),
    };
    must(await gateway!.updatePipeline(connection, v2));
    const second = must(await runs.startRun(connection, "versions")).pipelineExecutionId ?? "";
    await until("versions", second, ["Succeeded"]);
    const old = must(await runs.getRunDetail(connection, "versions", first));
    expect(old.definition?.version).toBe(1);
    expect(old.definition?.stages.map((s) => s.name)).toEqual(["Source", "Build", "Deploy"]);
    // The timeline still follows the current structure and says Build is gone.
    expect(old.pipeline?.version).toBe(2);
    expect(buildTimeline(old).stages.map((s) => `${s.stageName}${s.removed ? " (gone)" : ""}`)).toEqual([
      "Source",
      "Make",
      "Build (gone)",
      "Deploy",
    ]);
    const now = must(await runs.getRunDetail(connection, "versions", second));
    expect(now.definition?.version).toBe(2);
    expect(now.definition?.stages.map((s) => s.name)).toEqual(["Source", "Make", "Deploy"]);
  });

  it("says clearly when a run or a pipeline does not exist", async () => {
    const { connection, runs, create, until } = await open();
    const id = await create(threeStagePipeline({ name: "gone" }));
    await until("gone", id, ["Succeeded"]);
    const missing = await runs.getRunDetail(connection, "gone", "00000000-0000-0000-0000-000000000000");
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/run no longer exists.*: 00000000/);
    const state = await runs.getState(connection, "never-created");
    expect(state.ok).toBe(false);
    if (!state.ok) expect(state.error.code).toBe("pipeline-not-found");
  });
});

describe("runs controls", () => {
  it("releases a change with V2 variables and a source revision override", async () => {
    const { connection, runs, create, until } = await open();
    const first = await create(
      threeStagePipeline({ name: "vars", variables: [{ name: "ENV", defaultValue: "dev" }] }),
    );
    await until("vars", first, ["Succeeded"]);
    const started = must(
      await runs.startRun(connection, "vars", {
        variables: [{ name: "ENV", value: "prod" }],
        sourceRevisions: [
          { actionName: "Checkout", revisionType: "COMMIT_ID", revisionValue: "a".repeat(40) },
        ],
      }),
    );
    expect(started.message).toMatch(/^Started a run of vars: /);
    const id = started.pipelineExecutionId!;
    await until("vars", id, ["Succeeded"]);
    const detail = must(await runs.getRunDetail(connection, "vars", id));
    expect(detail.execution.variables).toEqual([{ name: "ENV", resolvedValue: "prod" }]);
    expect(detail.execution.artifactRevisions?.[0]?.revisionId).toBe("a".repeat(40));
    const unknown = await runs.startRun(connection, "vars", { variables: [{ name: "NOPE", value: "x" }] });
    expect(unknown.ok).toBe(false);
  });

  it("approves with the token from the state, and refuses an approval already answered", async () => {
    const { connection, runs, create, until } = await open();
    const id = await create(threeStagePipeline({ name: "approve", approval: {} }));
    await waitFor("approval", async () => {
      const state = must(await runs.getState(connection, "approve"));
      return state.stageStates?.[2]?.actionStates?.[0]?.latestExecution?.token;
    });
    const answered = must(
      await runs.answerApproval(connection, "approve", "Approve", "Review", "Approved", "ok"),
    );
    expect(answered).toEqual({ pipelineExecutionId: id, message: "Approved Approve/Review" });
    await until("approve", id, ["Succeeded"]);
    const again = await runs.answerApproval(connection, "approve", "Approve", "Review", "Approved", "ok");
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toBe("No approval is waiting in this action: Approve/Review");
    const detail = must(await runs.getRunDetail(connection, "approve", id));
    const review = detail.actionExecutions.find((a) => a.actionName === "Review");
    expect(review?.output?.executionResult?.externalExecutionSummary).toBe("ok");

    const second = must(await runs.startRun(connection, "approve")).pipelineExecutionId!;
    await waitFor("second approval", async () => {
      const state = must(await runs.getState(connection, "approve"));
      const stage = state.stageStates?.[2];
      return stage?.latestExecution?.pipelineExecutionId === second
        ? stage.actionStates?.[0]?.latestExecution?.token
        : undefined;
    });
    must(await runs.answerApproval(connection, "approve", "Approve", "Review", "Rejected", "no"));
    await until("approve", second, ["Failed"]);
  });

  it("retries a failed stage with its failed actions, then passes", async () => {
    const { connection, runs, create, until } = await open();
    sandbox!.scenario.addRule({
      pipeline: "retry",
      action: "Compile",
      outcome: "fail",
      errorMessage: "tests failed",
    });
    const id = await create(threeStagePipeline({ name: "retry" }));
    await until("retry", id, ["Failed"]);
    sandbox!.scenario.set({});
    const retried = must(await runs.retryStage(connection, "retry", "Build", id, "FAILED_ACTIONS"));
    expect(retried).toEqual({ pipelineExecutionId: id, message: "Retrying Build with its failed actions" });
    await until("retry", id, ["Succeeded"]);
    const timeline = buildTimeline(must(await runs.getRunDetail(connection, "retry", id)));
    expect(timeline.stages[1]?.actions[0]?.retried).toBe(true);
    const refused = await runs.retryStage(connection, "retry", "Build", id, "ALL_ACTIONS");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/cannot be retried now.*: Build$/);
  });

  it("stops and waits, stops and abandons, and refuses stopping a stopped run", async () => {
    const clock = new ManualClock();
    const { connection, runs, create } = await open({ clock });
    const id = await create(threeStagePipeline({ name: "stop" }));
    clock.advance(10_000);
    const stopped = must(await runs.stopRun(connection, "stop", id, false, "hold"));
    expect(stopped.message).toMatch(/once its in-progress actions finish/);
    const duplicate = await runs.stopRun(connection, "stop", id, false, "");
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok) expect(duplicate.error.message).toMatch(/already requested/);
    clock.advance(60_000);
    const list = must(await runs.listRuns(connection, "stop"));
    expect(list.summaries[0]).toMatchObject({ status: "Stopped", stopTrigger: { reason: "hold" } });
    const again = await runs.stopRun(connection, "stop", id, false, "");
    if (!again.ok) expect(again.error.message).toMatch(/already finished or is already stopping/);
    expect(again.ok).toBe(false);

    const second = must(await runs.startRun(connection, "stop")).pipelineExecutionId!;
    clock.advance(10_000);
    must(await runs.stopRun(connection, "stop", second, true, "abandon it"));
    const detail = must(await runs.getRunDetail(connection, "stop", second));
    expect(detail.execution.status).toBe("Stopped");
    expect(detail.actionExecutions.map((a) => a.status)).toContain("Abandoned");
  });

  it("disables a transition with a reason and enables it again", async () => {
    const { connection, runs, create, until } = await open();
    const id = await create(threeStagePipeline({ name: "gate" }));
    await until("gate", id, ["Succeeded"]);
    const noReason = await runs.setTransition(connection, "gate", "Deploy", "Inbound", false, " ");
    expect(noReason.ok).toBe(false);
    must(await runs.setTransition(connection, "gate", "Deploy", "Inbound", false, "freeze"));
    let state = must(await runs.getState(connection, "gate"));
    expect(state.stageStates?.[2]?.inboundTransitionState).toMatchObject({
      enabled: false,
      disabledReason: "freeze",
    });
    const done = must(await runs.setTransition(connection, "gate", "Deploy", "Inbound", true));
    expect(done.message).toBe("Enabled the transition into Deploy");
    state = must(await runs.getState(connection, "gate"));
    expect(state.stageStates?.[2]?.inboundTransitionState?.enabled).toBe(true);
    const missing = await runs.setTransition(connection, "gate", "Nope", "Inbound", true);
    expect(missing.ok).toBe(false);
  });

  it("rolls a stage back to an earlier successful run and refuses a failed target", async () => {
    const { connection, runs, create, until } = await open();
    const good = await create(threeStagePipeline({ name: "roll", executionMode: "QUEUED" }));
    await until("roll", good, ["Succeeded"]);
    sandbox!.scenario.addRule({ pipeline: "roll", stage: "Deploy", outcome: "fail" });
    const bad = must(await runs.startRun(connection, "roll")).pipelineExecutionId!;
    await until("roll", bad, ["Failed"]);
    sandbox!.scenario.set({});
    const refused = await runs.rollbackStage(connection, "roll", "Deploy", bad);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/cannot be rolled back/);
    const rolled = must(await runs.rollbackStage(connection, "roll", "Deploy", good));
    await until("roll", rolled.pipelineExecutionId!, ["Succeeded"]);
    const detail = must(await runs.getRunDetail(connection, "roll", rolled.pipelineExecutionId!));
    expect(detail.execution.executionType).toBe("ROLLBACK");
    expect(buildTimeline(detail).rollback).toBe(true);
  });
});
