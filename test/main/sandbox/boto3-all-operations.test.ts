/**
 * The sandbox as a Python user's tooling sees it: boto3 calls every one of the service model's
 * operations, and botocore's own copy of the model checks every raw answer (all_operations.py).
 * The JavaScript SDK's view of the same answers is output-shapes.test.ts; moto's is
 * moto-compare.test.ts (moto implements only the pipeline and tag operations).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_HANDLERS } from "../../../main/sandbox/operations";
import { boto3 } from "./boto3";
import { ec2Pipeline, gitHubPipeline, TEST_PROVIDER } from "./catalog-fixtures";
import { conditionPipeline, rule, when } from "./condition-fixtures";
import { threeStagePipeline } from "./fixtures";
import {
  CUSTOM_TYPE,
  CUSTOM_TYPE_DEFINITION,
  PARTNER_DECLARATION,
  PARTNER_TYPE,
  workerPipeline,
} from "./job-fixtures";
import { openHarness, type Harness } from "./harness";

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-boto3-all-"));
  h = await openHarness({
    speed: 500,
    scenario: {
      // Publish fails on its first attempt only, so RetryStageExecution has something to retry.
      rules: [{ pipeline: "shapes", action: "Publish", attempt: 1, outcome: "fail", errorMessage: "denied" }],
      conditionRules: [
        { pipeline: "conditions-wait", rule: "Alarm", durationSeconds: 1_000_000 },
        { pipeline: "conditions-fail", rule: "Check", outcome: "fail", errorMessage: "bad" },
      ],
    },
    actionTypes: [TEST_PROVIDER, PARTNER_DECLARATION],
  });
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

async function modelOperations(): Promise<string[]> {
  const path = join(
    import.meta.dirname,
    "../../../../shared/reference/codepipeline-2015-07-09.service-2.json",
  );
  const model = JSON.parse(await readFile(path, "utf8")) as { operations: Record<string, unknown> };
  return Object.keys(model.operations).sort();
}

describe("boto3 against the sandbox, every operation", () => {
  it("answers all 44 of the model's operations with outputs botocore's model accepts", async () => {
    const fixtures = {
      shapes: threeStagePipeline({ name: "shapes", approval: {}, executionMode: "QUEUED" }),
      "shapes-updated": threeStagePipeline({ name: "shapes" }),
      "conditions-wait": conditionPipeline("conditions-wait", {
        Deploy: {
          beforeEntry: {
            conditions: [when("FAIL", rule("Alarm", "CloudWatchAlarm", { AlarmName: "Errors" }))],
          },
        },
      }),
      "conditions-fail": conditionPipeline("conditions-fail", {
        Build: {
          onSuccess: { conditions: [when("FAIL", rule("Check", "LambdaInvoke", { FunctionName: "check" }))] },
        },
      }),
      hook: gitHubPipeline("shapes-hook"),
      ec2: ec2Pipeline("shapes-ec2"),
      jobs: workerPipeline("shapes-jobs"),
      partner: workerPipeline("shapes-partner", PARTNER_TYPE),
      customType: CUSTOM_TYPE,
      customTypeDefinition: CUSTOM_TYPE_DEFINITION,
      partnerType: PARTNER_TYPE,
      testProvider: TEST_PROVIDER,
    };
    const file = join(dir, "fixtures.json");
    await writeFile(file, JSON.stringify(fixtures));
    const out = await boto3<{ called: string[]; problems: string[] }>(
      "all_operations.py",
      h.sandbox.endpoint,
      [file],
    );
    expect(out.problems).toEqual([]);
    const operations = await modelOperations();
    expect(operations).toHaveLength(44);
    expect(out.called).toEqual(operations);
    expect(Object.keys(OPERATION_HANDLERS).sort()).toEqual(operations);
  }, 120_000);
});
