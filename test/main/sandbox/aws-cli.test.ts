import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { threeStagePipeline } from "./fixtures";
import { openHarness, waitFor, type Harness } from "./harness";

const run = promisify(execFile);
let h: Harness;
let dir: string;

beforeAll(async () => {
  h = await openHarness({ speed: 500 });
  dir = mkdtempSync(join(tmpdir(), "pipewright-cli-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The AWS CLI exactly as a user runs it, with dummy credentials and no config files. */
async function aws(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    "aws",
    ["codepipeline", ...args, "--endpoint-url", h.sandbox.endpoint, "--output", "json"],
    {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: dir,
        AWS_ACCESS_KEY_ID: "x",
        AWS_SECRET_ACCESS_KEY: "y",
        AWS_DEFAULT_REGION: "us-east-1",
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      },
      timeout: 30_000,
    },
  );
  return stdout.trim() === "" ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

/**
 * AWS CLI v1 prints timestamps as received (epoch seconds) unless cli_timestamp_format says
 * iso8601; accept both, so the test checks the value and not the CLI's display setting.
 */
function toMs(value: number | string): number {
  const ms = typeof value === "number" ? value * 1000 : Date.parse(value);
  expect(Number.isFinite(ms)).toBe(true);
  return ms;
}

describe("the AWS CLI against the sandbox", () => {
  it("creates, gets, starts and watches a pipeline with unchanged aws codepipeline commands", async () => {
    const input = join(dir, "pipeline.json");
    writeFileSync(
      input,
      JSON.stringify({ pipeline: threeStagePipeline({ name: "cli" }), tags: [{ key: "k", value: "v" }] }),
    );
    const created = await aws("create-pipeline", "--cli-input-json", `file://${input}`);
    expect(created).toMatchObject({
      pipeline: { name: "cli", version: 1 },
      tags: [{ key: "k", value: "v" }],
    });

    const got = (await aws("get-pipeline", "--name", "cli")) as {
      pipeline: { stages: { name: string }[] };
      metadata: { pipelineArn: string; created: number | string };
    };
    expect(got.pipeline.stages.map((s) => s.name)).toEqual(["Source", "Build", "Deploy"]);
    expect(got.metadata.pipelineArn).toBe("arn:aws:codepipeline:us-east-1:123456789012:cli");
    expect(Math.abs(toMs(got.metadata.created) - Date.now())).toBeLessThan(86_400_000);

    const started = (await aws("start-pipeline-execution", "--name", "cli")) as {
      pipelineExecutionId: string;
    };
    expect(started.pipelineExecutionId).toMatch(/^[0-9a-f-]{36}$/);

    const state = (await aws("get-pipeline-state", "--name", "cli")) as {
      pipelineName: string;
      pipelineVersion: number;
      stageStates: { stageName: string; inboundTransitionState: { enabled: boolean } }[];
    };
    expect(state.pipelineName).toBe("cli");
    expect(state.pipelineVersion).toBe(1);
    expect(state.stageStates.map((s) => s.stageName)).toEqual(["Source", "Build", "Deploy"]);
    expect(state.stageStates.every((s) => s.inboundTransitionState.enabled)).toBe(true);

    const executions = await waitFor(
      "the CLI-started run to succeed",
      async () => {
        const out = (await aws("list-pipeline-executions", "--pipeline-name", "cli")) as {
          pipelineExecutionSummaries: {
            pipelineExecutionId: string;
            status: string;
            trigger: { triggerType: string };
          }[];
        };
        const mine = out.pipelineExecutionSummaries.find(
          (s) => s.pipelineExecutionId === started.pipelineExecutionId,
        );
        return mine?.status === "Succeeded" ? out : undefined;
      },
      20_000,
    );
    expect(executions.pipelineExecutionSummaries.map((s) => s.trigger.triggerType).sort()).toEqual([
      "CreatePipeline",
      "StartPipelineExecution",
    ]);

    const actions = (await aws(
      "list-action-executions",
      "--pipeline-name",
      "cli",
      "--filter",
      `pipelineExecutionId=${started.pipelineExecutionId}`,
    )) as {
      actionExecutionDetails: {
        actionName: string;
        status: string;
        startTime: string;
        lastUpdateTime: string;
      }[];
    };
    expect(actions.actionExecutionDetails.map((d) => `${d.actionName}:${d.status}`)).toEqual([
      "Publish:Succeeded",
      "Compile:Succeeded",
      "Checkout:Succeeded",
    ]);
    for (const detail of actions.actionExecutionDetails) {
      expect(toMs(detail.lastUpdateTime)).toBeGreaterThan(toMs(detail.startTime));
    }
  }, 90_000); // each `aws` call starts a Python process
});
