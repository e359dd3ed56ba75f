/**
 * The gateway's credential chain with real profile files: credential_process and SSO resolve (or
 * fail) through the SDK's own providers; calls reach the sandbox via AWS_ENDPOINT_URL_CODEPIPELINE.
 */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway } from "../../../main/aws";
import { startSandbox, type Sandbox } from "../../../main/sandbox";

let dir: string;
let sandbox: Sandbox;
const saved = { ...process.env };

beforeAll(async () => {
  sandbox = await startSandbox({ log: () => {} });
  dir = await mkdtemp(join(tmpdir(), "pipewright-creds-"));
  const script = join(dir, "creds.sh");
  // Prints credentials as credential_process must; the marker file proves the SDK ran it.
  await writeFile(
    script,
    `#!/bin/sh\ntouch "${join(dir, "ran")}"\necho '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "process-secret"}'\n`,
  );
  await chmod(script, 0o755);
  await writeFile(
    join(dir, "config"),
    [
      "[profile proc]",
      `credential_process = ${script}`,
      "region = eu-west-1",
      "[profile sso-expired]",
      "sso_session = corp",
      "sso_account_id = 111122223333",
      "sso_role_name = Admin",
      "region = eu-west-1",
      "[sso-session corp]",
      "sso_start_url = https://corp.awsapps.com/start",
      "sso_region = us-east-1",
      "",
    ].join("\n"),
  );
  for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
  Object.assign(process.env, {
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL_CODEPIPELINE: sandbox.endpoint,
  });
});

afterAll(async () => {
  process.env = saved;
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

describe("credentials through the SDK chain", () => {
  it("runs a profile's credential_process and reaches the endpoint override", async () => {
    const gateway = new Gateway({ maxAttempts: 1 });
    try {
      const result = await gateway.getPipeline(
        { kind: "aws", profile: "proc", region: "eu-west-1" },
        "absent",
      );
      expect(result).toMatchObject({ ok: false, error: { code: "pipeline-not-found" } });
      const { existsSync } = await import("node:fs");
      expect(existsSync(join(dir, "ran"))).toBe(true);
    } finally {
      gateway.dispose();
    }
  });

  it("says to run aws sso login for an SSO profile without a valid session", async () => {
    const gateway = new Gateway({ maxAttempts: 1 });
    try {
      const result = await gateway.listPipelines({
        kind: "aws",
        profile: "sso-expired",
        region: "eu-west-1",
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("expired-sso-token");
      expect(result.error.message).toContain("run `aws sso login --profile sso-expired`");
    } finally {
      gateway.dispose();
    }
  });

  it("picks up credentials that appear after a failure (the cached client does not keep the failure)", async () => {
    const gateway = new Gateway({ maxAttempts: 1 });
    const connection = { kind: "aws" as const, region: "eu-west-1" };
    try {
      expect(await gateway.listPipelines(connection)).toMatchObject({
        ok: false,
        error: { code: "credentials-missing" },
      });
      process.env.AWS_ACCESS_KEY_ID = "AKIDLATER";
      process.env.AWS_SECRET_ACCESS_KEY = "later-secret";
      expect(await gateway.listPipelines(connection)).toMatchObject({ ok: true });
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      gateway.dispose();
    }
  });

  it("names a profile that is in neither file", async () => {
    const gateway = new Gateway({ maxAttempts: 1 });
    try {
      expect(await gateway.listPipelines({ kind: "aws", profile: "ghost", region: "eu-west-1" })).toEqual({
        ok: false,
        error: {
          code: "profile-not-found",
          message: "The profile is not in the AWS config or credentials files: ghost",
        },
      });
    } finally {
      gateway.dispose();
    }
  });

  it("reports missing credentials when the chain finds none", async () => {
    const gateway = new Gateway({ maxAttempts: 1 });
    try {
      const result = await gateway.listPipelines({ kind: "aws", region: "eu-west-1" });
      expect(result).toMatchObject({ ok: false, error: { code: "credentials-missing" } });
    } finally {
      gateway.dispose();
    }
  });

  it("needs a running sandbox for a sandbox connection without an endpoint", async () => {
    const gateway = new Gateway();
    expect(await gateway.listPipelines({ kind: "sandbox" })).toMatchObject({
      ok: false,
      error: { code: "sandbox-unavailable" },
    });
    const embedded = new Gateway({ sandboxEndpoint: () => sandbox.endpoint });
    try {
      expect(await embedded.getCallerIdentity({ kind: "sandbox" })).toEqual({
        ok: true,
        value: { account: "sandbox", arn: `sandbox:${sandbox.endpoint}` },
      });
    } finally {
      embedded.dispose();
    }
  });
});
