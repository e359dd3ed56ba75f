/** `pipewright runs` as a user runs it: the real CLI process against the sandbox. */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { Gateway } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import { ManualClock, startSandbox, type Sandbox } from "../../../main/sandbox";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { conditionPipeline, variableCheck, when } from "../sandbox/condition-fixtures";
import { threeStagePipeline } from "../sandbox/fixtures";
import { waitFor } from "../sandbox/harness";
import { runPipewright } from "./run-cli";

let sandbox: Sandbox;
let gateway: Gateway;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 2000, log: () => {} });
  gateway = new Gateway({ maxAttempts: 1 });
});
afterAll(async () => {
  gateway.dispose();
  await sandbox.close();
});

describe("pipewright runs", () => {
  it("lists the latest runs and prints a timeline of the latest one with every action", async () => {
    // Its own sandbox on a ManualClock, stepped while waiting: the timeline's columns then depend on
    // simulated time only, never on how fast a loaded machine answered.
    const clock = new ManualClock(Date.now());
    const sandbox = await startSandbox({ clock, log: () => {} });
    const step = () => clock.advance(2_000);
    onTestFinished(() => sandbox.close());
    const connection = { kind: "sandbox" as const, endpoint: sandbox.endpoint };
    const runs = new RunsService(gateway);
    sandbox.scenario.addRule({
      pipeline: "cli-runs",
      action: "Compile",
      outcome: "fail",
      errorMessage: "unit tests failed",
    });
    const created = await gateway.createPipeline(connection, threeStagePipeline({ name: "cli-runs" }), []);
    expect(created.ok).toBe(true);
    const failedId = await waitFor("failed run", async () => {
      step();
      const page = await runs.listRuns(connection, "cli-runs");
      const first = page.ok ? page.value.summaries[0] : undefined;
      return first?.status === "Failed" ? first.pipelineExecutionId : undefined;
    });
    sandbox.scenario.set({});
    const retried = await runs.retryStage(connection, "cli-runs", "Build", failedId!, "FAILED_ACTIONS");
    expect(retried.ok).toBe(true);
    await waitFor("success", async () => {
      step();
      const page = await runs.listRuns(connection, "cli-runs");
      return page.ok && page.value.summaries[0]?.status === "Succeeded" ? true : undefined;
    });

    const out = await runPipewright(["runs", "cli-runs", "--sandbox", sandbox.endpoint]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const lines = out.stdout.split("\n");
    expect(lines[0]).toBe("Runs of cli-runs, newest first:");
    expect(lines[1]).toMatch(/^RUN\s+STATUS\s+TRIGGER\s+STARTED\s+DURATION\s+REVISION$/);
    expect(lines[2]).toMatch(
      new RegExp(`^${failedId}\\s+Succeeded\\s+CreatePipeline\\s+\\d{4}-\\d\\d-\\d\\d `),
    );
    expect(out.stdout).toContain(`Run ${failedId}: Succeeded, `);
    // Each action's bar sits on the run's time axis. How many columns lie between bars depends on how
    // fast this machine answered (at 2000x a column is a few ms), so the test checks what the bars
    // say, not their exact columns: Checkout ran first, then Compile failed and was retried (x then
    // #), then Publish ran last.
    const bar = (action: string, status: RegExp) => {
      const line = lines.find((l) => l.startsWith(`  ${action} `));
      expect(line, action).toMatch(status);
      const drawn = /\|([ #x.]{40})\|$/.exec(line ?? "")?.[1];
      expect(drawn, `${action} bar`).toBeDefined();
      return drawn ?? "";
    };
    const checkout = bar("Checkout", /^ {2}Checkout\s+Succeeded\s+\S+/);
    const compile = bar("Compile", /^ {2}Compile\s+Succeeded \(2 attempts\)\s+\d+m \d\ds\s/);
    const publish = bar("Publish", /^ {2}Publish\s+Succeeded\s+\S+/);
    expect(checkout).toMatch(/^ *#+ *$/);
    expect(compile).toMatch(/^ *x+ *#+ *$/);
    expect(publish).toMatch(/^ *#+ *$/);
    expect(checkout.indexOf("#")).toBeLessThanOrEqual(2);
    expect(checkout.lastIndexOf("#")).toBeLessThanOrEqual(compile.indexOf("x"));
    expect(compile.lastIndexOf("#")).toBeLessThanOrEqual(publish.indexOf("#"));
    expect(publish.lastIndexOf("#")).toBeGreaterThanOrEqual(37);
  });

  it("prints a stage's condition rules before its actions, with the failing rule's error", async () => {
    const connection = { kind: "sandbox" as const, endpoint: sandbox.endpoint };
    const pipeline = conditionPipeline(
      "cli-conditions",
      {
        Deploy: {
          beforeEntry: {
            conditions: [when("FAIL", variableCheck("ProdOnly", "#{variables.TARGET}", "EQ", "prod"))],
          },
        },
      },
      [{ name: "TARGET", defaultValue: "dev" }],
    ) as unknown as PipelineDeclaration;
    expect((await gateway.createPipeline(connection, pipeline, [])).ok).toBe(true);
    const runs = new RunsService(gateway);
    await waitFor("the run to fail at Deploy's entry check", async () => {
      const page = await runs.listRuns(connection, "cli-conditions");
      return page.ok && page.value.summaries[0]?.status === "Failed" ? true : undefined;
    });
    const out = await runPipewright(["runs", "cli-conditions", "--sandbox", sandbox.endpoint]);
    expect(out.code).toBe(0);
    const lines = out.stdout.split("\n");
    const deploy = lines.indexOf("Deploy");
    expect(deploy).toBeGreaterThan(0);
    expect(lines[deploy + 1]).toMatch(
      /^ {2}◆ ProdOnly \(entry\)\s+Failed\s+\S+\s+\| *x+ *\| Variable check failed: "dev" EQ "prod"$/,
    );
    expect(lines[deploy + 2]).toMatch(/^ {2}Publish\s+not run\s+-\s+\| {40}\|$/);
  });

  it("reports a missing pipeline and a bad command line", async () => {
    const missing = await runPipewright(["runs", "no-such", "--sandbox", sandbox.endpoint]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      "pipewright runs: The pipeline does not exist (it may have been deleted): no-such\n",
    );
    const usage = await runPipewright(["runs", "--sandbox", sandbox.endpoint]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("name the pipeline whose runs to show");
  });

  it("--watch prints the run again as it changes and ends when it ends", async () => {
    const connection = { kind: "sandbox" as const, endpoint: sandbox.endpoint };
    const runs = new RunsService(gateway);
    sandbox.scenario.addRule({ pipeline: "cli-watch", action: "Compile", durationSeconds: 8_000 });
    await gateway.createPipeline(connection, threeStagePipeline({ name: "cli-watch" }), []);
    const watched = runPipewright(["runs", "cli-watch", "--sandbox", sandbox.endpoint, "--watch"]);
    const out = await watched;
    expect(out.code).toBe(0);
    const timelines = out.stdout.match(/^Run \S+: /gm) ?? [];
    expect(timelines.length).toBeGreaterThanOrEqual(2);
    expect(out.stdout).toMatch(/: InProgress, /);
    expect(out.stdout.trimEnd().split("\n").slice(-5).join("\n")).toMatch(/Publish\s+Succeeded/);
    void runs;
  }, 30_000);
});
