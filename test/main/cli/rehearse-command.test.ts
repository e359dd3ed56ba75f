import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, runPipewright } from "./run-cli";

const ROLLBACK = join(REPO_ROOT, "test/fixtures/aws/v2-stage-rollback-bare.json");

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function write(name: string, value: unknown): string {
  const file = join(temp.dir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

describe("pipewright rehearse", () => {
  it("prints the rehearsed run as the JSON the issue specifies", async () => {
    const scenario = write("deploy-fails.json", {
      rules: [{ stage: "S3Deploy", outcome: "fail", errorMessage: "boom" }],
    });
    const run = await runPipewright(["rehearse", ROLLBACK, "--scenario", scenario, "--format", "json"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual({
      status: "Failed",
      stages: [
        { name: "Source", status: "Succeeded", attempts: 1, rolledBack: false },
        { name: "S3Deploy", status: "Failed", attempts: 1, rolledBack: true },
      ],
      actions: [
        {
          stage: "Source",
          name: "Source",
          status: "Succeeded",
          resolvedConfiguration: {
            S3Bucket: "amzn-s3-demo-source-bucket",
            S3ObjectKey: "SampleApp.zip",
            PollForSourceChanges: "false",
          },
        },
        {
          stage: "S3Deploy",
          name: "s3deployaction",
          status: "Failed",
          resolvedConfiguration: {
            BucketName: "static-website-bucket",
            Extract: "false",
            ObjectKey: "SampleApp.zip",
          },
        },
      ],
    });
  });

  it("prints the path as text, with the rollback and the expectations", async () => {
    const scenario = write("deploy-fails.json", {
      rules: [{ stage: "S3Deploy", outcome: "fail", errorMessage: "boom" }],
      expect: { status: "Failed", stages: [{ name: "S3Deploy", rolledBack: false }] },
    });
    const run = await runPipewright(["rehearse", ROLLBACK, "--scenario", scenario]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0:44  S3Deploy.s3deployaction: Failed: boom\n");
    expect(run.stdout).toMatch(/0:44 {2}rollback Rollback of S3Deploy to execution [0-9a-f]{8} started\n/);
    expect(run.stdout).toContain("Expectations: 1 of 2 met\n");
    expect(run.stdout).toContain(
      "FAIL  expected stage S3Deploy rolledBack = false, got stage S3Deploy rolledBack = true",
    );
  });

  it("exits 1 for an invalid pipeline, naming the problem", async () => {
    const file = write("one-stage.json", {
      pipeline: {
        name: "p",
        roleArn: "arn:aws:iam::111122223333:role/r",
        artifactStore: { type: "S3", location: "b" },
        stages: [],
      },
    });
    const run = await runPipewright(["rehearse", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nothing was rehearsed");
    expect(run.stdout).toBe("");
  });

  it.each([
    [["--format", "yaml"], "--format must be text or json: yaml"],
    [["--scenario", "/nonexistent/s.json"], "cannot read the scenario file (ENOENT)"],
    [["--bogus"], "Unknown option '--bogus'"],
  ])("exits 2 on %j", async (args, message) => {
    const run = await runPipewright(["rehearse", ROLLBACK, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("exits 2 for a scenario that is not one", async () => {
    const scenario = write("bad.json", { rules: [{ stage: "S3Deploy", outcome: "maybe" }] });
    const run = await runPipewright(["rehearse", ROLLBACK, "--scenario", scenario]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Invalid scenario at rules.0.outcome");
  });
});
