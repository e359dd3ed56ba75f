/**
 * Rehearse mode in Chromium (web mode): open a pipeline whose Deploy stage rolls back on failure,
 * mark its deploy action to fail on the canvas, rehearse, and see the rollback on the canvas and
 * on the timeline; save the what-if beside the pipeline and find it (with its mark) on reopening.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium";
import { openDesigner } from "./support/designer-page";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");

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

const PIPELINE = {
  pipeline: {
    name: "web",
    roleArn: "arn:aws:iam::111122223333:role/service-role/web",
    artifactStore: { type: "S3", location: "amzn-s3-demo-bucket" },
    pipelineType: "V2",
    executionMode: "QUEUED",
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
        name: "Deploy",
        actions: [
          {
            name: "DeployApp",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
            configuration: {
              BucketName: "amzn-s3-demo-destination-bucket",
              Extract: "false",
              ObjectKey: "#{SourceVariables.VersionId}.zip",
            },
            inputArtifacts: [{ name: "SourceArtifact" }],
          },
        ],
        onFailure: { result: "ROLLBACK" },
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

const stageStatus = (page: Page, stage: string) =>
  page.getByRole("status", { name: new RegExp(`^Rehearsal of stage ${stage}: `) }).getAttribute("aria-label");

describe("rehearse mode in Chromium", () => {
  it("marks an action to fail, rehearses, shows the rollback, and keeps the what-if beside the file", async () => {
    const file = join(host.workDir, "web.json");
    await writeFile(file, `${JSON.stringify(PIPELINE, null, 2)}\n`);
    const { page, errors } = await openDesigner(browser, host.url);
    await openFile(page, file);
    await page.getByRole("button", { name: "Rehearse", exact: true }).click();

    // A first rehearsal needs no setup: everything succeeds.
    const outcome = page.getByRole("status", { name: "Rehearsal outcome" });
    await expect.poll(() => outcome.textContent()).toContain("Succeeded");
    expect(await stageStatus(page, "Deploy")).toBe("Rehearsal of stage Deploy: Succeeded");

    // Mark the deploy action to fail, on the canvas and in the inspector.
    await page.getByRole("button", { name: "DeployApp (S3)" }).click();
    const mark = page.getByRole("group", { name: "Rehearsal of DeployApp" });
    await mark.getByRole("radio", { name: "Fail", exact: true }).check();
    await mark.getByLabel("Error message").fill("Health check failed");
    await expect
      .poll(() =>
        page
          .getByLabel(/^Marked: /)
          .first()
          .getAttribute("aria-label"),
      )
      .toBe("Marked: fails: Health check failed");

    // The path ends with the rollback to the baseline run: on the canvas, in words and on the timeline.
    await expect
      .poll(() => outcome.textContent())
      .toMatch(/^Failed in 1:24 \(simulated\) · Deploy rolled back to [0-9a-f]{8} \(baseline run\)$/);
    await expect
      .poll(() => stageStatus(page, "Deploy"))
      .toMatch(/^Rehearsal of stage Deploy: Succeeded, rolled back to [0-9a-f]{8}$/);
    const path = page.getByRole("list", { name: "Rehearsal path" });
    expect(await path.textContent()).toContain("Deploy.DeployApp: Failed: Health check failed");
    expect(await page.getByRole("region", { name: "Rollback timeline" }).count()).toBe(1);

    // Step back to the failure: the canvas shows the failed stage, before its rollback.
    await path.getByRole("button", { name: /Deploy: failed: Stage Deploy failed/ }).click();
    expect(await stageStatus(page, "Deploy")).toBe("Rehearsal of stage Deploy: Failed");
    expect(await page.getByRole("region", { name: "Rollback timeline" }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "rehearse-failed-step.png") });
    const scrubber = page.getByRole("slider", { name: "Rehearsal step" });
    const failedAt = Number(await scrubber.inputValue());
    await page.getByRole("button", { name: "Step forward" }).click();
    expect(Number(await scrubber.inputValue())).toBe(failedAt + 1);
    await page.getByRole("button", { name: "To the end" }).click();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "rehearse-rollback.png") });

    // Keep the outcome as the expectation and save the what-if beside the pipeline.
    await page.getByRole("button", { name: "Expect this outcome" }).click();
    await page.getByRole("button", { name: "Save what-if" }).click();
    await page.getByRole("button", { name: "Saved beside the pipeline" }).waitFor();
    const saved = JSON.parse(await readFile(join(host.workDir, "web.whatif.what-if-1.json"), "utf8")) as {
      rules: unknown[];
      expect: { status: string };
    };
    expect(saved.rules).toEqual([
      { stage: "Deploy", action: "DeployApp", outcome: "fail", errorMessage: "Health check failed" },
    ]);
    expect(saved.expect.status).toBe("Failed");
    expect(errors).toEqual([]);
    await page.close();

    // Reopened, the document brings its what-if back, marks and all.
    const second = await openDesigner(browser, host.url);
    await openFile(second.page, file);
    await second.page.getByRole("button", { name: "Rehearse", exact: true }).click();
    await expect
      .poll(() => second.page.getByRole("combobox", { name: "What-if" }).inputValue())
      .toBe("what-if-1");
    await expect
      .poll(() =>
        second.page
          .getByLabel(/^Marked: /)
          .first()
          .getAttribute("aria-label"),
      )
      .toBe("Marked: fails: Health check failed");
    await expect
      .poll(() => second.page.getByRole("list", { name: "Expectations" }).textContent())
      .toContain("✓ run status = Failed");
    expect(second.errors).toEqual([]);
  });
});
