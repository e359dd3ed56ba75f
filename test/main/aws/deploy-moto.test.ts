/**
 * The gateway and deploy service through the real SDK against moto, an independent CodePipeline
 * implementation. The AWS connection finds moto only through AWS_ENDPOINT_URL, as a user's would.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyDeploy, Gateway, planDeploy, type Connection } from "../../../main/aws";
import { renderDiff } from "../../../shared/diff";
import type { PipelineDeclaration, PipelineDocument } from "../../../shared/pipeline/model";
import { dummyAwsEnv, updateWithCli } from "./support/aws-cli";
import { startMoto, type MotoServer } from "./support/moto-server";
import { ACCOUNT, createInput, edited, ROLE_ARN, ROLE_NAME, samplePipeline } from "./support/pipelines";

let moto: MotoServer;
let gateway: Gateway;
const connection: Connection = { kind: "aws", region: "us-east-1" };
const savedEnv = { ...process.env };

beforeAll(async () => {
  moto = await startMoto();
  for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
  Object.assign(process.env, dummyAwsEnv({ AWS_ENDPOINT_URL: moto.endpoint }));
  const iam = new IAMClient({ region: "us-east-1" });
  try {
    await iam.send(
      new CreateRoleCommand({
        RoleName: ROLE_NAME,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "codepipeline.amazonaws.com" },
              Action: "sts:AssumeRole",
            },
          ],
        }),
      }),
    );
  } finally {
    iam.destroy();
  }
  gateway = new Gateway({ maxAttempts: 2 });
}, 60_000);

afterAll(async () => {
  gateway?.dispose();
  process.env = savedEnv;
  await moto?.close();
});

/** The real CLI, asynchronously (moto is another process, but the test should not block). */
function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = resolve(__dirname, "../../../bin/pipewright.js");
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function deployed(document: PipelineDocument): Promise<PipelineDocument> {
  const plan = must(await planDeploy(gateway, document, connection));
  const result = must(await applyDeploy(gateway, plan));
  return edited(document, (p) => ({ ...p, version: result.version }));
}

describe("deploy to moto", () => {
  it("tests the connection with STS GetCallerIdentity", async () => {
    const identity = must(await gateway.getCallerIdentity(connection));
    expect(identity.account).toBe(ACCOUNT);
    expect(identity.arn).toMatch(/^arn:aws:(iam|sts)::123456789012:/);
  });

  it("assumes a role through a role_arn + source_profile profile (STS AssumeRole at moto)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pipewright-moto-profiles-"));
    const before = {
      config: process.env.AWS_CONFIG_FILE,
      credentials: process.env.AWS_SHARED_CREDENTIALS_FILE,
    };
    await writeFile(
      join(dir, "config"),
      `[profile deployer]\nrole_arn = ${ROLE_ARN}\nsource_profile = base\nregion = us-east-1\n`,
    );
    await writeFile(
      join(dir, "credentials"),
      "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n",
    );
    process.env.AWS_CONFIG_FILE = join(dir, "config");
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
    const roles = new Gateway({ maxAttempts: 1 });
    try {
      const identity = must(
        await roles.getCallerIdentity({ kind: "aws", profile: "deployer", region: "us-east-1" }),
      );
      expect(identity.arn).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE_NAME}/`));
    } finally {
      roles.dispose();
      process.env.AWS_CONFIG_FILE = before.config;
      process.env.AWS_SHARED_CREDENTIALS_FILE = before.credentials;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("creates with tags, then an update shows only the real change despite moto's added defaults", async () => {
    const document = await deployed(
      createInput(samplePipeline("moto-one"), [{ key: "team", value: "platform" }]),
    );
    expect(document.pipeline.version).toBe(1);
    const remote = must(await gateway.getPipeline(connection, "moto-one"));
    // moto fills in runOrder and empty artifact lists; the diff must not call those changes.
    expect(remote.pipeline.stages[0]!.actions[0]!.runOrder).toBe(1);
    expect(must(await gateway.listTags(connection, remote.metadata.pipelineArn!, "moto-one"))).toEqual([
      { key: "team", value: "platform" },
    ]);

    const next = edited(document, (p) => {
      p.stages[2]!.actions[0]!.configuration = { BucketName: "new-site", Extract: "true" };
      return p;
    });
    const plan = must(await planDeploy(gateway, next, connection));
    expect(plan.conflict).toBeUndefined();
    expect(renderDiff(plan.diff!)).toBe(
      [
        "~ stage Deploy",
        "    ~ action Publish",
        '        ~ configuration.BucketName: "pipewright-site" -> "new-site"',
        "Summary: 1 stage changed, 1 action changed.",
        "",
      ].join("\n"),
    );
    // moto has no ListPipelineExecutions: the impact is reported unknown, not silently clean.
    expect(plan.warnings.map((w) => w.code)).toEqual(["impact-unknown"]);
    expect(must(await applyDeploy(gateway, plan))).toMatchObject({ action: "update", version: 2 });
    expect(
      must(await gateway.getPipeline(connection, "moto-one")).pipeline.stages[2]!.actions[0]!.configuration,
    ).toEqual({
      BucketName: "new-site",
      Extract: "true",
    });
  });

  it("detects a conflict after an out-of-band update with the AWS CLI", async () => {
    const document = await deployed(createInput(samplePipeline("moto-conflict")));
    const theirs = samplePipeline("moto-conflict");
    theirs.stages[1]!.actions[0]!.configuration = { ProjectName: "their-build" };
    expect((await updateWithCli(moto.endpoint, theirs)).pipeline.version).toBe(2);

    const plan = must(await planDeploy(gateway, document, connection));
    expect(plan.conflict).toMatchObject({ documentVersion: 1, remoteVersion: 2 });
    // moto ignores GetPipeline's version, so what changed remotely cannot be shown (never a wrong diff).
    expect(plan.conflict?.remoteChanges).toBeUndefined();
    // Nor can the document be merged: the base would be the remote itself. The remote still comes.
    expect(plan.conflict).not.toHaveProperty("basePipeline");
    expect(plan.conflict?.remotePipeline.stages[1]!.actions[0]!.configuration).toEqual({
      ProjectName: "their-build",
    });
    expect(renderDiff(plan.diff!)).toContain('~ configuration.ProjectName: "their-build" -> "app-build"');
    expect(await applyDeploy(gateway, plan)).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(must(await applyDeploy(gateway, plan, { overwrite: true }))).toMatchObject({ version: 3 });
  });

  it("pulls with the real CLI through AWS_ENDPOINT_URL and deploys the file back", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pipewright-moto-cli-"));
    try {
      must(await gateway.createPipeline(connection, samplePipeline("moto-pull"), []));
      const env = {
        ...dummyAwsEnv({ AWS_ENDPOINT_URL: moto.endpoint, XDG_CONFIG_HOME: join(dir, "config") }),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      };
      const file = join(dir, "pulled.json");
      const pulled = await runCli(["pull", "moto-pull", "-o", file], env);
      expect(pulled).toMatchObject({ code: 0 });
      const text = await readFile(file, "utf8");
      const parsed = JSON.parse(text) as { pipeline: { version: number }; metadata: { created: string } };
      expect(parsed.pipeline.version).toBe(1);
      // moto's ISO timestamps arrive as dates and are written as ISO again.
      expect(parsed.metadata.created).toMatch(/^\d{4}-\d\d-\d\dT/);
      const same = await runCli(["deploy", file, "--yes"], env);
      expect(same.stdout).toContain(
        "Nothing to deploy: the remote pipeline already matches the file (version 1).",
      );
      await writeFile(file, text.replace('"ProjectName": "app-build"', '"ProjectName": "moto-build"'));
      const changed = await runCli(["deploy", file, "--yes"], env);
      expect(changed.code).toBe(0);
      expect(changed.stdout).toContain('~ configuration.ProjectName: "app-build" -> "moto-build"');
      expect(changed.stdout).toContain("Updated moto-pull: version 2.");
      // The file is not rewritten: the deployed version is kept for the target in the data folder.
      expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ pipeline: { version: 1 } });
      const again = await runCli(["deploy", file, "--yes"], env);
      expect(again.stdout).toContain(
        "Nothing to deploy: the remote pipeline already matches the file (version 2).",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("maps a missing role to invalid-structure on roleArn", async () => {
    const pipeline: PipelineDeclaration = {
      ...samplePipeline("moto-norole"),
      roleArn: `arn:aws:iam::${ACCOUNT}:role/missing`,
    };
    const plan = must(await planDeploy(gateway, createInput(pipeline), connection));
    const result = await applyDeploy(gateway, plan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: "invalid-structure", path: ["roleArn"] });
    expect(result.error.message).toContain(
      "not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/missing",
    );
    expect((await gateway.getPipeline(connection, "moto-norole")).ok).toBe(false);
  });

  it("maps an invalid structure and a name in use", async () => {
    const oneStage = { ...samplePipeline("moto-short"), stages: [samplePipeline("x").stages[0]!] };
    const short = await gateway.createPipeline(connection, oneStage, []);
    expect(short).toMatchObject({ ok: false, error: { code: "invalid-structure" } });
    if (!short.ok) expect(short.error.message).toContain("minimum of 2 stages");

    must(await gateway.createPipeline(connection, samplePipeline("moto-taken"), []));
    const again = await gateway.createPipeline(connection, samplePipeline("moto-taken"), []);
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: "pipeline-name-in-use",
        message: "A pipeline with this name already exists in the account and region: moto-taken",
      },
    });
  });

  it("maps a missing pipeline and an unreachable endpoint", async () => {
    expect(await gateway.getPipeline(connection, "nothing-here")).toMatchObject({
      ok: false,
      error: {
        code: "pipeline-not-found",
        message: "The pipeline does not exist (it may have been deleted): nothing-here",
      },
    });
    // The service-specific variable wins over AWS_ENDPOINT_URL, as the SDK documents.
    process.env.AWS_ENDPOINT_URL_CODEPIPELINE = "http://127.0.0.1:9";
    // A fresh gateway: a client resolves its endpoint once.
    const fresh = new Gateway({ maxAttempts: 1 });
    try {
      const unreachable = await fresh.getPipeline(connection, "moto-one");
      expect(unreachable).toMatchObject({ ok: false, error: { code: "network" } });
      if (!unreachable.ok) expect(unreachable.error.message).toMatch(/^Could not reach .*: ECONNREFUSED$/);
    } finally {
      fresh.dispose();
      delete process.env.AWS_ENDPOINT_URL_CODEPIPELINE;
    }
  });
});
