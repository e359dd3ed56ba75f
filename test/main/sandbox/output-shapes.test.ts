import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_HANDLERS } from "../../../main/sandbox/operations";
import { OPERATIONS, SHAPES } from "../../../shared/service-model";
import { validateAgainstShape } from "../../../main/sandbox/request-validation";
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
import { openHarness, waitFor, type Harness } from "./harness";
import { rawCall, target } from "./wire";

/** Members the model does not declare anywhere in `value`, as dotted paths. */
function undeclared(shapeName: string, value: unknown, path = ""): string[] {
  const shape = SHAPES[shapeName];
  if (!shape || value === null || typeof value !== "object") return [];
  if (shape.type === "structure") {
    return Object.entries(value).flatMap(([member, child]) => {
      const memberShape = shape.members[member];
      return memberShape ? undeclared(memberShape, child, `${path}.${member}`) : [`${path}.${member}`];
    });
  }
  if (shape.type === "list" && Array.isArray(value)) {
    return value.flatMap((item, i) => undeclared(shape.member, item, `${path}[${i}]`));
  }
  if (shape.type === "map") {
    return Object.entries(value).flatMap(([k, v]) => undeclared(shape.value, v, `${path}.${k}`));
  }
  return [];
}

/** Runs a pipeline with stage conditions so condition states and rule executions reach the wire. */
async function conditionResponses(): Promise<void> {
  h.sandbox.scenario.set({ conditionRules: [{ rule: "Alarm", durationSeconds: 1_000_000 }] });
  const pipeline = conditionPipeline("shapes-conditions", {
    Build: {
      onSuccess: { conditions: [when("FAIL", rule("Check", "LambdaInvoke", { FunctionName: "check" }))] },
    },
    Deploy: {
      beforeEntry: { conditions: [when("FAIL", rule("Alarm", "CloudWatchAlarm", { AlarmName: "Errors" }))] },
    },
  });
  await call("CreatePipeline", { pipeline });
  const list = (await call("ListPipelineExecutions", { pipelineName: "shapes-conditions" })) as {
    pipelineExecutionSummaries: { pipelineExecutionId: string }[];
  };
  const id = list.pipelineExecutionSummaries[0]?.pipelineExecutionId ?? "";
  await waitFor("the alarm rule to be checked", async () => {
    const state = (await call("GetPipelineState", { name: "shapes-conditions" })) as {
      stageStates: { beforeEntryConditionState?: { latestExecution?: { status: string } } }[];
    };
    return state.stageStates[2]?.beforeEntryConditionState?.latestExecution?.status === "InProgress"
      ? true
      : undefined;
  });
  await call("OverrideStageCondition", {
    pipelineName: "shapes-conditions",
    stageName: "Deploy",
    pipelineExecutionId: id,
    conditionType: "BEFORE_ENTRY",
  });
  h.sandbox.scenario.set({ conditionRules: [{ rule: "Check", outcome: "fail", errorMessage: "bad" }] });
  const next = (await call("StartPipelineExecution", { name: "shapes-conditions" })) as {
    pipelineExecutionId: string;
  };
  await waitFor("the second run to fail its success condition", async () => {
    const out = (await call("GetPipelineExecution", {
      pipelineName: "shapes-conditions",
      pipelineExecutionId: next.pipelineExecutionId,
    })) as { pipelineExecution: { status: string } };
    return out.pipelineExecution.status === "Failed" ? true : undefined;
  });
  await call("GetPipelineState", { name: "shapes-conditions" });
  const rules = (await call("ListRuleExecutions", { pipelineName: "shapes-conditions", maxResults: 2 })) as {
    ruleExecutionDetails: { status: string }[];
  };
  expect(rules.ruleExecutionDetails.map((r) => r.status)).toEqual(["Failed", "Abandoned"]);
  await call("ListRuleExecutions", {
    pipelineName: "shapes-conditions",
    filter: { pipelineExecutionId: id },
  });
}

/** Custom action types, action and rule type listings, webhooks and deploy targets on the wire. */
async function catalogResponses(): Promise<void> {
  const type = { category: "Build", provider: "ShapesWorker", version: "1" };
  await call("CreateCustomActionType", {
    ...type,
    settings: { entityUrlTemplate: "https://ci.example/{Config:ProjectName}" },
    configurationProperties: [
      { name: "ProjectName", required: true, key: true, secret: false, queryable: true, type: "String" },
    ],
    inputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
    outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
    tags: [{ key: "team", value: "ci" }],
  });
  await call("ListActionTypes", {});
  await call("ListActionTypes", { actionOwnerFilter: "Custom" });
  await call("DeleteCustomActionType", type);
  await call("GetActionType", TEST_PROVIDER.id);
  await call("UpdateActionType", { actionType: { ...TEST_PROVIDER, description: "Updated" } });
  await call("ListRuleTypes", {});
  await call("CreatePipeline", { pipeline: gitHubPipeline("shapes-hook") });
  const webhook = {
    name: "shapes-hook",
    targetPipeline: "shapes-hook",
    targetAction: "Checkout",
    filters: [{ jsonPath: "$.ref", matchEquals: "refs/heads/{Branch}" }],
    authentication: "GITHUB_HMAC",
    authenticationConfiguration: { SecretToken: "s3cret" },
  };
  await call("PutWebhook", { webhook, tags: [{ key: "k", value: "v" }] });
  await call("ListWebhooks", { MaxResults: 10 });
  await call("RegisterWebhookWithThirdParty", { webhookName: "shapes-hook" });
  await call("DeregisterWebhookWithThirdParty", { webhookName: "shapes-hook" });
  await call("DeleteWebhook", { name: "shapes-hook" });
  await call("CreatePipeline", { pipeline: ec2Pipeline("shapes-ec2") });
  const deploy = await waitFor("the EC2 deploy action to run", async () => {
    const out = (await call("ListActionExecutions", { pipelineName: "shapes-ec2" })) as {
      actionExecutionDetails: { actionName: string; actionExecutionId: string; status: string }[];
    };
    return out.actionExecutionDetails.find((d) => d.actionName === "Fleet" && d.status !== "InProgress");
  });
  await call("ListDeployActionExecutionTargets", { actionExecutionId: deploy.actionExecutionId });
}

/** Drives every job worker operation and PutActionRevision, so their answers reach the wire too. */
async function jobResponses(): Promise<void> {
  h.sandbox.scenario.set({ defaults: { Source: { durationSeconds: 0 } } });
  await call("CreateCustomActionType", CUSTOM_TYPE_DEFINITION);
  await call("CreatePipeline", { pipeline: workerPipeline("shapes-jobs") });
  const [job] = await waitFor("a custom job", async () => {
    const out = (await call("PollForJobs", {
      actionTypeId: CUSTOM_TYPE,
      maxBatchSize: 1,
      queryParam: { ProjectName: "web" },
    })) as {
      jobs: { id: string; nonce: string }[];
    };
    return out.jobs.length > 0 ? out.jobs : undefined;
  });
  await call("AcknowledgeJob", { jobId: job?.id, nonce: job?.nonce });
  await call("GetJobDetails", { jobId: job?.id });
  await call("PutJobSuccessResult", {
    jobId: job?.id,
    continuationToken: "step-2",
    executionDetails: { summary: "half", percentComplete: 50 },
  });
  const [next] = await waitFor("the continued job", async () => {
    const out = (await call("PollForJobs", {
      actionTypeId: CUSTOM_TYPE,
      queryParam: { ProjectName: "web" },
    })) as {
      jobs: { id: string; nonce: string }[];
    };
    return out.jobs.length > 0 ? out.jobs : undefined;
  });
  await call("PutJobFailureResult", {
    jobId: next?.id,
    failureDetails: { type: "JobFailed", message: "no" },
  });
  await call("CreatePipeline", { pipeline: workerPipeline("shapes-partner", PARTNER_TYPE) });
  const [partner] = await waitFor("a partner job", async () => {
    const out = (await call("PollForThirdPartyJobs", { actionTypeId: PARTNER_TYPE })) as {
      jobs: { jobId: string; clientId: string }[];
    };
    return out.jobs.length > 0 ? out.jobs : undefined;
  });
  const clientToken = partner?.clientId;
  const details = (await call("GetThirdPartyJobDetails", { jobId: partner?.jobId, clientToken })) as {
    jobDetails: { nonce: string };
  };
  await call("AcknowledgeThirdPartyJob", {
    jobId: partner?.jobId,
    nonce: details.jobDetails.nonce,
    clientToken,
  });
  await call("PutThirdPartyJobSuccessResult", {
    jobId: partner?.jobId,
    clientToken,
    continuationToken: "again",
  });
  const [again] = await waitFor("the continued partner job", async () => {
    const out = (await call("PollForThirdPartyJobs", { actionTypeId: PARTNER_TYPE })) as {
      jobs: { jobId: string }[];
    };
    return out.jobs.length > 0 ? out.jobs : undefined;
  });
  await call("PutThirdPartyJobFailureResult", {
    jobId: again?.jobId,
    clientToken,
    failureDetails: { type: "JobFailed", message: "no" },
  });
  await call("PutActionRevision", {
    pipelineName: "shapes-jobs",
    stageName: "Source",
    actionName: "Checkout",
    actionRevision: { revisionId: "b".repeat(40), revisionChangeId: "c1", created: 1767225600 },
  });
  await call("GetPipelineState", { name: "shapes-jobs" });
}

let h: Harness;
const responses = new Map<string, Record<string, unknown>[]>();

async function call(operation: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await rawCall(h.sandbox.endpoint, target(operation), JSON.stringify(body));
  expect(res.status, `${operation}: ${JSON.stringify(res.json)}`).toBe(200);
  responses.set(operation, [...(responses.get(operation) ?? []), res.json]);
  return res.json;
}

beforeAll(async () => {
  h = await openHarness({
    scenario: { rules: [{ pipeline: "shapes", action: "Publish", outcome: "fail", errorMessage: "denied" }] },
    actionTypes: [TEST_PROVIDER, PARTNER_DECLARATION],
  });
});
afterAll(() => h.close());

describe("responses match the model's output shapes", () => {
  it("every operation answers with only modelled members, valid enums and epoch-second timestamps", async () => {
    const pipeline = threeStagePipeline({ name: "shapes", approval: {}, executionMode: "QUEUED" });
    await call("CreatePipeline", { pipeline, tags: [{ key: "a", value: "b" }] });
    const first = (await call("ListPipelineExecutions", { pipelineName: "shapes" })) as {
      pipelineExecutionSummaries: { pipelineExecutionId: string }[];
    };
    const id = first.pipelineExecutionSummaries[0]?.pipelineExecutionId ?? "";
    const token = await waitFor("an approval token", async () => {
      const state = (await call("GetPipelineState", { name: "shapes" })) as {
        stageStates: { actionStates: { latestExecution?: { token?: string } }[] }[];
      };
      return state.stageStates[2]?.actionStates[0]?.latestExecution?.token;
    });
    await call("DisableStageTransition", {
      pipelineName: "shapes",
      stageName: "Approve",
      transitionType: "Inbound",
      reason: "hold",
    });
    const second = (await call("StartPipelineExecution", { name: "shapes" })) as {
      pipelineExecutionId: string;
    };
    await waitFor("the second run to wait", async () => {
      const state = (await call("GetPipelineState", { name: "shapes" })) as {
        stageStates: { inboundExecutions?: unknown[] }[];
      };
      return state.stageStates[2]?.inboundExecutions ? true : undefined;
    });
    await call("PutApprovalResult", {
      pipelineName: "shapes",
      stageName: "Approve",
      actionName: "Review",
      token,
      result: { status: "Approved", summary: "ok" },
    });
    await waitFor("the first run to fail in Deploy", async () => {
      const out = (await call("GetPipelineExecution", {
        pipelineName: "shapes",
        pipelineExecutionId: id,
      })) as {
        pipelineExecution: { status: string };
      };
      return out.pipelineExecution.status === "Failed" ? true : undefined;
    });
    await call("StopPipelineExecution", {
      pipelineName: "shapes",
      pipelineExecutionId: second.pipelineExecutionId,
      abandon: true,
    });
    await call("EnableStageTransition", {
      pipelineName: "shapes",
      stageName: "Approve",
      transitionType: "Inbound",
    });
    h.sandbox.scenario.set({});
    await call("RetryStageExecution", {
      pipelineName: "shapes",
      stageName: "Deploy",
      pipelineExecutionId: id,
      retryMode: "FAILED_ACTIONS",
    });
    await waitFor("the retried run to succeed", async () => {
      const out = (await call("GetPipelineExecution", {
        pipelineName: "shapes",
        pipelineExecutionId: id,
      })) as {
        pipelineExecution: { status: string };
      };
      return out.pipelineExecution.status === "Succeeded" ? true : undefined;
    });
    await call("RollbackStage", {
      pipelineName: "shapes",
      stageName: "Deploy",
      targetPipelineExecutionId: id,
    });
    await call("ListActionExecutions", { pipelineName: "shapes" });
    await call("ListActionExecutions", {
      pipelineName: "shapes",
      filter: { latestInPipelineExecution: { pipelineExecutionId: id, startTimeRange: "Latest" } },
    });
    await call("GetPipelineState", { name: "shapes" });
    await call("ListPipelineExecutions", { pipelineName: "shapes" });
    await call("GetPipeline", { name: "shapes" });
    await call("UpdatePipeline", { pipeline: threeStagePipeline({ name: "shapes" }) });
    await call("ListPipelines", {});
    const arn = "arn:aws:codepipeline:us-east-1:123456789012:shapes";
    await call("TagResource", { resourceArn: arn, tags: [{ key: "c", value: "d" }] });
    await call("UntagResource", { resourceArn: arn, tagKeys: ["c"] });
    await call("ListTagsForResource", { resourceArn: arn });
    await call("DeletePipeline", { name: "shapes" });
    await conditionResponses();
    await catalogResponses();
    await jobResponses();

    // Every operation the sandbox implements (the model has all 44; the handlers say which exist).
    expect([...responses.keys()].sort()).toEqual(Object.keys(OPERATION_HANDLERS).sort());
    for (const [operation, bodies] of responses) {
      const outputShape = OPERATIONS[operation]?.output;
      for (const body of bodies) {
        if (!outputShape) {
          expect(body, operation).toEqual({});
          continue;
        }
        expect(undeclared(outputShape, body), operation).toEqual([]);
        expect(
          validateAgainstShape(outputShape, body),
          `${operation}: ${JSON.stringify(body)}`,
        ).toBeUndefined();
      }
    }
  });
});
