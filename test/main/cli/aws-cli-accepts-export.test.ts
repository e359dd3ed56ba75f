import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOLDEN_EXPORTS, listGoldenExports } from "../../shared/formats/golden-files";
import { makeTempDir, REPO_ROOT, runProcess, type CliRun } from "./run-cli";

/**
 * The real AWS CLI takes every golden export as `create-pipeline --cli-input-json` input. botocore
 * validates parameters (required members, unknown members, types, minimums) before it sends
 * anything, so pointing it at a closed local port separates the two outcomes: a connection error
 * means the input passed validation; "Parameter validation failed" means it did not. The negative
 * controls prove the test can tell them apart.
 */
let closedPort = 0;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  closedPort = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => temp.remove());

/** An environment with dummy credentials and no user AWS configuration, so nothing real is reached. */
function awsEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")));
  return {
    ...env,
    AWS_ACCESS_KEY_ID: "x",
    AWS_SECRET_ACCESS_KEY: "y",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_MAX_ATTEMPTS: "1",
    AWS_RETRY_MODE: "standard",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PAGER: "",
  };
}

function createPipeline(file: string): Promise<CliRun> {
  const args = ["codepipeline", "create-pipeline", "--cli-input-json", `file://${file}`];
  args.push(
    "--endpoint-url",
    `http://127.0.0.1:${closedPort}`,
    "--region",
    "us-east-1",
    "--cli-connect-timeout",
    "5",
  );
  return runProcess("aws", args, REPO_ROOT, awsEnv());
}

const goldens = listGoldenExports();

describe("aws codepipeline create-pipeline accepts every export", () => {
  it("has golden exports to try", () => {
    expect(goldens.length).toBeGreaterThanOrEqual(24);
  });

  it.concurrent.each(goldens)(
    "%s passes parameter validation (fails only to connect)",
    async (file) => {
      const run = await createPipeline(join(GOLDEN_EXPORTS, file));
      expect(run.stderr).not.toContain("Parameter validation failed");
      expect(run.stderr).toContain(
        `Could not connect to the endpoint URL: "http://127.0.0.1:${closedPort}/"`,
      );
      expect(run.code).not.toBe(0);
    },
    60_000,
  );
});

describe("negative controls: the AWS CLI rejects invalid input before connecting", () => {
  type Input = {
    pipeline: Record<string, unknown> & { stages: Array<{ actions: Array<Record<string, unknown>> }> };
  };
  const mutated = (name: string, mutate: (input: Input) => void): string => {
    const input = JSON.parse(
      readFileSync(join(GOLDEN_EXPORTS, "own/everything-v2.V2.json"), "utf8"),
    ) as Input;
    mutate(input);
    const file = join(temp.dir, name);
    writeFileSync(file, JSON.stringify(input));
    return file;
  };

  it.concurrent.each<[string, (input: Input) => void, string]>([
    [
      "runOrder as a string",
      (i) => (i.pipeline.stages[0]!.actions[0]!["runOrder"] = "x"),
      "Invalid type for parameter pipeline.stages[0].actions[0].runOrder",
    ],
    ["an unknown member", (i) => (i.pipeline["colour"] = "blue"), 'Unknown parameter in pipeline: "colour"'],
    [
      "a missing roleArn",
      (i) => delete i.pipeline["roleArn"],
      'Missing required parameter in pipeline: "roleArn"',
    ],
  ])(
    "%s fails parameter validation",
    async (name, mutate, expected) => {
      const run = await createPipeline(mutated(`${name.replace(/\W+/g, "-")}.json`, mutate));
      expect(run.stderr).toContain("Parameter validation failed");
      expect(run.stderr).toContain(expected);
      expect(run.stderr).not.toContain("Could not connect");
    },
    60_000,
  );
});
