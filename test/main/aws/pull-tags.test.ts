/**
 * `pull` keeps the pipeline's tags, so pull → deploy does not lose them: through the real SDK
 * against the sandbox (create, pull, update, delete, re-create from the pulled file) and against
 * moto, an independent implementation of ListTagsForResource.
 */
import { DeletePipelineCommand } from "@aws-sdk/client-codepipeline";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyDeploy, Gateway, planDeploy, pullPipeline, type Connection } from "../../../main/aws";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { parseDocument } from "../../../shared/formats";
import type { PipelineDocument } from "../../../shared/pipeline/model";
import { clientFor } from "../sandbox/harness";
import { dummyAwsEnv } from "./support/aws-cli";
import { startMoto, type MotoServer } from "./support/moto-server";
import { createInput, ROLE_NAME, samplePipeline } from "./support/pipelines";

const TAGS = [
  { key: "team", value: "payments" },
  { key: "cost-center", value: "4711" },
];
/** ListTagsForResource answers in key order (the sandbox and moto alike). */
const LISTED = [...TAGS].sort((a, b) => a.key.localeCompare(b.key));

function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function deploy(gateway: Gateway, connection: Connection, document: PipelineDocument) {
  return must(await applyDeploy(gateway, must(await planDeploy(gateway, document, connection))));
}

async function tagsOf(gateway: Gateway, connection: Connection, name: string) {
  const pulled = must(await pullPipeline(gateway, connection, name));
  const arn = pulled.remote.metadata.pipelineArn ?? "";
  return must(await gateway.listTags(connection, arn, name));
}

describe("pull keeps tags (sandbox)", () => {
  let sandbox: Sandbox;
  let gateway: Gateway;
  let connection: Connection;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 1, log: () => {} });
    gateway = new Gateway({ maxAttempts: 2 });
    connection = { kind: "sandbox", endpoint: sandbox.endpoint };
  });
  afterAll(async () => {
    gateway.dispose();
    await sandbox.close();
  });

  it("writes the tags beside get-pipeline output, and the file parses back with them", async () => {
    await deploy(gateway, connection, createInput(samplePipeline("tagged-pull"), TAGS));
    const pulled = must(await pullPipeline(gateway, connection, "tagged-pull"));
    expect(pulled.tags).toEqual(LISTED);
    expect(pulled.tagsError).toBeUndefined();
    const file = JSON.parse(pulled.text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(["pipeline", "metadata", "tags"]);
    expect(file["tags"]).toEqual(LISTED);
    expect(parseDocument(pulled.text).document?.shape).toBe("get-output");
  });

  it("writes no tags member for an untagged pipeline (exactly get-pipeline's shape)", async () => {
    await deploy(gateway, connection, createInput(samplePipeline("untagged-pull"), []));
    const pulled = must(await pullPipeline(gateway, connection, "untagged-pull"));
    expect(Object.keys(JSON.parse(pulled.text) as object)).toEqual(["pipeline", "metadata"]);
  });

  it("deploys the pulled file as an update without touching the tags", async () => {
    const pulled = must(await pullPipeline(gateway, connection, "tagged-pull"));
    const document = pulled.document;
    document.pipeline.stages[1]!.actions[0]!.configuration = { ProjectName: "renamed" };
    await deploy(gateway, connection, document);
    expect(await tagsOf(gateway, connection, "tagged-pull")).toEqual(LISTED);
  });

  it("re-creates a deleted pipeline from the pulled file with its tags", async () => {
    const pulled = must(await pullPipeline(gateway, connection, "tagged-pull"));
    const client = clientFor(sandbox.endpoint);
    await client.send(new DeletePipelineCommand({ name: "tagged-pull" }));
    client.destroy();
    const plan = must(await planDeploy(gateway, pulled.document, connection));
    expect(plan).toMatchObject({ action: "create", tags: LISTED });
    must(await applyDeploy(gateway, plan));
    expect(await tagsOf(gateway, connection, "tagged-pull")).toEqual(LISTED);
  });
});

describe("pull keeps tags (moto)", () => {
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

  it("reads the tags moto stores and writes them to the file", async () => {
    await deploy(gateway, connection, createInput(samplePipeline("moto-tagged"), TAGS));
    const pulled = must(await pullPipeline(gateway, connection, "moto-tagged"));
    expect(pulled.tags).toEqual(LISTED);
    expect((JSON.parse(pulled.text) as { tags?: unknown }).tags).toEqual(LISTED);
  });
});
