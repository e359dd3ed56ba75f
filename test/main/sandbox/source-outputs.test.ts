/**
 * Source actions report what their provider reports and variables resolve (or fail the action) as
 * in AWS, seen through boto3 exactly as a user's script sees them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { boto3 } from "./boto3";
import { openHarness, type Harness } from "./harness";
import { BROKEN, CONNECTION_ARN, REFERENCES, sourcesPipeline } from "./source-fixtures";

interface Detail {
  actionName: string;
  status: string;
  input: { configuration: Record<string, string>; resolvedConfiguration?: Record<string, string> };
  output: {
    executionResult?: {
      externalExecutionId?: string;
      externalExecutionSummary?: string;
      externalExecutionUrl?: string;
      errorDetails?: { code: string; message: string };
    };
    outputVariables?: Record<string, string>;
  };
}
interface Revision {
  actionName: string;
  revisionId?: string;
  revisionSummary?: string;
  revisionUrl?: string;
}
interface Observed {
  execution: {
    status: string;
    statusSummary?: string;
    pipelineExecutionId: string;
    artifactRevisions: (Omit<Revision, "actionName"> & { name: string; revisionChangeIdentifier?: string })[];
  };
  summary: { sourceRevisions: Revision[] };
  actions: Detail[];
  state: {
    stageStates: {
      stageName: string;
      actionStates: { actionName: string; revisionUrl?: string; currentRevision?: { revisionId: string } }[];
    }[];
  };
}

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await openHarness({
    scenario: {
      rules: [{ action: "FromCodeCommit", summary: "Fix the login page" }],
      connections: [{ connectionArn: CONNECTION_ARN, providerType: "GitLab" }],
    },
  });
  dir = mkdtempSync(join(tmpdir(), "pipewright-sources-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runWithBoto3(pipeline: PipelineDeclaration, variables: object[] = []): Promise<Observed> {
  const file = join(dir, `${pipeline.name}.json`);
  writeFileSync(file, JSON.stringify({ pipeline }));
  return boto3<Observed>("run_pipeline.py", h.sandbox.endpoint, [file, JSON.stringify(variables)]);
}

const byName = <T extends { actionName: string }>(list: readonly T[]) =>
  new Map(list.map((item) => [item.actionName, item]));

describe("source actions, through boto3", () => {
  it("report each provider's revision, link and output variables, which a later action uses", async () => {
    const seen = await runWithBoto3(sourcesPipeline("sources"), [{ name: "ENV", value: "prod" }]);
    expect(seen.execution.status).toBe("Succeeded");
    const revisions = byName(seen.summary.sourceRevisions);
    const actions = byName(seen.actions);

    // S3: the object version is the revision; ETag and VersionId; no commit, no link.
    const s3 = actions.get("FromS3")?.output;
    expect(Object.keys(s3?.outputVariables ?? {}).sort()).toEqual(["ETag", "VersionId"]);
    expect(s3?.outputVariables?.ETag).toMatch(/^[0-9a-f]{32}$/);
    const versionId = s3?.outputVariables?.VersionId ?? "";
    expect(versionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(revisions.get("FromS3")).toEqual({
      actionName: "FromS3",
      revisionId: versionId,
      revisionSummary: `Amazon S3 version id: ${versionId}`,
    });
    expect(
      seen.execution.artifactRevisions.find((a) => a.name === "S3SrcOut")?.revisionChangeIdentifier,
    ).toBe(s3?.outputVariables?.ETag);

    // ECR: the image digest, with the image's registry, repository, tag and URI.
    const ecr = actions.get("FromEcr")?.output?.outputVariables ?? {};
    expect(ecr.ImageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ecr).toEqual({
      RegistryId: "123456789012",
      RepositoryName: "web",
      ImageTag: "v2",
      ImageDigest: ecr.ImageDigest,
      ImageURI: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@${ecr.ImageDigest}`,
    });
    expect(revisions.get("FromEcr")?.revisionId).toBe(ecr.ImageDigest);

    // CodeCommit: the commit, its message, dates, branch and repository, linked in the console.
    const cc = actions.get("FromCodeCommit")?.output?.outputVariables ?? {};
    expect(Object.keys(cc).sort()).toEqual([
      "AuthorDate",
      "BranchName",
      "CommitId",
      "CommitMessage",
      "CommitterDate",
      "RepositoryName",
    ]);
    expect(cc).toMatchObject({
      BranchName: "main",
      CommitMessage: "Fix the login page",
      RepositoryName: "app",
    });
    expect(cc.CommitId).toMatch(/^[0-9a-f]{40}$/);
    expect(cc.CommitterDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(revisions.get("FromCodeCommit")).toEqual({
      actionName: "FromCodeCommit",
      revisionId: cc.CommitId,
      revisionSummary: "Fix the login page",
      revisionUrl: `https://console.aws.amazon.com/codecommit/home?region=us-east-1#/repository/app/commit/${cc.CommitId}`,
    });

    // A connection: the commit on the connection's host (GitLab here), through the console's redirect.
    const conn = actions.get("FromGitLab")?.output?.outputVariables ?? {};
    expect(conn).toMatchObject({
      BranchName: "release",
      ConnectionArn: CONNECTION_ARN,
      FullRepositoryName: "group/web",
    });
    expect(Object.keys(conn).sort()).toEqual([
      "AuthorDate",
      "BranchName",
      "CommitId",
      "CommitMessage",
      "ConnectionArn",
      "FullRepositoryName",
    ]);
    const connRevision = revisions.get("FromGitLab");
    expect(JSON.parse(connRevision?.revisionSummary ?? "{}")).toEqual({
      ProviderType: "GitLab",
      CommitMessage: "Simulated change on release",
    });
    expect(connRevision?.revisionUrl).toBe(
      `https://us-east-1.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=${CONNECTION_ARN}&referenceType=COMMIT&FullRepositoryId=group/web&Commit=${conn.CommitId}`,
    );
    const sourceStates = byName(seen.state.stageStates[0]?.actionStates ?? []);
    expect(sourceStates.get("FromGitLab")?.revisionUrl).toBe(connRevision?.revisionUrl);
    expect(sourceStates.get("FromS3")?.currentRevision?.revisionId).toBe(versionId);
    expect(sourceStates.get("FromS3")?.revisionUrl).toBeUndefined();

    // The build's configuration, every reference resolved.
    const use = actions.get("Use");
    const environment = JSON.parse(use?.input.resolvedConfiguration?.EnvironmentVariables ?? "[]") as {
      name: string;
      value: string;
    }[];
    expect(Object.fromEntries(environment.map((e) => [e.name, e.value]))).toEqual({
      VERSION_ID: versionId,
      ETAG: s3?.outputVariables?.ETag,
      IMAGE: ecr.ImageURI,
      COMMIT: cc.CommitId,
      REPO: "group/web",
      ENV: "prod",
      RUN: seen.execution.pipelineExecutionId,
    });
    expect(use?.input.configuration.EnvironmentVariables).toContain(REFERENCES.VERSION_ID);
  });

  it("gives a build's and a Commands action's own variables to the actions that use them", async () => {
    const pipeline = sourcesPipeline("exported");
    pipeline.stages[1]!.actions = [
      {
        name: "Compile",
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        configuration: { ProjectName: "app" },
        inputArtifacts: [{ name: "CcSrcOut" }],
        namespace: "BuildVars",
      },
      {
        name: "Stamp",
        actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
        commands: ["export VERSION=1.2.3"],
        outputVariables: ["VERSION"],
        inputArtifacts: [{ name: "CcSrcOut" }],
        namespace: "Cmd",
      },
    ];
    pipeline.stages.push({
      name: "Deploy",
      actions: [
        {
          name: "Publish",
          actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
          configuration: {
            BucketName: "site",
            Extract: "false",
            ObjectKey: "#{BuildVars.IMAGE_TAG}/#{Cmd.VERSION}.zip",
          },
          inputArtifacts: [{ name: "CcSrcOut" }],
        },
      ],
    });
    const seen = await runWithBoto3(pipeline);
    expect(seen.execution.status).toBe("Succeeded");
    const actions = byName(seen.actions);
    const tag = actions.get("Compile")?.output.outputVariables?.IMAGE_TAG ?? "";
    expect(tag).toMatch(/^image_tag-[0-9a-f]{8}$/);
    expect(Object.keys(actions.get("Stamp")?.output.outputVariables ?? {})).toEqual(["VERSION"]);
    const version = actions.get("Stamp")?.output.outputVariables?.VERSION;
    expect(actions.get("Publish")?.input.resolvedConfiguration?.ObjectKey).toBe(`${tag}/${version}.zip`);
  });

  it("fails an action whose configuration references a variable nothing produced, naming it", async () => {
    const seen = await runWithBoto3(sourcesPipeline("unresolved", [BROKEN]));
    expect(seen.execution.status).toBe("Failed");
    const broken = byName(seen.actions).get("Broken");
    const message =
      "An action in this pipeline failed because one or more variables could not be resolved: Action name=Broken. Unresolved: #{CcSrc.NoSuchVariable}";
    expect(broken?.status).toBe("Failed");
    expect(broken?.output.executionResult?.errorDetails).toEqual({ code: "JobFailed", message });
    // Nothing resolved is ever shown with a reference left in it.
    expect(broken?.input.resolvedConfiguration).toBeUndefined();
    expect(broken?.output.executionResult?.externalExecutionId).toBeUndefined();
    expect(seen.execution.statusSummary).toBe(`Stage Build failed: action Broken: ${message}`);
    // The rest of its runOrder group still ran.
    expect(byName(seen.actions).get("Use")?.status).toBe("Succeeded");
  });
});
