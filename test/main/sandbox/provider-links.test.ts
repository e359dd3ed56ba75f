/**
 * Action executions carry what the provider would report: a CodeBuild build id and console link, a
 * CodeDeploy deployment, a Commands action's log stream. The runs view turns these into links.
 */
import {
  CreatePipelineCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDetail } from "../../../shared/execution/segments";
import { ROLE } from "./fixtures";
import { openHarness, waitFor, waitForExecution, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ accountId: "111122223333" });
});
afterAll(() => h.close());

function pipeline(): PipelineDeclaration {
  const file = join(import.meta.dirname, "..", "..", "fixtures", "aws", "codecommit-commands-v2.json");
  const { pipeline: p } = JSON.parse(readFileSync(file, "utf8")) as { pipeline: PipelineDeclaration };
  p.name = "links";
  p.roleArn = ROLE.replace("123456789012", "111122223333");
  p.stages?.push({
    name: "Build",
    actions: [
      {
        name: "Compile",
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        configuration: { ProjectName: "web app" },
        inputArtifacts: [{ name: "SourceArtifact" }],
        runOrder: 1,
      },
      {
        name: "Roll",
        actionTypeId: { category: "Deploy", owner: "AWS", provider: "CodeDeploy", version: "1" },
        configuration: { ApplicationName: "web", DeploymentGroupName: "prod" },
        inputArtifacts: [{ name: "BuildArtifact" }],
        runOrder: 2,
      },
    ],
  });
  return p;
}

describe("provider links in action executions", () => {
  it("gives CodeBuild a build id and console link, CodeDeploy a deployment, Commands a log stream", async () => {
    await h.client.send(new CreatePipelineCommand({ pipeline: pipeline() }));
    const runId = await waitFor("the first run", async () => {
      const page = await h.client.send(new ListPipelineExecutionsCommand({ pipelineName: "links" }));
      return page.pipelineExecutionSummaries?.[0]?.pipelineExecutionId;
    });
    expect(await waitForExecution(h.client, "links", runId, ["Succeeded", "Failed"])).toBe("Succeeded");
    const { actionExecutionDetails = [] } = await h.client.send(
      new ListActionExecutionsCommand({ pipelineName: "links", filter: { pipelineExecutionId: runId } }),
    );
    const byName = new Map(actionExecutionDetails.map((d) => [d.actionName, d]));

    const build = byName.get("Compile")?.output?.executionResult;
    // Build ids are `<project>:<uuid>`, linked as the service links them (see provider-links.ts).
    expect(build?.externalExecutionId).toMatch(
      /^web app:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(build?.externalExecutionUrl).toBe(
      `https://console.aws.amazon.com/codebuild/home?region=us-east-1#/builds/web%20app:${build?.externalExecutionId?.slice("web app:".length)}/view/new`,
    );
    const roll = byName.get("Roll")?.output?.executionResult;
    expect(roll?.externalExecutionId).toMatch(/^d-[0-9A-F]{9}$/);
    expect(roll?.externalExecutionUrl).toBe(
      `https://console.aws.amazon.com/codedeploy/home?region=us-east-1#/deployments/${roll?.externalExecutionId}`,
    );

    const commands = byName.get("Commands_action");
    const arn = commands?.output?.executionResult?.logStreamARN;
    expect(arn).toBe(
      `arn:aws:logs:us-east-1:111122223333:log-group:/aws/codepipeline/links:log-stream:Commands_action/${commands?.actionExecutionId}`,
    );
    // What the runs view shows for it: a CloudWatch Logs console link.
    expect(readDetail(JSON.parse(JSON.stringify(commands))).logUrl).toMatch(
      /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#logsV2:log-groups\/log-group\/\$252Faws\$252Fcodepipeline\$252Flinks\/log-events\/Commands_action\$252F/,
    );
    // The same log stream reaches GetPipelineState's latest execution of the action.
    const state = await h.client.send(new GetPipelineStateCommand({ name: "links" }));
    const latest = state.stageStates
      ?.find((s) => s.stageName === "Compute")
      ?.actionStates?.find((a) => a.actionName === "Commands_action")?.latestExecution;
    expect(latest?.logStreamARN).toBe(arn);
    // Source actions still report their commit, not a provider execution.
    expect(byName.get("Source")?.output?.executionResult?.externalExecutionId).toMatch(/^[0-9a-f]{40}$/);
    // Each action links to its entity: the build project, the deployment's application.
    const entity = (stage: string, action: string) =>
      state.stageStates
        ?.find((s) => s.stageName === stage)
        ?.actionStates?.find((a) => a.actionName === action)?.entityUrl;
    expect(entity("Build", "Compile")).toBe(
      "https://console.aws.amazon.com/codebuild/home?region=us-east-1#/projects/web%20app/view",
    );
    expect(entity("Build", "Roll")).toBe(
      "https://console.aws.amazon.com/codedeploy/home?region=us-east-1#/applications/web",
    );
    expect(entity("Source", "Source")).toBe(
      "https://console.aws.amazon.com/codecommit/home?region=us-east-1#/repository/MyDemoRepo/browse/main/--/",
    );
  });
});
