/**
 * Rehearse mode's paths through the user's hands in Chromium (web mode): every kind of mark on the
 * canvas (a build that takes 3 minutes and emits a variable, a deploy that fails once so its
 * stage's RETRY succeeds, a condition rule that fails so a stage is skipped, an approval
 * rejected), the variable resolved at the action that uses it, stepping and the scrubber; two
 * what-ifs saved beside the document, re-run after an edit, the broken expectation in the Problems
 * panel; and the trigger tester in the pipeline inspector agreeing with `pipewright trigger-test`.
 *
 * Simulated durations (main/sandbox/scenario.ts defaults): Source 4 s, Deploy 40 s, approval 0 s,
 * a LambdaInvoke rule 10 s; the Build is marked to take 3 minutes.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipewright } from "../main/cli/run-cli";
import { launchChromium } from "./support/chromium";
import { openDesigner } from "./support/designer-page";
import { startWebHost, type WebHost } from "./support/web-host";

let host: WebHost;
let browser: Browser;

beforeAll(async () => {
  host = await startWebHost();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const s3Deploy = (name: string, key: string, input: string) => ({
  name,
  actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
  configuration: { BucketName: "amzn-s3-demo-destination-bucket", Extract: "false", ObjectKey: key },
  inputArtifacts: [{ name: input }],
});

const PIPELINE = {
  pipeline: {
    name: "web",
    roleArn: "arn:aws:iam::111122223333:role/service-role/web",
    artifactStore: { type: "S3", location: "amzn-s3-demo-bucket" },
    pipelineType: "V2",
    executionMode: "QUEUED",
    variables: [{ name: "CHANNEL", defaultValue: "stable" }],
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
            configuration: {
              S3Bucket: "amzn-s3-demo-source-bucket",
              S3ObjectKey: "app.zip",
              PollForSourceChanges: "false",
            },
            outputArtifacts: [{ name: "SourceArtifact" }],
            namespace: "SourceVariables",
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Build",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "app-build" },
            inputArtifacts: [{ name: "SourceArtifact" }],
            outputArtifacts: [{ name: "BuildArtifact" }],
            namespace: "BuildVariables",
          },
        ],
      },
      {
        name: "Approve",
        actions: [
          {
            name: "Approval",
            actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
            configuration: { CustomData: "Ship it?" },
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          s3Deploy("DeployApp", "app-#{BuildVariables.IMAGE_TAG}-#{variables.CHANNEL}.zip", "BuildArtifact"),
          s3Deploy("DeployDocs", "docs.zip", "BuildArtifact"),
        ],
        onFailure: { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } },
      },
      {
        name: "Release",
        actions: [s3Deploy("Publish", "release.zip", "BuildArtifact")],
        beforeEntry: {
          conditions: [
            {
              result: "SKIP",
              rules: [
                {
                  name: "ChangeFreeze",
                  ruleTypeId: { category: "Rule", owner: "AWS", provider: "LambdaInvoke", version: "1" },
                  configuration: { FunctionName: "check-change-freeze" },
                },
              ],
            },
          ],
        },
      },
    ],
  },
};

async function openFile(page: Page, path: string): Promise<void> {
  await page.getByRole("button", { name: "Open", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
  await dialog.getByLabel("File path").fill(path);
  await dialog.getByRole("button", { name: "Open file" }).click();
  await dialog.waitFor({ state: "detached" });
}

/** The stage's rehearsal chip on the canvas, or null when the playback has not reached the stage. */
async function stageStatus(page: Page, stage: string): Promise<string | null> {
  const chip = page.getByRole("status", { name: new RegExp(`^Rehearsal of stage ${stage}: `) });
  return (await chip.count()) === 0 ? null : chip.getAttribute("aria-label");
}
const actionStatus = (page: Page, action: string) =>
  page.getByRole("status", { name: new RegExp(`^Rehearsal of ${action}: `) }).getAttribute("aria-label");
describe("rehearse mode's paths in Chromium", () => {
  it("marks durations, variables, a retry, a skip and a rejection; plays them; keeps two what-ifs", async () => {
    const file = join(host.workDir, "paths.json");
    await writeFile(file, `${JSON.stringify({ ...PIPELINE }, null, 2)}\n`);
    const { page, errors } = await openDesigner(browser, host.url);
    await openFile(page, file);
    await page.getByRole("button", { name: "Rehearse", exact: true }).click();
    const outcome = page.getByRole("status", { name: "Rehearsal outcome" });
    // Defaults: everything succeeds, the approval is approved, the rule passes.
    // 4 s + 60 s + 0 s + 40 s + 10 s (rule) + 40 s = 2:34.
    await expect.poll(() => outcome.textContent()).toBe("Succeeded in 2:34 (simulated)");

    // The build takes 3 minutes and emits IMAGE_TAG.
    await page.getByRole("button", { name: "Build (CodeBuild)" }).click();
    const build = page.getByRole("group", { name: "Rehearsal of Build" });
    await build.getByLabel("Takes (minutes)").fill("3");
    await build.getByLabel("Output variables (NAME=value, one per line)").fill("IMAGE_TAG=v42");
    await build.getByLabel("Takes (minutes)").focus();
    await expect
      .poll(() => page.getByLabel("Marked: succeeds, takes 3 min, emits IMAGE_TAG").count())
      .toBe(1);

    // The app deploy fails once; its stage's RETRY (FAILED_ACTIONS) re-runs it and it succeeds.
    await page.getByRole("button", { name: "DeployApp (S3)" }).click();
    const deployApp = page.getByRole("group", { name: "Rehearsal of DeployApp" });
    await deployApp.getByRole("radio", { name: "Fail once, then succeed" }).check();
    await deployApp.getByLabel("Error message").fill("Throttled");

    // The Release stage's entry rule fails: the stage is skipped.
    await page.getByRole("button", { name: "Select stage Release" }).click();
    await page
      .getByRole("group", { name: "Entry conditions" })
      .getByRole("checkbox", { name: "Rule ChangeFreeze (LambdaInvoke) fails" })
      .check();
    const why = page.getByRole("group", { name: "Entry conditions" }).getByLabel("Why it fails");
    await why.fill("A change freeze is on");
    await why.blur();

    // The run starts with CHANNEL=beta (the pipeline's inspector, in rehearse mode).
    await page.getByRole("button", { name: "Pipeline settings" }).click();
    const runVariables = page.getByRole("group", { name: "Rehearsal run variables" });
    await runVariables.getByLabel("Variable CHANNEL").fill("beta");
    await runVariables.getByLabel("Variable CHANNEL").blur();

    // 4 s + 180 s + 0 s + 2 × 40 s + 10 s = 4:34, and the path on the canvas.
    await expect.poll(() => outcome.textContent()).toBe("Succeeded in 4:34 (simulated)");
    const path = page.getByRole("list", { name: "Rehearsal path" });
    // The last edit's rehearsal is the one shown (each edit re-runs; the newest answer wins).
    await expect.poll(() => path.textContent()).toContain("ObjectKey=app-v42-beta.zip");
    expect(await stageStatus(page, "Deploy")).toBe(
      "Rehearsal of stage Deploy: Succeeded, retried FAILED_ACTIONS",
    );
    expect(await actionStatus(page, "DeployApp")).toBe("Rehearsal of DeployApp: Succeeded, attempt 2");
    expect(await actionStatus(page, "DeployDocs")).toBe("Rehearsal of DeployDocs: Succeeded");
    expect(await stageStatus(page, "Release")).toBe("Rehearsal of stage Release: Skipped");
    expect(await page.getByLabel("Marked: entry rule ChangeFreeze fails").count()).toBe(1);
    const words = await path.textContent();
    expect(words).toContain("3:04 Build.Build: Succeeded");
    expect(words).toContain("3:44 Deploy: retried (automatic, FAILED_ACTIONS), attempt 2");
    expect(words).toContain(
      "Release: entry conditions not met: Rule ChangeFreeze failed: A change freeze is on",
    );
    expect(await page.getByRole("region", { name: "Rehearsal timeline" }).count()).toBe(1);
    await page.screenshot({
      path: join(import.meta.dirname, "..", "..", "out", "e2e", "rehearse-paths.png"),
    });

    // The variable resolved at the action that uses it, at the playback's step.
    await page.getByRole("button", { name: "DeployApp (S3)" }).click();
    const resolved = deployApp.getByRole("region", { name: "At this step" });
    expect(await resolved.getByLabel("Resolved configuration").textContent()).toContain(
      "ObjectKeyapp-v42-beta.zip",
    );

    // Step through: the scrubber to the first attempt's failure, then forward to the retry.
    const scrubber = page.getByRole("slider", { name: "Rehearsal step" });
    await path.getByRole("button", { name: /Deploy\.DeployApp: Failed: Throttled/ }).click();
    expect(await actionStatus(page, "DeployApp")).toBe("Rehearsal of DeployApp: Failed");
    expect(await stageStatus(page, "Release")).toBeNull();
    const failedAt = Number(await scrubber.inputValue());
    const steps = await path.getByRole("listitem").allTextContents();
    const retriedAt = steps.findIndex((step) => step.includes("Deploy: retried"));
    expect(retriedAt).toBeGreaterThan(failedAt);
    await scrubber.fill(String(retriedAt));
    await expect
      .poll(() => page.getByRole("toolbar", { name: "Playback" }).textContent())
      .toContain("3:44 Deploy: retried (automatic, FAILED_ACTIONS), attempt 2");
    expect(await stageStatus(page, "Deploy")).toBe(
      "Rehearsal of stage Deploy: In progress, retried FAILED_ACTIONS",
    );
    await page.getByRole("button", { name: "To the start" }).click();
    expect(await page.getByRole("toolbar", { name: "Playback" }).textContent()).toContain("Before the run");
    // One step on with the keyboard, on the scrubber.
    await scrubber.press("ArrowRight");
    expect(Number(await scrubber.inputValue())).toBe(0);
    await page.getByRole("button", { name: "To the end" }).click();

    // Keep it: the outcome becomes the expectation, saved beside the document.
    await page.getByRole("button", { name: "Expect this outcome" }).click();
    await page.getByRole("button", { name: "Save what-if" }).click();
    await page.getByRole("button", { name: "Saved beside the pipeline" }).waitFor();

    // A second what-if: the approval rejected, so the run fails before Deploy.
    await page.getByRole("button", { name: "New what-if" }).click();
    await expect.poll(() => page.getByRole("combobox", { name: "What-if" }).inputValue()).toBe("what-if-2");
    await page.getByRole("button", { name: "Approval (Manual)" }).click();
    const approval = page.getByRole("group", { name: "Rehearsal of Approval" });
    await approval.getByRole("radio", { name: "Reject" }).check();
    await approval.getByLabel("Reviewer's comment").fill("not today");
    await expect.poll(() => outcome.textContent()).toBe("Failed in 1:04 (simulated)");
    expect(await actionStatus(page, "Approval")).toBe("Rehearsal of Approval: Failed");
    expect(await stageStatus(page, "Deploy")).toBeNull();
    await expect.poll(() => path.textContent()).toContain("Approve.Approval: Failed: Rejected: not today");
    await page.getByRole("button", { name: "Expect this outcome" }).click();
    await page.getByRole("button", { name: "Save what-if" }).click();
    await page.getByRole("button", { name: "Saved beside the pipeline" }).waitFor();

    const first = JSON.parse(await readFile(join(host.workDir, "paths.whatif.what-if-1.json"), "utf8")) as {
      variables: unknown;
      conditionRules: unknown[];
    };
    expect(first.variables).toEqual({ CHANNEL: "beta" });
    expect(first.conditionRules).toEqual([
      {
        stage: "Release",
        condition: "beforeEntry",
        rule: "ChangeFreeze",
        outcome: "fail",
        errorMessage: "A change freeze is on",
      },
    ]);
    // The same file through the CLI takes the same path.
    const cli = await runPipewright([
      "rehearse",
      file,
      "--scenario",
      join(host.workDir, "paths.whatif.what-if-1.json"),
      "--format",
      "json",
    ]);
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.stdout) as {
      status: string;
      stages: { name: string; status: string; attempts: number }[];
    };
    expect(json.status).toBe("Succeeded");
    expect(json.stages.map((s) => `${s.name}:${s.status}:${s.attempts}`)).toEqual([
      "Source:Succeeded:1",
      "Build:Succeeded:1",
      "Approve:Succeeded:1",
      "Deploy:Succeeded:2",
      "Release:Skipped:0",
    ]);

    // An edit re-runs every what-if: with the Deploy stage rolling back instead of retrying, what-if-1's
    // expectation breaks, and the Problems panel says so; what-if-2 still holds.
    await page.getByRole("button", { name: "Select stage Deploy" }).click();
    await page
      .getByRole("form", { name: "Stage settings" })
      .getByLabel("On failure")
      .selectOption("ROLLBACK");
    await page.getByRole("tab", { name: /^Problems/ }).click();
    const problems = page.getByRole("list", { name: "Problems" });
    await expect
      .poll(() => problems.textContent())
      .toContain(
        "What-if what-if-1: expected run status = Succeeded, but the rehearsal gave run status = Failed",
      );
    expect(await problems.textContent()).not.toContain("What-if what-if-2");
    expect(errors).toEqual([]);
    await page.close();

    // Reopened (the edit was not saved), the document brings both what-ifs back, both met.
    const again = await openDesigner(browser, host.url);
    await openFile(again.page, file);
    await again.page.getByRole("button", { name: "Rehearse", exact: true }).click();
    const picker = again.page.getByRole("combobox", { name: "What-if" });
    await expect.poll(() => picker.locator("option").allTextContents()).toEqual(["what-if-1", "what-if-2"]);
    await expect
      .poll(() => again.page.getByRole("list", { name: "Expectations" }).textContent())
      .toContain("✓ run status = Succeeded");
    await picker.selectOption("what-if-2");
    await expect
      .poll(() => again.page.getByRole("list", { name: "Expectations" }).textContent())
      .toContain("✓ run status = Failed");
    expect(await again.page.getByLabel("Marked: rejected: not today").count()).toBe(1);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });

  it("tests an event against the triggers in the pipeline inspector, as pipewright trigger-test does", async () => {
    const fixture = join(import.meta.dirname, "..", "fixtures", "aws", "v2-trigger-filters.json");
    const { page, errors } = await openDesigner(browser, host.url);
    await openFile(page, fixture);
    const form = page.getByRole("group", { name: "Test an event" });
    const result = form.getByRole("status", { name: "Trigger test result" });
    await form.getByRole("textbox", { name: "Branch" }).fill("feature/login");
    await form
      .getByRole("textbox", { name: "Changed files (one per line)" })
      .fill("projectA/README.md\nprojectA/src/app.ts");
    await expect
      .poll(() => result.textContent())
      .toContain("Starts the pipeline: the trigger of ApplicationSource");
    await form.getByRole("textbox", { name: "Branch" }).fill("mainline");
    await expect
      .poll(() => result.textContent())
      .toContain('branch "mainline" excluded by "mainline" (excludes win over includes)');

    // The CLI says the same of the same events.
    const push = await runPipewright([
      "trigger-test",
      fixture,
      "--branch",
      "feature/login",
      "--files",
      "projectA/README.md,projectA/src/app.ts",
      "--format",
      "json",
    ]);
    expect(JSON.parse(push.stdout)).toMatchObject({ fires: true, sourceActionName: "ApplicationSource" });
    const excluded = await runPipewright([
      "trigger-test",
      fixture,
      "--branch",
      "mainline",
      "--format",
      "json",
    ]);
    expect(JSON.parse(excluded.stdout)).toMatchObject({ fires: false, sourceActionName: null });

    // A pull request: the CLOSED event only.
    await form.getByRole("combobox", { name: "Event" }).selectOption("pull-request");
    await form.getByRole("textbox", { name: "Destination branch" }).fill("release/2");
    await form.getByRole("textbox", { name: "Changed files (one per line)" }).fill("common/x/y.js");
    await expect.poll(() => result.textContent()).toContain("event OPEN (opened) is not among CLOSED");
    await form.getByRole("combobox", { name: "Pull request event" }).selectOption("CLOSED");
    await expect.poll(() => result.textContent()).toContain("Starts the pipeline");
    const pr = await runPipewright([
      "trigger-test",
      fixture,
      "--event",
      "pull-request",
      "--pr-event",
      "CLOSED",
      "--branch",
      "release/2",
      "--files",
      "common/x/y.js",
      "--format",
      "json",
    ]);
    expect(JSON.parse(pr.stdout)).toMatchObject({ fires: true, sourceActionName: "ApplicationSource" });
    expect(errors).toEqual([]);
    await page.close();
  });
});
