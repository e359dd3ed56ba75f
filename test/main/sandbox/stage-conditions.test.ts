import {
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListRuleExecutionsCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  type CodePipelineClient,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { validatePipeline } from "../../../shared/validate";
import { conditionPipeline, rule, variableCheck, when } from "./condition-fixtures";
import { openHarness, waitForExecution, type Harness } from "./harness";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function creationRun(client: CodePipelineClient, name: string): Promise<string> {
  const list = await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
  return list.pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
}

async function start(client: CodePipelineClient, name: string, variables: Record<string, string>) {
  const given = Object.entries(variables).map(([n, value]) => ({ name: n, value }));
  const out = await client.send(
    new StartPipelineExecutionCommand({ name, ...(given.length > 0 ? { variables: given } : {}) }),
  );
  return out.pipelineExecutionId ?? "";
}

/** `Stage/Action:Status` of one run's actions, oldest first. */
async function actionsOf(client: CodePipelineClient, name: string, id: string): Promise<string[]> {
  const out = await client.send(
    new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }),
  );
  return (out.actionExecutionDetails ?? [])
    .map((d) => `${d.stageName}/${d.actionName}:${d.status}`)
    .reverse();
}

async function rulesOf(client: CodePipelineClient, name: string, id: string) {
  const out = await client.send(
    new ListRuleExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }),
  );
  return out.ruleExecutionDetails ?? [];
}

async function stageStatus(client: CodePipelineClient, name: string, stage: string) {
  const state = await client.send(new GetPipelineStateCommand({ name }));
  return state.stageStates?.find((s) => s.stageName === stage);
}

describe("stage conditions", () => {
  it("a beforeEntry FAIL condition keeps the run out of the stage and fails it, with the rule's error", async () => {
    h = await openHarness({
      scenario: {
        conditionRules: [{ rule: "ChangeFreeze", outcome: "fail", errorMessage: "Deployments are frozen" }],
      },
    });
    const pipeline = conditionPipeline("entry-fail", {
      Deploy: {
        beforeEntry: {
          conditions: [when("FAIL", rule("ChangeFreeze", "LambdaInvoke", { FunctionName: "freeze" }))],
        },
      },
    });
    expect(validatePipeline(pipeline)).toEqual([]);
    await h.client.send(new CreatePipelineCommand({ pipeline }));
    const id = await creationRun(h.client, "entry-fail");
    await waitForExecution(h.client, "entry-fail", id, ["Failed"]);

    expect(await actionsOf(h.client, "entry-fail", id)).toEqual([
      "Source/Checkout:Succeeded",
      "Build/Compile:Succeeded",
    ]);
    const execution = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "entry-fail", pipelineExecutionId: id }),
    );
    expect(execution.pipelineExecution?.statusSummary).toMatch(
      /Stage Deploy entry conditions were not met: Rule ChangeFreeze failed: Deployments are frozen/,
    );
    expect((await stageStatus(h.client, "entry-fail", "Deploy"))?.latestExecution?.status).toBe("Failed");
    const rules = await rulesOf(h.client, "entry-fail", id);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      pipelineExecutionId: id,
      stageName: "Deploy",
      ruleName: "ChangeFreeze",
      status: "Failed",
      input: {
        ruleTypeId: { category: "Rule", owner: "AWS", provider: "LambdaInvoke", version: "1" },
        configuration: { FunctionName: "freeze" },
      },
      output: { executionResult: { errorDetails: { code: "JobFailed", message: "Deployments are frozen" } } },
    });
    // No action ran in the stage, so there is nothing to retry: a new run is the way on.
    await expect(
      h.client.send(
        new RetryStageExecutionCommand({
          pipelineName: "entry-fail",
          stageName: "Deploy",
          pipelineExecutionId: id,
          retryMode: "FAILED_ACTIONS",
        }),
      ),
    ).rejects.toMatchObject({ name: "StageNotRetryableException" });
  });

  it("a beforeEntry SKIP condition skips the stage and the run goes on", async () => {
    h = await openHarness();
    const pipeline = conditionPipeline("entry-skip", {
      Build: {
        beforeEntry: {
          conditions: [when("SKIP", variableCheck("OnlyForProd", "#{variables.TARGET}", "EQ", "prod"))],
        },
      },
    });
    expect(validatePipeline(pipeline)).toEqual([]);
    await h.client.send(new CreatePipelineCommand({ pipeline }));
    await waitForExecution(h.client, "entry-skip", await creationRun(h.client, "entry-skip"), ["Succeeded"]);

    const id = await start(h.client, "entry-skip", { TARGET: "dev" });
    expect(await waitForExecution(h.client, "entry-skip", id, ["Succeeded", "Failed"])).toBe("Succeeded");
    expect(await actionsOf(h.client, "entry-skip", id)).toEqual([
      "Source/Checkout:Succeeded",
      "Deploy/Publish:Succeeded",
    ]);
    expect((await stageStatus(h.client, "entry-skip", "Build"))?.latestExecution).toMatchObject({
      pipelineExecutionId: id,
      status: "Skipped",
    });
    expect((await rulesOf(h.client, "entry-skip", id)).map((r) => r.status)).toEqual(["Failed"]);
  });

  it("a VariableCheck rule passes or fails on the pipeline variable given at StartPipelineExecution", async () => {
    h = await openHarness();
    const pipeline = conditionPipeline("var-check", {
      Deploy: {
        beforeEntry: {
          conditions: [
            when(
              "FAIL",
              variableCheck("ProdOnly", "#{variables.TARGET}", "EQ", "prod"),
              variableCheck("FromMain", "#{SourceVariables.BranchName}", "MATCHES", "ma[a-z]+"),
            ),
          ],
        },
      },
    });
    expect(validatePipeline(pipeline)).toEqual([]);
    await h.client.send(new CreatePipelineCommand({ pipeline }));
    await waitForExecution(h.client, "var-check", await creationRun(h.client, "var-check"), ["Succeeded"]);

    const pass = await start(h.client, "var-check", { TARGET: "prod" });
    expect(await waitForExecution(h.client, "var-check", pass, ["Succeeded", "Failed"])).toBe("Succeeded");
    const passed = await rulesOf(h.client, "var-check", pass);
    expect(passed.map((r) => `${r.ruleName}:${r.status}`).sort()).toEqual([
      "FromMain:Succeeded",
      "ProdOnly:Succeeded",
    ]);
    expect(passed.find((r) => r.ruleName === "FromMain")?.input?.resolvedConfiguration?.Variable).toBe(
      "main",
    );

    const failing = await start(h.client, "var-check", { TARGET: "dev" });
    expect(await waitForExecution(h.client, "var-check", failing, ["Succeeded", "Failed"])).toBe("Failed");
    const failed = await rulesOf(h.client, "var-check", failing);
    const prodOnly = failed.find((r) => r.ruleName === "ProdOnly");
    expect(prodOnly).toMatchObject({
      status: "Failed",
      input: {
        configuration: { Variable: "#{variables.TARGET}", Value: "prod", Operator: "EQ" },
        resolvedConfiguration: { Variable: "dev", Value: "prod", Operator: "EQ" },
      },
    });
    expect(prodOnly?.output?.executionResult?.errorDetails?.message).toBe(
      'Variable check failed: "dev" EQ "prod"',
    );
    expect(failed.find((r) => r.ruleName === "FromMain")?.status).toBe("Succeeded");
    expect(await actionsOf(h.client, "var-check", failing)).not.toContain("Deploy/Publish:Succeeded");
  });

  it("an onSuccess FAIL condition fails a stage whose actions succeeded", async () => {
    h = await openHarness({
      scenario: {
        conditionRules: [
          { provider: "CloudWatchAlarm", outcome: "fail", errorMessage: "HighErrors is in ALARM" },
        ],
      },
    });
    const pipeline = conditionPipeline("success-fail", {
      Build: {
        onSuccess: {
          conditions: [when("FAIL", rule("Alarm", "CloudWatchAlarm", { AlarmName: "HighErrors" }))],
        },
      },
    });
    expect(validatePipeline(pipeline)).toEqual([]);
    await h.client.send(new CreatePipelineCommand({ pipeline }));
    const id = await creationRun(h.client, "success-fail");
    await waitForExecution(h.client, "success-fail", id, ["Failed"]);
    expect(await actionsOf(h.client, "success-fail", id)).toEqual([
      "Source/Checkout:Succeeded",
      "Build/Compile:Succeeded",
    ]);
    const build = await stageStatus(h.client, "success-fail", "Build");
    expect(build?.latestExecution?.status).toBe("Failed");
    expect(build?.onSuccessConditionState).toMatchObject({
      latestExecution: { status: "Failed", summary: "Rule Alarm failed: HighErrors is in ALARM" },
      conditionStates: [
        {
          latestExecution: { status: "Failed" },
          ruleStates: [
            {
              ruleName: "Alarm",
              latestExecution: {
                status: "Failed",
                errorDetails: { message: "HighErrors is in ALARM" },
                externalExecutionUrl: expect.stringContaining("alarm/HighErrors"),
              },
            },
          ],
        },
      ],
    });
    // Once the alarm clears, the same condition lets the next run through.
    h.sandbox.scenario.set({});
    const next = await start(h.client, "success-fail", {});
    expect(await waitForExecution(h.client, "success-fail", next, ["Succeeded", "Failed"])).toBe("Succeeded");
    expect(
      (await stageStatus(h.client, "success-fail", "Build"))?.onSuccessConditionState?.latestExecution,
    ).toEqual({ status: "Succeeded", summary: "All conditions were met" });
  });

  it("a conditional onFailure RETRY retries the stage only when its rule passes", async () => {
    h = await openHarness({
      scenario: { rules: [{ action: "Compile", outcome: "fail", errorMessage: "flaky" }] },
    });
    const pipeline = conditionPipeline(
      "failure-retry",
      {
        Build: {
          onFailure: {
            result: "RETRY",
            retryConfiguration: { retryMode: "FAILED_ACTIONS" },
            conditions: [when(undefined, variableCheck("RetryAllowed", "#{variables.RETRY}", "EQ", "yes"))],
          },
        },
      },
      [{ name: "RETRY", defaultValue: "no" }],
    );
    expect(validatePipeline(pipeline)).toEqual([]);
    await h.client.send(new CreatePipelineCommand({ pipeline }));
    const noRetry = await creationRun(h.client, "failure-retry");
    await waitForExecution(h.client, "failure-retry", noRetry, ["Failed"]);
    expect(await actionsOf(h.client, "failure-retry", noRetry)).toEqual([
      "Source/Checkout:Succeeded",
      "Build/Compile:Failed",
    ]);
    expect((await rulesOf(h.client, "failure-retry", noRetry)).map((r) => r.status)).toEqual(["Failed"]);

    const retried = await start(h.client, "failure-retry", { RETRY: "yes" });
    await waitForExecution(h.client, "failure-retry", retried, ["Failed"]);
    expect(await actionsOf(h.client, "failure-retry", retried)).toEqual([
      "Source/Checkout:Succeeded",
      "Build/Compile:Failed",
      "Build/Compile:Failed",
    ]);
    // The condition was checked after each failure; the retry happens once, as without conditions.
    expect((await rulesOf(h.client, "failure-retry", retried)).map((r) => r.status)).toEqual([
      "Succeeded",
      "Succeeded",
    ]);
    const build = await stageStatus(h.client, "failure-retry", "Build");
    expect(build?.retryStageMetadata).toEqual({
      autoStageRetryAttempt: 1,
      manualStageRetryAttempt: 0,
      latestRetryTrigger: "AutomatedStageRetry",
    });
    expect(build?.onFailureConditionState?.latestExecution?.status).toBe("Succeeded");
    const execution = await h.client.send(
      new GetPipelineExecutionCommand({ pipelineName: "failure-retry", pipelineExecutionId: retried }),
    );
    expect(execution.pipelineExecution?.statusSummary).toBe("Stage Build failed: action Compile: flaky");
  });

  it("an onSuccess ROLLBACK condition rolls the stage back to the last run that succeeded in it", async () => {
    h = await openHarness();
    const pipeline = conditionPipeline("success-rollback", {
      Deploy: {
        onSuccess: {
          conditions: [when("ROLLBACK", rule("Canary", "LambdaInvoke", { FunctionName: "canary" }))],
        },
      },
    });
    expect(validatePipeline(pipeline)).toEqual([]);
    await h.client.send(new CreatePipelineCommand({ pipeline }));
    const good = await creationRun(h.client, "success-rollback");
    await waitForExecution(h.client, "success-rollback", good, ["Succeeded"]);
    h.sandbox.scenario.set({
      conditionRules: [{ rule: "Canary", outcome: "fail", errorMessage: "5xx rate 12%" }],
    });
    const bad = await start(h.client, "success-rollback", {});
    await waitForExecution(h.client, "success-rollback", bad, ["Failed"]);
    const rollback = (
      await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "success-rollback" }))
    ).pipelineExecutionSummaries?.[0];
    expect(rollback).toMatchObject({
      executionType: "ROLLBACK",
      trigger: { triggerType: "AutomatedRollback", triggerDetail: bad },
      rollbackMetadata: { rollbackTargetPipelineExecutionId: good },
    });
    // A rollback run checks no conditions, so the failing canary cannot roll it back again.
    const id = rollback?.pipelineExecutionId ?? "";
    expect(await waitForExecution(h.client, "success-rollback", id, ["Succeeded", "Failed"])).toBe(
      "Succeeded",
    );
    expect(await rulesOf(h.client, "success-rollback", id)).toEqual([]);
  });
});
