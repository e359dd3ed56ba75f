import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, runPipewright } from "./run-cli";

const IAC = join(REPO_ROOT, "test/fixtures/iac");
const TWO_PIPELINES = join(IAC, "two-pipelines.yaml");
const TERRAFORM = join(IAC, "pipelines.tf");
const GITHUB = join(REPO_ROOT, "test/fixtures/aws/github-v1-codebuild-get-output.json");
const OLD = "previous contents\n";

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe("pipewright import", () => {
  it("with two pipelines names both and writes nothing until one is chosen", async () => {
    const out = join(temp.dir, "out.json");
    writeFileSync(out, OLD);
    const refused = await runPipewright(["import", TWO_PIPELINES, "-o", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "The template has 2 pipelines; choose one: WebPipeline (line 25), DocsPipeline (line 62)",
    );
    expect(refused.stderr).toContain("choose one with --resource WebPipeline | DocsPipeline");
    expect(readFileSync(out, "utf8")).toBe(OLD);

    const chosen = await runPipewright(["import", TWO_PIPELINES, "--resource", "WebPipeline", "-o", out]);
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toContain("5 values are resolved at deploy time and kept as written");
    const doc = JSON.parse(readFileSync(out, "utf8")) as { pipeline: Record<string, unknown> };
    expect(doc.pipeline["roleArn"]).toEqual({ "Fn::GetAtt": ["PipelineRole", "Arn"] });
    expect(temp.files()).toEqual(["out.json"]);

    // Exported again without edits: the template comes back byte for byte, comments included.
    const again = await runPipewright(["export", out, "--format", "cfn-yaml"]);
    expect(again).toMatchObject({ code: 0, stdout: readFileSync(TWO_PIPELINES, "utf8") });
    // The create-pipeline JSON cannot hold !GetAtt: refused with the member's line.
    const json = await runPipewright(["export", out, "--format", "json"]);
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(
      /out\.json:\d+:\d+: error deploy-time-value-not-exportable: .*: !GetAtt PipelineRole\.Arn/,
    );
  }, 60_000);

  it("reads a Terraform file, keeping expressions, and names the line of what it cannot read", async () => {
    const ok = await runPipewright(["import", TERRAFORM, "--resource", "web"]);
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout) as { pipeline: { name: unknown; roleArn: unknown } };
    expect(doc.pipeline.name).toEqual({ "Terraform::Expression": '"${var.prefix}-web"' });
    expect(doc.pipeline.roleArn).toEqual({ "Terraform::Expression": "module.iam.pipeline_role_arn" });

    const dynamic = join(temp.dir, "dynamic.tf");
    writeFileSync(
      dynamic,
      readFileSync(TERRAFORM, "utf8").replace(
        '  stage {\n    name = "Build"',
        '  dynamic "stage" {\n    for_each = var.stages\n  }\n\n  stage {\n    name = "Build"',
      ),
    );
    const refused = await runPipewright(["import", dynamic, "--resource", "web"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /dynamic\.tf:34:1: error template-unsupported: resource aws_codepipeline\.web: A dynamic block is not supported/,
    );
  }, 60_000);

  it("refuses a file that is not a template, and a template without a pipeline", async () => {
    const notes = join(temp.dir, "notes.yaml");
    writeFileSync(notes, "shopping:\n  - milk\n");
    const run1 = await runPipewright(["import", notes]);
    expect(run1.code).toBe(1);
    expect(run1.stderr).toContain(
      "Not a CloudFormation template (YAML or JSON with a Resources section) or a Terraform file",
    );
    const bucket = join(temp.dir, "bucket.yaml");
    writeFileSync(bucket, "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
    const run2 = await runPipewright(["import", bucket]);
    expect(run2.code).toBe(1);
    expect(run2.stderr).toContain("The template has no pipeline resource");
  }, 60_000);
});

describe("pipewright export --format", () => {
  it("writes CloudFormation with the secret as a NoEcho parameter, Terraform and CDK", async () => {
    const yaml = await runPipewright([
      "export",
      GITHUB,
      "--format",
      "cfn-yaml",
      "--parameterize",
      "--type",
      "V1",
    ]);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toContain("  SourceApplicationSourceOAuthToken:\n    Type: String\n");
    expect(yaml.stdout).toContain("    NoEcho: true\n");
    expect(yaml.stdout).toContain("OAuthToken: !Ref SourceApplicationSourceOAuthToken");
    expect(yaml.stdout).toContain("RoleArn: !Ref PipelineRoleArn");
    expect(yaml.stdout).not.toContain("****");
    expect(yaml.stderr).toContain(
      "note: secret parameter SourceApplicationSourceOAuthToken: give its value when deploying",
    );

    const out = join(temp.dir, "main.tf");
    const tf = await runPipewright(["export", GITHUB, "--format", "terraform", "--type", "V1", "-o", out]);
    expect(tf.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('resource "aws_codepipeline" "MyGitHubPipeline" {');
    expect(readFileSync(out, "utf8")).toContain("sensitive   = true");
    expect(temp.files()).toEqual(["main.tf"]);

    const cdk = await runPipewright(["export", GITHUB, "--format", "cdk-ts", "--type", "V1"]);
    expect(cdk.code).toBe(0);
    expect(cdk.stdout).toContain('new codepipeline.CfnPipeline(this, "Pipeline", {');

    const wrong = await runPipewright(["export", GITHUB, "--format", "pulumi"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "--format must be one of json, cfn-yaml, cfn-json, terraform, cdk-ts: pulumi",
    );
  }, 90_000);
});
