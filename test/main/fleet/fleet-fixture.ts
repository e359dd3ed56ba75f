/**
 * A fleet to test against: AWS profiles whose `endpoint_url` points at local sandboxes, and
 * pipelines in them that succeed, fail or wait for approval.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection } from "../../../main/aws";
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

export async function writeProfiles(profiles: readonly ProfileSpec[]): Promise<ProfileFiles> {
  const dir = await mkdtemp(join(tmpdir(), "pipewright-fleet-"));
  await writeFile(
    join(dir, "config"),
    profiles
      .map((p) => `[profile ${p.name}]\nregion = ${p.region}\nendpoint_url = ${p.endpoint}\n`)
      .join("\n"),
  );
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
      AWS_CONFIG_FILE: join(dir, "config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
      AWS_EC2_METADATA_DISABLED: "true",
    },
    connection: (name) => ({ kind: "aws", profile: name, region: byName.get(name)?.region ?? "us-east-1" }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Replaces every AWS_* variable of this process with `env`; returns the way back. */
export function useAwsEnv(env: Record<string, string>): () => void {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
  Object.assign(process.env, env);
  return () => {
    process.env = saved;
  };
}
