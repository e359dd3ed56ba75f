/**
 * The README's job worker (examples/job_worker.py) against the sandbox, driven by boto3 as a team
 * testing its own worker would: the custom action type and the pipeline are created through
 * boto3, the worker polls, acknowledges and reports, and a later action consumes its output
 * variable. The SDK-level details (nonces, continuation, timeouts, partner jobs) are
 * job-workers.test.ts.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boto3 } from "./boto3";
import { workerPipeline } from "./job-fixtures";
import { openHarness, type Harness } from "./harness";

interface ActionSeen {
  status: string;
  externalExecutionId?: string;
  summary?: string;
  errorMessage?: string;
  outputVariables?: Record<string, string>;
  configuration?: Record<string, string>;
}
interface Observed {
  runId: string;
  jobId: string;
  status: string;
  compile: ActionSeen | null;
  publish: ActionSeen | null;
  buildState: { status?: string; errorMessage?: string };
}

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-worker-"));
  h = await openHarness({ speed: 500 });
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

async function runWithWorker(name: string, provider: string, workerArgs: string[] = []): Promise<Observed> {
  const file = join(dir, `${name}.json`);
  const pipeline = workerPipeline(name, { category: "Build", owner: "Custom", provider, version: "1" });
  await writeFile(file, JSON.stringify(pipeline));
  return boto3<Observed>("custom_action_run.py", h.sandbox.endpoint, [file, ...workerArgs]);
}

describe("the README's boto3 job worker against the sandbox", () => {
  it("handles the custom action's job, and a later action consumes its output variable", async () => {
    const seen = await runWithWorker("worker-ok", "ExampleBuild");
    expect(seen.status).toBe("Succeeded");
    const artifact = `web-${seen.runId.slice(0, 8)}.zip`;
    expect(seen.compile).toMatchObject({
      status: "Succeeded",
      summary: `Built ${artifact}`,
      outputVariables: { ARTIFACT: artifact },
    });
    // Publish's ObjectKey is "#{Job.ARTIFACT}": resolved from what the worker reported.
    expect(seen.publish?.status).toBe("Succeeded");
    expect(seen.publish?.configuration?.ObjectKey).toBe(artifact);
  }, 90_000);

  it("fails the action with the worker's message when the worker reports a failure", async () => {
    const seen = await runWithWorker("worker-fails", "ExampleFailingBuild", [
      "--fail-with",
      "3 tests failed",
    ]);
    expect(seen.status).toBe("Failed");
    expect(seen.compile).toMatchObject({ status: "Failed", errorMessage: "3 tests failed" });
    expect(seen.buildState).toEqual({ status: "Failed", errorMessage: "3 tests failed" });
    expect(seen.publish).toBeNull();
  }, 90_000);
});
