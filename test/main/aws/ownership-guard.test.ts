/**
 * The ownership guard through the real SDK against the sandbox: a pipeline a CloudFormation stack
 * owns (tagged the way CloudFormation tags it) or one Terraform manages (a `ManagedBy` tag) is
 * named in the preview, and an update needs the explicit `allowDrift`; the CLI needs --allow-drift.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CodePipelineClient, TagResourceCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsService } from "../../../main/aws/aws-service";
import { applyDeploy, Gateway, planDeploy, type Connection } from "../../../main/aws";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { importIac } from "../../../shared/iac";
import { stringifyCanonical } from "../../../shared/formats";
import { documentRoot } from "../../../shared/pipeline";
import type { PipelineDeclaration, PipelineDocument } from "../../../shared/pipeline/model";
import { dummyAwsEnv } from "./support/aws-cli";
import { createInput, edited, samplePipeline } from "./support/pipelines";

const BIN = resolve(import.meta.dirname, "../../../bin/pipewright.js");
let sandbox: Sandbox;
let gateway: Gateway;
let connection: Connection;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 1, log: () => {} });
  gateway = new Gateway({ maxAttempts: 2 });
  connection = { kind: "sandbox", endpoint: sandbox.endpoint };
  dir = await mkdtemp(join(tmpdir(), "pipewright-ownership-"));
});

afterAll(async () => {
  gateway.dispose();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The ownership warnings (a create starts a run, so "executions-in-progress" may be there too). */
function owners<T extends { code: string }>(warnings: readonly T[]): T[] {
  return warnings.filter((w) => w.code.startsWith("managed-by-"));
}

function renameProject(p: PipelineDeclaration): PipelineDeclaration {
  p.stages[1]!.actions[0]!.configuration = { ProjectName: "renamed-project" };
  return p;
}

async function created(name: string): Promise<PipelineDocument> {
  const document = createInput(samplePipeline(name), []);
  const result = must(await applyDeploy(gateway, must(await planDeploy(gateway, document, connection))));
  return edited(document, (p) => ({ ...renameProject(p), version: result.version }));
}

function client(): CodePipelineClient {
  return new CodePipelineClient({
    endpoint: sandbox.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
  });
}

describe("the sandbox tags a stack-owned pipeline as AWS does", () => {
  it("refuses aws: keys from TagResource; the service path adds them", async () => {
    await created("tag-rules");
    const arn = must(await gateway.getPipeline(connection, "tag-rules")).metadata.pipelineArn!;
    const sdk = client();
    await expect(
      sdk.send(
        new TagResourceCommand({
          resourceArn: arn,
          tags: [{ key: "aws:cloudformation:stack-name", value: "x" }],
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidTagsException" });
    sdk.destroy();
    sandbox.tagAsService("tag-rules", [{ key: "aws:cloudformation:stack-name", value: "web-stack" }]);
    expect(must(await gateway.listTags(connection, arn, "tag-rules"))).toEqual([
      { key: "aws:cloudformation:stack-name", value: "web-stack" },
    ]);
    expect(() => sandbox.tagAsService("tag-rules", [{ key: "team", value: "x" }])).toThrow();
  });
});

describe("deploying to an owned pipeline", () => {
  it("names the stack and refuses the update unless the drift is chosen", async () => {
    const document = await created("stack-owned");
    sandbox.tagAsService("stack-owned", [{ key: "aws:cloudformation:stack-name", value: "web-stack" }]);
    const plan = must(await planDeploy(gateway, document, connection));
    expect(owners(plan.warnings)).toMatchObject([{ code: "managed-by-cloudformation", owner: "web-stack" }]);
    const refused = await applyDeploy(gateway, plan);
    expect(refused).toMatchObject({ ok: false, error: { code: "owned-pipeline" } });
    expect(!refused.ok && refused.error.message).toContain("Export the change as a template instead");
    const remote = must(await gateway.getPipeline(connection, "stack-owned"));
    expect(remote.pipeline.version).toBe(1);
    const again = must(await planDeploy(gateway, document, connection));
    expect(must(await applyDeploy(gateway, again, { allowDrift: true }))).toMatchObject({
      action: "update",
      version: 2,
    });
  });

  it("recognises a configured owner tag, such as Terraform's ManagedBy", async () => {
    const document = await created("tf-owned");
    const arn = must(await gateway.getPipeline(connection, "tf-owned")).metadata.pipelineArn!;
    const sdk = client();
    await sdk.send(
      new TagResourceCommand({ resourceArn: arn, tags: [{ key: "Owner-Tool", value: "terraform" }] }),
    );
    sdk.destroy();
    const plain = must(await planDeploy(gateway, document, connection));
    expect(owners(plain.warnings)).toEqual([]);
    const plan = must(await planDeploy(gateway, document, connection, undefined, { ownerTagKeys: ["Owner-Tool"] }));
    expect(owners(plan.warnings)).toMatchObject([{ code: "managed-by-tag", owner: "Owner-Tool=terraform" }]);
    const service = new AwsService();
    expect(await service.pipelineOwner(connection, arn, "tf-owned", ["Owner-Tool"])).toEqual({
      kind: "tag",
      name: "terraform",
      tagKey: "Owner-Tool",
    });
    service.gateway.dispose();
  });

  it("refuses to deploy values a template resolves at deploy time", async () => {
    const text = `Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: dtv\n      RoleArn: !GetAtt Role.Arn\n      ArtifactStore: { Type: S3, Location: !Ref Bucket }\n      Stages:\n        - Name: Source\n          Actions:\n            - Name: S\n              ActionTypeId: { Category: Source, Owner: AWS, Provider: S3, Version: "1" }\n              Configuration: { S3Bucket: b, S3ObjectKey: k }\n              OutputArtifacts: [{ Name: Out }]\n        - Name: Build\n          Actions:\n            - Name: B\n              ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1" }\n              Configuration: { ProjectName: p }\n              InputArtifacts: [{ Name: Out }]\n`;
    const doc = importIac(text).document!;
    const plan = await planDeploy(gateway, doc, connection);
    expect(plan).toMatchObject({ ok: false, error: { code: "validation-failed" } });
    expect(!plan.ok && plan.error.message).toContain("resolves at deploy time; deploy it with its template");
  });
});

describe("pipewright deploy --allow-drift", () => {
  function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((done, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: dummyAwsEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => done({ code, stderr }));
    });
  }

  it("refuses an owned pipeline without it and updates with it", async () => {
    const document = await created("cli-owned");
    sandbox.tagAsService("cli-owned", [{ key: "aws:cloudformation:stack-name", value: "cli-stack" }]);
    const file = join(dir, "cli-owned.json");
    await writeFile(file, `${stringifyCanonical(documentRoot(document))}\n`);
    const refused = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "Nothing was deployed: This pipeline is managed by a CloudFormation stack",
    );
    expect(refused.stderr).toContain("pass --allow-drift");
    const allowed = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes", "--allow-drift"]);
    expect(allowed.code).toBe(0);
    expect(must(await gateway.getPipeline(connection, "cli-owned")).pipeline.version).toBe(2);
  }, 60_000);
});
