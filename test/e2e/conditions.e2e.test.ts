/**
 * V2 stage conditions in Chromium (web mode): a pipeline whose Deploy stage waits on an alarm rule
 * before entry is deployed from the UI; the canvas shows the entry check running, the runs drawer
 * overrides it, the run goes on and succeeds, and the timeline shows the rule's bar.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conditionPipeline, rule, when } from "../main/sandbox/condition-fixtures";
import {
  deployFileFromUi,
  openOnAccount,
  startAccountSandbox,
  type AccountSandbox,
} from "./support/account-sandbox";
import { launchChromium } from "./support/chromium";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");
const NAME = "e2e-conditions";

let account: AccountSandbox;
let host: WebHost;
let browser: Browser;

beforeAll(async () => {
  // The alarm rule watches for a simulated day: only an override lets the run into Deploy.
  account = await startAccountSandbox({
    speed: 20,
    scenario: { conditionRules: [{ pipeline: NAME, rule: "Alarm", durationSeconds: 86_400 }] },
  });
  host = await startWebHost();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await account?.close();
});

const entryCheck = (page: Page) => page.getByRole("img", { name: /^Entry conditions of Deploy: / });

describe("stage conditions in Chromium", () => {
  it("shows an entry check running on the canvas, overrides it from the runs drawer, and draws the rule on the timeline", async () => {
    const { page, errors } = await openOnAccount(browser, host.url);
    const pipeline = conditionPipeline(NAME, {
      Deploy: {
        beforeEntry: {
          conditions: [when("FAIL", rule("Alarm", "CloudWatchAlarm", { AlarmName: "Errors" }))],
        },
      },
    });
    const file = join(account.scratch, `${NAME}.json`);
    await writeFile(file, `${JSON.stringify({ pipeline: { ...pipeline, pipelineType: "V2" } }, null, 2)}\n`);
    await deployFileFromUi(page, file, NAME, "Deploy");

    // Creating the pipeline started a run; it reaches Deploy's entry check and waits on the alarm.
    await expect
      .poll(() => entryCheck(page).getAttribute("aria-label"), { timeout: 30_000 })
      .toBe("Entry conditions of Deploy: In progress (Alarm: InProgress)");
    expect(await page.getByRole("status", { name: "Run progress" }).textContent()).toContain(
      "2 of 3 stages done · checking Deploy's conditions",
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, "conditions-entry-check.png") });
    await page
      .getByRole("toolbar", { name: "Document" })
      .getByRole("button", { name: "Runs", exact: true })
      .click();
    await page.getByRole("button", { name: "Override entry conditions of Deploy" }).click();
    await page
      .getByRole("dialog", { name: "Override the conditions" })
      .getByRole("button", { name: "Override" })
      .click();
    await expect.poll(() => page.getByText("Overrode the entry conditions of Deploy").count()).toBe(1);
    await expect
      .poll(() => entryCheck(page).getAttribute("aria-label"), { timeout: 30_000 })
      .toBe("Entry conditions of Deploy: Overridden");
    await expect
      .poll(
        () => page.getByRole("status", { name: /^Latest run of stage Deploy: / }).getAttribute("aria-label"),
        {
          timeout: 30_000,
        },
      )
      .toBe("Latest run of stage Deploy: Succeeded");

    await page
      .getByRole("grid", { name: "Runs" })
      .getByRole("button", { name: /^Open run / })
      .first()
      .click();
    const timeline = page.getByRole("grid", { name: /^Timeline of run / });
    await timeline.waitFor();
    // The rule's evaluation, ended when the override let the run in, has its own bar under Deploy.
    await expect
      .poll(() =>
        timeline
          .getByRole("rowgroup", { name: "Stage Deploy" })
          .getByRole("img", { name: /^Deploy entry condition Alarm: Abandoned, / })
          .count(),
      )
      .toBe(1);
    expect(await timeline.getByTestId("timeline-bar").count()).toBe(3);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "conditions-timeline.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
