/**
 * What the app's runs view shows for source actions and unresolved variables: the runs service
 * reads a run from the sandbox through the real SDK, and the timeline the view draws is built from
 * it (readDetail per action attempt), as in the app.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Gateway, type AwsResult, type Connection } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { buildTimeline } from "../../../shared/execution";
import { waitFor } from "../sandbox/harness";
import { BROKEN, CONNECTION_ARN, sourcesPipeline } from "../sandbox/source-fixtures";

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

async function latestRun(withBroken: boolean) {
  sandbox = await startSandbox({
    speed: 2000,
    log: () => {},
    scenario: { connections: [{ connectionArn: CONNECTION_ARN, providerType: "Bitbucket" }] },
  });
  gateway = new Gateway({ maxAttempts: 1 });
  const connection: Connection = { kind: "sandbox", endpoint: sandbox.endpoint };
  const runs = new RunsService(gateway);
  const pipeline = sourcesPipeline("view", withBroken ? [BROKEN] : []);
  must(await gateway.createPipeline(connection, pipeline, []));
  const id = must(await runs.listRuns(connection, "view")).summaries[0]?.pipelineExecutionId ?? "";
  const detail = await waitFor("the run to end", async () => {
    const read = must(await runs.getRunDetail(connection, "view", id));
    return read.execution.status === "InProgress" ? undefined : read;
  });
  const actions = new Map(
    buildTimeline(detail)
      .stages.flatMap((s) => s.actions)
      .map((a) => [a.actionName, a.segments.at(-1)]),
  );
  return { detail, actions };
}

describe("the runs view", () => {
  it("shows each source's own revision and variables: an S3 version, not a commit", async () => {
    const { detail, actions } = await latestRun(false);
    expect(detail.execution.status).toBe("Succeeded");
    const s3 = actions.get("FromS3");
    expect(Object.keys(s3?.outputVariables ?? {}).sort()).toEqual(["ETag", "VersionId"]);
    expect(s3?.externalExecutionId).toBe(s3?.outputVariables.VersionId);
    expect(s3?.externalExecutionUrl).toBeNull();
    expect(s3?.summary).toBe(`Amazon S3 version id: ${s3?.outputVariables.VersionId}`);
    expect(actions.get("FromEcr")?.outputVariables.ImageURI).toMatch(
      /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/web@sha256:[0-9a-f]{64}$/,
    );
    const bitbucket = actions.get("FromGitLab");
    expect(JSON.parse(bitbucket?.summary ?? "{}")).toMatchObject({ ProviderType: "Bitbucket" });
    expect(bitbucket?.externalExecutionUrl).toMatch(
      /connections\/redirect\?connectionArn=.*&referenceType=COMMIT&/,
    );
    const revisions = new Map(detail.summary?.sourceRevisions?.map((r) => [r.actionName, r]));
    expect(revisions.get("FromS3")?.revisionUrl).toBeUndefined();
    expect(revisions.get("FromCodeCommit")?.revisionUrl).toMatch(
      /^https:\/\/console\.aws\.amazon\.com\/codecommit\/home\?region=us-east-1#\/repository\/app\/commit\/[0-9a-f]{40}$/,
    );
    expect(actions.get("Use")?.resolvedConfiguration.EnvironmentVariables).not.toContain("#{");
  });

  it("shows an unresolved reference as the failed action's error, with no resolved configuration", async () => {
    const { detail, actions } = await latestRun(true);
    expect(detail.execution.status).toBe("Failed");
    const broken = actions.get("Broken");
    expect(broken?.status).toBe("Failed");
    expect(broken?.error?.message).toBe(
      "An action in this pipeline failed because one or more variables could not be resolved: Action name=Broken. Unresolved: #{CcSrc.NoSuchVariable}",
    );
    expect(broken?.resolvedConfiguration).toEqual({});
    expect(broken?.configuration.EnvironmentVariables).toContain("#{CcSrc.NoSuchVariable}");
  });
});
