/**
 * Watching and controlling runs in Chromium (web mode). The pipeline lives in a sandbox this test
 * starts itself, so it can change what actions do (scenario rules); the app reaches it as an AWS
 * connection with environment credentials, through AWS_ENDPOINT_URL_CODEPIPELINE which the SDK
 * honours. The first test deploys the pipeline from the UI (Open file, Deploy, Create pipeline);
 * the second opens it from the Browse dialog.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../main/sandbox";
import { threeStagePipeline } from "../main/sandbox/fixtures";
import {
  deployFileFromUi,
  openOnAccount,
  startAccountSandbox,
  type AccountSandbox,
} from "./support/account-sandbox";
import { launchChromium } from "./support/chromium";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");
const NAME = "e2e-runs";

let account: AccountSandbox;
let sandbox: Sandbox;
let host: WebHost;
let browser: Browser;

beforeAll(async () => {
  // 20 simulated seconds per second: Compile (120 s) takes 6 s, longer than two polls.
  account = await startAccountSandbox({
    speed: 20,
    scenario: { rules: [{ pipeline: NAME, action: "Compile", durationSeconds: 120 }] },
  });
  sandbox = account.sandbox;
  host = await startWebHost();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await account?.close();
});

/** Opens the app on the environment connection and the pipeline: deployed from a file, or browsed. */
async function openPipeline(how: "deploy" | "browse"): Promise<{ page: Page; errors: string[] }> {
  // Every control asks first; the page agrees.
  const { page, errors } = await openOnAccount(browser, host.url);
  if (how === "deploy") {
    const file = join(account.scratch, `${NAME}.json`);
    await writeFile(
      file,
      `${JSON.stringify({ pipeline: threeStagePipeline({ name: NAME, approval: {} }) }, null, 2)}\n`,
    );
    await deployFileFromUi(page, file, NAME, "Deploy");
  } else {
    await page.getByRole("button", { name: "Browse", exact: true }).click();
    await page.getByRole("button", { name: `Open ${NAME}` }).click();
    await page.getByRole("region", { name: "Stage Deploy" }).waitFor();
  }
  // The toolbar's Runs shows the runs tab, docked under the canvas.
  await page
    .getByRole("toolbar", { name: "Document" })
    .getByRole("button", { name: "Runs", exact: true })
    .click();
  await page.getByRole("region", { name: "Runs", exact: true }).waitFor();
  return { page, errors };
}

/** Release change from the runs panel: its dialog, then its Release change button. */
async function releaseChange(page: Page): Promise<void> {
  await page
    .getByRole("region", { name: "Runs", exact: true })
    .getByRole("button", { name: "Release change" })
    .click();
  await page
    .getByRole("dialog", { name: /^Release a change/ })
    .getByRole("button", { name: "Release change" })
    .click();
}

/** Stops the run in progress from its Stop… dialog, abandoning it, with a reason. */
async function stopRun(page: Page, reason: string): Promise<void> {
  const stop = page.getByRole("button", { name: "Stop…" });
  await stop.waitFor({ timeout: 30_000 });
  await stop.click();
  const dialog = page.getByRole("dialog", { name: /^Stop run / });
  if (reason !== "") await dialog.getByLabel("Reason (optional)").fill(reason);
  await dialog.getByRole("button", { name: "Stop and abandon" }).click();
}

/** Approves Approve/Review from its review dialog, with a comment. */
async function review(page: Page, comment: string): Promise<void> {
  await page.getByRole("button", { name: "Review Review" }).click();
  const dialog = page.getByRole("dialog", { name: "Review Approve/Review" });
  if (comment !== "") await dialog.getByLabel("Comment").fill(comment);
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
}

const stageStatus = (page: Page, stage: string) =>
  page.getByRole("status", { name: new RegExp(`^Latest run of stage ${stage}: `) });

async function statusText(page: Page, stage: string): Promise<string | null> {
  const badge = stageStatus(page, stage);
  return (await badge.count()) === 0 ? null : badge.getAttribute("aria-label");
}

/** Waits for a history row's status of the newest run. */
async function newestRunStatus(page: Page): Promise<string> {
  const first = page.getByRole("grid", { name: "Runs" }).getByRole("row").first();
  return (await first.count()) === 0
    ? ""
    : ((await first.getByRole("button", { name: /^Open run / }).textContent()) ?? "");
}

describe("runs in Chromium", () => {
  it("deploys from the UI, stops the first run, releases a change, shows it live on the canvas, approves it, and shows a bar for every action", async () => {
    const { page, errors } = await openPipeline("deploy");
    // Creating the pipeline started a run; stop it from the UI so the run watched is the one released.
    await stopRun(page, "");
    await expect.poll(() => newestRunStatus(page), { timeout: 30_000 }).toContain("Stopped");
    await releaseChange(page);
    await expect
      .poll(() => statusText(page, "Build"), { timeout: 30_000 })
      .toBe("Latest run of stage Build: In progress");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "runs-canvas-in-progress.png") });
    await expect
      .poll(() => statusText(page, "Build"), { timeout: 30_000 })
      .toBe("Latest run of stage Build: Succeeded");
    await expect
      .poll(() => statusText(page, "Approve"), { timeout: 30_000 })
      .toBe("Latest run of stage Approve: Waiting for approval");
    // Over the canvas, how far the whole run got.
    const runProgress = page.getByRole("status", { name: "Run progress" });
    await expect
      .poll(() => runProgress.textContent(), { timeout: 30_000 })
      .toContain("2 of 4 stages done · waiting for approval in Approve");
    await review(page, "looks good");
    await expect.poll(() => newestRunStatus(page), { timeout: 30_000 }).toContain("Succeeded");
    await expect
      .poll(() => statusText(page, "Deploy"), { timeout: 30_000 })
      .toBe("Latest run of stage Deploy: Succeeded");
    await expect.poll(() => runProgress.textContent(), { timeout: 30_000 }).toContain("4 of 4 stages done");

    await page
      .getByRole("grid", { name: "Runs" })
      .getByRole("button", { name: /^Open run / })
      .first()
      .click();
    const timeline = page.getByRole("grid", { name: /^Timeline of run / });
    await timeline.waitFor();
    for (const action of ["Checkout", "Compile", "Review", "Publish"])
      await expect
        .poll(() => timeline.getByRole("img", { name: new RegExp(`/${action}: Succeeded, `) }).count())
        .toBe(1);
    expect(await timeline.getByTestId("timeline-bar").count()).toBe(4);
    await timeline.getByRole("button", { name: /^Details of Approve\/Review/ }).click();
    await expect.poll(() => page.getByText("Summary: looks good").count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "runs-panel-timeline.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("retries a stage whose action failed by a sandbox scenario, then the run passes; stops a run", async () => {
    const { page, errors } = await openPipeline("browse");
    sandbox.scenario.addRule({
      pipeline: NAME,
      action: "Compile",
      outcome: "fail",
      errorMessage: "3 tests failed",
    });
    await releaseChange(page);
    const retry = page.getByRole("button", { name: "Retry failed actions of Build" });
    await retry.waitFor({ timeout: 30_000 });
    expect(await statusText(page, "Build")).toBe("Latest run of stage Build: Failed");
    // The progress panel takes the user to the failure: the action is selected, its error shown.
    await page.getByRole("button", { name: "Show the failure" }).click();
    await expect.poll(() => page.getByLabel("Action name").inputValue()).toBe("Compile");
    await expect.poll(() => page.getByText("3 tests failed").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "runs-canvas-failed.png") });

    sandbox.scenario.set({ rules: [{ pipeline: NAME, action: "Compile", durationSeconds: 120 }] });
    await retry.click();
    // The app asks in its own dialog, named by what it does.
    await page.getByRole("dialog", { name: "Retry Build" }).getByRole("button", { name: "Retry" }).click();
    await expect
      .poll(() => statusText(page, "Approve"), { timeout: 30_000 })
      .toBe("Latest run of stage Approve: Waiting for approval");
    await review(page, "");
    await expect.poll(() => newestRunStatus(page), { timeout: 30_000 }).toContain("Succeeded");
    // What the approval did is about that run: once the run ended, the message is gone.
    expect(await page.locator(".run-result").textContent()).toBe("");

    sandbox.scenario.set({ rules: [{ pipeline: NAME, action: "Compile", durationSeconds: 100_000 }] });
    await releaseChange(page);
    await stopRun(page, "not today");
    await expect.poll(() => newestRunStatus(page), { timeout: 30_000 }).toContain("Stopped");
    // "Stopping…" describes the run until it stopped: then the history says so, and the message goes.
    await expect.poll(() => page.locator(".run-result").textContent()).toBe("");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "runs-stopped.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
