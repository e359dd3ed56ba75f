import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../../../shared/service-model";
import { gitHubPipeline } from "./catalog-fixtures";
import { threeStagePipeline } from "./fixtures";
import { openHarness, type Harness } from "./harness";
import { rawCall, target } from "./wire";

let h: Harness;
const internalErrors: string[] = [];
beforeAll(async () => {
  h = await openHarness({ log: (m) => internalErrors.push(m) });
});
afterAll(() => h.close());

async function call(
  operation: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return rawCall(h.sandbox.endpoint, target(operation), JSON.stringify(body));
}

/**
 * In the AWS JSON protocol a member sent as `null` is a member not sent: SDKs write optional
 * members that way (the JS SDK v2, hand-written clients), and the service answers as if they were
 * absent, never with a 500.
 */
describe("explicit JSON null members are absent members", () => {
  it("creates and reads a pipeline whose optional members are all null", async () => {
    const pipeline = {
      ...threeStagePipeline({ name: "nulls" }),
      executionMode: null,
      pipelineType: null,
      variables: null,
      triggers: null,
      artifactStores: null,
      version: null,
    };
    const created = await call("CreatePipeline", { pipeline, tags: null });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    const stored = created.json.pipeline as Record<string, unknown>;
    // Absent members get the service's defaults, as if they had never been sent.
    expect(stored).toMatchObject({ executionMode: "SUPERSEDED", pipelineType: "V1", version: 1 });
    expect(stored).not.toHaveProperty("variables");
    expect(created.json.tags).toEqual([]);
    const got = await call("GetPipeline", { name: "nulls", version: null });
    expect(got.status).toBe(200);
  });

  it("answers every operation's optional nulls as absences", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["ListPipelines", { nextToken: null, maxResults: null }],
      [
        "StartPipelineExecution",
        { name: "nulls", variables: null, clientRequestToken: null, sourceRevisions: null },
      ],
      ["ListPipelineExecutions", { pipelineName: "nulls", filter: null, maxResults: null, nextToken: null }],
      [
        "ListActionExecutions",
        { pipelineName: "nulls", filter: { pipelineExecutionId: null }, maxResults: null },
      ],
      ["ListRuleExecutions", { pipelineName: "nulls", filter: null, nextToken: null }],
      ["GetPipelineState", { name: "nulls" }],
      [
        "ListTagsForResource",
        { resourceArn: "arn:aws:codepipeline:us-east-1:123456789012:nulls", nextToken: null },
      ],
      ["ListActionTypes", { actionOwnerFilter: null, regionFilter: null, nextToken: null }],
      ["ListRuleTypes", { ruleOwnerFilter: null, regionFilter: null }],
      ["ListWebhooks", { NextToken: null, MaxResults: null }],
      [
        "CreateCustomActionType",
        {
          category: "Test",
          provider: "NullWorker",
          version: "1",
          settings: null,
          configurationProperties: null,
          tags: null,
          inputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
          outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
        },
      ],
    ];
    for (const [operation, body] of cases) {
      const res = await call(operation, body);
      expect(res.status, `${operation}: ${JSON.stringify(res.json)}`).toBe(200);
    }
    await call("CreatePipeline", { pipeline: gitHubPipeline("nulls-hook") });
    const hook = await call("PutWebhook", {
      webhook: {
        name: "nulls",
        targetPipeline: "nulls-hook",
        targetAction: "Checkout",
        filters: [{ jsonPath: "$.ref", matchEquals: null }],
        authentication: "UNAUTHENTICATED",
        authenticationConfiguration: { SecretToken: null, AllowedIPRange: null },
      },
      tags: null,
    });
    expect(hook.status, JSON.stringify(hook.json)).toBe(200);
    const run = (await call("ListPipelineExecutions", { pipelineName: "nulls" })).json
      .pipelineExecutionSummaries as { pipelineExecutionId: string }[];
    const stop = await call("StopPipelineExecution", {
      pipelineName: "nulls",
      pipelineExecutionId: run[0]?.pipelineExecutionId,
      abandon: null,
      reason: null,
    });
    expect([200, 400]).toContain(stop.status);
    expect(stop.json.__type ?? "ok").not.toBe("InternalFailure");
    expect(internalErrors).toEqual([]);
  });

  it("still requires required members: a null one is a ValidationException naming it", async () => {
    const cases: [string, unknown, string][] = [
      ["GetPipeline", { name: null }, "name"],
      [
        "CreatePipeline",
        { pipeline: { ...threeStagePipeline({ name: "n" }), roleArn: null } },
        "pipeline.roleArn",
      ],
      ["PutWebhook", { webhook: null }, "webhook"],
      ["DeleteCustomActionType", { category: "Build", provider: null, version: "1" }, "provider"],
      ["ListDeployActionExecutionTargets", { actionExecutionId: null }, "actionExecutionId"],
    ];
    for (const [operation, body, member] of cases) {
      const res = await call(operation, body);
      expect(res.status, operation).toBe(400);
      expect(res.json.__type, operation).toBe("ValidationException");
      expect(res.json.message, operation).toContain(
        `Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      );
    }
  });
});

/**
 * Not-found paths, each checked against the operation's error list in the service model. Where
 * the model lists no not-found error the sandbox's choice is explained beside it.
 */
describe("error paths against the model's error lists", () => {
  it("answers unknown names with the errors AWS lists", async () => {
    const expected: [string, unknown, string | null][] = [
      ["GetPipeline", { name: "ghost" }, "PipelineNotFoundException"],
      ["GetPipeline", { name: "nulls", version: 99 }, "PipelineVersionNotFoundException"],
      ["GetPipelineState", { name: "ghost" }, "PipelineNotFoundException"],
      ["StartPipelineExecution", { name: "ghost" }, "PipelineNotFoundException"],
      // The model lists no not-found error for UpdatePipeline; moto answers ResourceNotFoundException,
      // which the model does not list for it either. PipelineNotFoundException is the service's own
      // not-found error (its other operations answer it), and the one a caller can act on.
      ["UpdatePipeline", { pipeline: threeStagePipeline({ name: "ghost" }) }, "PipelineNotFoundException"],
      // DeletePipeline lists no not-found error: deleting a pipeline that is gone succeeds (moto agrees).
      ["DeletePipeline", { name: "ghost" }, null],
      ["DeleteWebhook", { name: "ghost" }, null],
      ["RegisterWebhookWithThirdParty", { webhookName: "ghost" }, "WebhookNotFoundException"],
      ["DeregisterWebhookWithThirdParty", { webhookName: "ghost" }, "WebhookNotFoundException"],
      [
        "GetActionType",
        { category: "Build", owner: "AWS", provider: "Ghost", version: "1" },
        "ActionTypeNotFoundException",
      ],
      [
        "ListDeployActionExecutionTargets",
        { actionExecutionId: "ghost" },
        "ActionExecutionNotFoundException",
      ],
      [
        "ListDeployActionExecutionTargets",
        { pipelineName: "ghost", actionExecutionId: "x" },
        "PipelineNotFoundException",
      ],
      [
        "ListTagsForResource",
        { resourceArn: "arn:aws:codepipeline:us-east-1:123456789012:ghost" },
        "ResourceNotFoundException",
      ],
      // Another account's ARN is not a resource of this one.
      [
        "ListTagsForResource",
        { resourceArn: "arn:aws:codepipeline:us-east-1:999999999999:x" },
        "InvalidArnException",
      ],
    ];
    for (const [operation, body, error] of expected) {
      const res = await call(operation, body);
      if (error === null) {
        expect(res.status, operation).toBe(200);
        continue;
      }
      expect(res.json.__type, operation).toBe(error);
      const listed = OPERATIONS[operation]?.errors ?? [];
      if (operation !== "UpdatePipeline") expect(listed, operation).toContain(error);
    }
    expect(internalErrors).toEqual([]);
  });
});
