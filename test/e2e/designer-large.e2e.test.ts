import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePipeline } from "../bench/generate";
import { launchChromium } from "./support/chromium";
import { drag, openDesigner, stageOf } from "./support/designer-page";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");

let browser: Browser;
let host: WebHost;

beforeAll(async () => {
  browser = await launchChromium();
  host = await startWebHost();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("the designer with a 50-stage x 50-action stress file", () => {
  it("opens it, selects, edits and drags in it, with every diagnostic listed", async () => {
    const pipeline = generatePipeline(2500, 50);
    // An unknown provider and an unknown member ride along: both must render and survive.
    const first = pipeline.stages[1]!.actions[0]!;
    Object.assign(first, { somethingNew: { kept: true } });
    first.actionTypeId = { ...first.actionTypeId, owner: "Custom", provider: "AcmeBuilder" };
    const file = join(host.workDir, "stress.json");
    await writeFile(file, `${JSON.stringify({ pipeline }, null, 2)}\n`);

    const { page, errors } = await openDesigner(browser, host.url);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
    await dialog.getByLabel("File path").fill(file);
    await dialog.getByRole("button", { name: "Open file" }).click();
    await page.getByRole("button", { name: "Build-1-1 (AcmeBuilder)" }).waitFor();
    // Only the nodes in view are drawn.
    const lanes = () =>
      page.getByRole("region", { name: /^Stage / }).evaluateAll((els) => els.map((e) => e.ariaLabel));
    const drawnAtOpen = await lanes();
    expect(drawnAtOpen.length).toBeLessThan(pipeline.stages.length);
    // Stages hold 50 or 51 actions here; the over-full ones are reported, each of them.
    await expect
      .poll(() => page.getByRole("tab", { name: /^Problems/ }).textContent())
      .toMatch(/^Problems \(\d+\)$/);

    await page.getByRole("button", { name: "Build-1-2 (CodeBuild)" }).click();
    const project = page
      .getByRole("complementary", { name: "Inspector" })
      .getByRole("textbox", { name: "ProjectName" });
    await project.fill("renamed-project");
    await expect.poll(() => project.inputValue()).toBe("renamed-project");

    await drag(
      page,
      page.getByRole("button", { name: "Build-1-2 (CodeBuild)" }),
      page.getByRole("button", { name: "Source (S3)" }),
    );
    await expect
      .poll(() =>
        page.getByRole("status").filter({ hasText: "first stage holds only source actions" }).count(),
      )
      .toBe(1);
    expect(await stageOf(page, "Build-1-2 (CodeBuild)")).toBe("Stage-1");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "designer-stress.png") });
    // "Fit view" takes in the whole pipeline (as far as the least zoom allows), lanes never drawn
    // before among them: not only the nodes drawn, and so measured, so far.
    await page.getByRole("button", { name: "Fit View" }).click();
    await expect
      .poll(async () => (await lanes()).filter((name) => !drawnAtOpen.includes(name)).length)
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
