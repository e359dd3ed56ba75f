/**
 * A fleet to test against: AWS profiles whose `endpoint_url` points at local sandboxes, and
 * pipelines in them that succeed, fail or wait for approval.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection, Gateway } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import type { Sandbox } from "../../../main/sandbox";
import { waitFor } from "../sandbox/harness";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";

/** Source (CodeCommit, which outputs commit dates) → Build → [Approve] → Deploy. */
export function fleetPipeline(name: string, options: { approval?: boolean } = {}): PipelineDeclaration {
  return {
    name,
    roleArn: "arn:aws:iam::123456789012:role/pipewright-fleet-test",
    artifactStore: { type: "S3", location: "pipewright-fleet-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
            configuration: { RepositoryName: "app", BranchName: "main", PollForSourceChanges: "false" },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Compile",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "app-build" },
            inputArtifacts: [{ name: "SourceOutput" }],
            outputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
      ...(options.approval
        ? [
            {
              name: "Approve",
              actions: [
                {
                  name: "Review",
                  actionTypeId: {
                    category: "Approval" as const,
                    owner: "AWS" as const,
                    provider: "Manual",
                    version: "1",
                  },
                },
              ],
            },
          ]
        : []),
      {
        name: "Deploy",
        actions: [
          {
            name: "Publish",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
            configuration: { BucketName: "pipewright-site", Extract: "true" },
            inputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
    ],
  };
}

/** A profile of the test's config file. */
export interface ProfileSpec {
  name: string;
  region: string;
  endpoint: string;
  /** 12 digits: the sandbox takes the key id as the account. */
  accessKeyId: string;
}

/** The config and credentials files of `profiles`, and the environment that points at them. */
export interface ProfileFiles {
  dir: string;
  env: Record<string, string>;
  connection(profile: string): Connection;
  remove(): Promise<void>;
}

/** An SSO profile whose session was never logged in (no token cache): it cannot be used. */
export const EXPIRED_SSO_PROFILE = `[profile expired]
sso_session = corp
sso_account_id = 333333333333
sso_role_name = Admin
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
`;

export async function writeProfiles(
  profiles: readonly ProfileSpec[],
  extraConfig = "",
): Promise<ProfileFiles> {
  const dir = await mkdtemp(join(tmpdir(), "pipewright-fleet-"));
  const endpoints = profiles.map(
    (p) => `[profile ${p.name}]\nregion = ${p.region}\nendpoint_url = ${p.endpoint}\n`,
  );
  await writeFile(join(dir, "config"), [...endpoints, extraConfig].join("\n"));
  await writeFile(
    join(dir, "credentials"),
    profiles
      .map((p) => `[${p.name}]\naws_access_key_id = ${p.accessKeyId}\naws_secret_access_key = fleet-secret\n`)
      .join("\n"),
  );
  const byName = new Map(profiles.map((p) => [p.name, p]));
  return {
    dir,
    env: {
      // The SSO token cache is under the home folder: an empty one here.
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, "config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
      AWS_EC2_METADATA_DISABLED: "true",
    },
    connection: (name) => ({ kind: "aws", profile: name, region: byName.get(name)?.region ?? "us-east-1" }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Replaces every AWS_* variable (and HOME, when given) of this process with `env`; returns the way back. */
export function useAwsEnv(env: Record<string, string>): () => void {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
  Object.assign(process.env, env);
  return () => {
    process.env = saved;
  };
}

/** What a pipeline of a fleet does in its first run. */
export type PipelineFate = "succeed" | "fail" | "approval";

export interface FleetPipelineSpec {
  profile: string;
  name: string;
  fate: PipelineFate;
}

/**
 * Creates the pipelines through the gateway with each one's profile (so through its endpoint_url),
 * failing ones by a scenario rule of their sandbox, and waits until every first run has settled:
 * ended, or waiting for its approval.
 */
export async function deployFleet(
  gateway: Gateway,
  files: ProfileFiles,
  sandboxes: ReadonlyMap<string, Sandbox>,
  specs: readonly FleetPipelineSpec[],
): Promise<void> {
  const runs = new RunsService(gateway);
  for (const spec of specs) {
    if (spec.fate === "fail")
      sandboxes.get(spec.profile)?.scenario.addRule({ pipeline: spec.name, stage: "Build", outcome: "fail" });
  }
  await Promise.all(
    specs.map(async (spec) => {
      const connection = files.connection(spec.profile);
      const created = await gateway.createPipeline(
        connection,
        fleetPipeline(spec.name, { approval: spec.fate === "approval" }),
        [],
      );
      if (!created.ok) throw new Error(`${spec.name}: ${created.error.message}`);
    }),
  );
  for (const spec of specs) {
    const connection = files.connection(spec.profile);
    await waitFor(
      `${spec.name} to settle`,
      async () => {
        if (spec.fate === "approval") {
          const state = await runs.getState(connection, spec.name);
          const waiting = state.ok
            ? state.value.stageStates?.some((s) => s.actionStates?.some((a) => a.latestExecution?.token))
            : false;
          return waiting ? true : undefined;
        }
        const page = await runs.listRuns(connection, spec.name, { pageSize: 1 });
        const status = page.ok ? page.value.summaries[0]?.status : undefined;
        return status === (spec.fate === "fail" ? "Failed" : "Succeeded") ? true : undefined;
      },
      30_000,
    );
  }
}
