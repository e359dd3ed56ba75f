import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium";
import { toolbarCommand } from "./support/designer-page";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");

let host: WebHost;
let browser: Browser;

/** Browser-side failures (CSP violations, uncaught errors) fail the test that caused them. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

async function openApp(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  await page.locator('.app[data-ready="true"]').waitFor();
  return { page, errors };
}

beforeAll(async () => {
  host = await startWebHost();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("web mode in Chromium", () => {
  it("creates from a template, saves to a path, reopens it and shows the same document", async () => {
    const { page, errors } = await openApp(host.url);
    // The token left the address bar once read.
    expect(page.url()).not.toContain("token=");

    await page.getByRole("button", { name: "New", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "New pipeline" });
    await dialog.getByRole("button", { name: "Source, build, deploy to ECS" }).click();
    await expect.poll(() => page.getByRole("region", { name: "Stage Deploy" }).count()).toBe(1);
    expect(await page.title()).toMatch(/^● my-app-ecs \(not saved\) — Pipewright$/);

    await page.getByLabel("Pipeline name").fill("e2e-pipeline");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const path = join(host.workDir, "files", "e2e.pipeline.json");
    await mkdir(join(host.workDir, "files"));
    const saveDialog = page.getByRole("dialog", { name: "Save the pipeline as" });
    await saveDialog.getByLabel("File path").fill(path);
    await saveDialog.getByRole("button", { name: "Save file" }).click();
    await expect.poll(() => page.title()).toBe("e2e.pipeline.json — Pipewright");

    const saved = JSON.parse(await readFile(path, "utf8")) as {
      pipeline: { name: string; stages: unknown[] };
    };
    expect(saved.pipeline.name).toBe("e2e-pipeline");
    expect(saved.pipeline.stages).toHaveLength(3);

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "saved.png") });
    await page.close();

    // A fresh tab: open the file from the recent list and see the same document.
    const second = await openApp(host.url);
    await second.page.getByRole("button", { name: "Open", exact: true }).click();
    const openDialog = second.page.getByRole("dialog", { name: "Open a pipeline file" });
    await openDialog
      .getByRole("region", { name: "Recent files" })
      .getByRole("button", { name: "e2e.pipeline.json" })
      .click();
    await expect.poll(() => second.page.title()).toBe("e2e.pipeline.json — Pipewright");
    expect(await second.page.getByLabel("Pipeline name").inputValue()).toBe("e2e-pipeline");
    const stages = await second.page
      .getByRole("region", { name: /^Stage / })
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label")));
    expect(stages).toEqual(["Stage Source", "Stage Build", "Stage Deploy"]);
    await second.page.screenshot({ path: join(SCREENSHOT_DIR, "reopened.png") });
    // An edit, reviewed against the file before saving it.
    await second.page.getByLabel("Pipeline name").fill("e2e-renamed");
    await toolbarCommand(second.page, "Changes since save");
    const changes = second.page.getByRole("dialog", { name: "Changes since e2e.pipeline.json was saved" });
    await expect
      .poll(() => changes.getByRole("region", { name: "Not saved yet" }).textContent())
      .toMatch(/name: "e2e-pipeline" → "e2e-renamed"/);
    await changes.getByRole("button", { name: "Close" }).click();
    await second.page.close();

    expect([...errors, ...second.errors]).toEqual([]);
  });

  it("shows a typed path that does not exist as an error in the app", async () => {
    const { page, errors } = await openApp(host.url);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
    await dialog.getByLabel("File path").fill(join(host.workDir, "missing.pipeline.json"));
    await dialog.getByRole("button", { name: "Open file" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("does not exist");
    await page.close();
    expect(errors).toEqual([]);
  });

  it("reopens the open document when the page is reloaded: the saved file, then the unsaved edits", async () => {
    const { page, errors } = await openApp(host.url);
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page
      .getByRole("dialog", { name: "New pipeline" })
      .getByRole("button", { name: "Source, build, deploy to ECS" })
      .click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const save = page.getByRole("dialog", { name: "Save the pipeline as" });
    const path = join(host.workDir, "reload.pipeline.json");
    await save.getByLabel("File path").fill(path);
    await save.getByRole("button", { name: "Save file" }).click();
    await expect.poll(() => page.title()).toBe("reload.pipeline.json — Pipewright");
    // The save says what it wrote and where.
    await expect
      .poll(() => page.getByRole("status", { name: "Notice" }).textContent())
      .toBe(`Saved reload.pipeline.json in ${host.workDir}`);

    await page.reload();
    await page.locator('.app[data-ready="true"]').waitFor();
    await expect.poll(() => page.title()).toBe("reload.pipeline.json — Pipewright");
    await page.getByRole("region", { name: "Stage Deploy" }).waitFor();

    // An unsaved edit comes back too: autosave keeps it, and the reload restores that copy.
    await page.getByLabel("Pipeline name").fill("edited-before-reload");
    const recoveryDir = join(host.dataDir, "recovery");
    await expect
      .poll(
        async () => {
          const names = (await readdir(recoveryDir).catch(() => [])).filter((n) => n.endsWith(".json"));
          const texts = await Promise.all(names.map((n) => readFile(join(recoveryDir, n), "utf8")));
          return texts.some((t) => t.includes("edited-before-reload"));
        },
        { timeout: 1500, interval: 50 },
      )
      .toBe(true);
    // The browser asks before leaving a page with unsaved edits; the test says yes.
    page.once("dialog", (d) => void d.accept());
    await page.reload();
    await page.locator('.app[data-ready="true"]').waitFor();
    await expect.poll(() => page.getByLabel("Pipeline name").inputValue()).toBe("edited-before-reload");
    expect(await page.title()).toBe("● reload.pipeline.json — Pipewright");
    await page.close();
    expect(errors).toEqual([]);
  });

  it("restores unsaved edits after the host crashed", async () => {
    const crashing = await startWebHost({ workDir: host.workDir, dataDir: join(host.workDir, "crash-data") });
    const { page, errors } = await openApp(crashing.url);
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page
      .getByRole("dialog", { name: "New pipeline" })
      .getByRole("button", { name: "Cross-region deploy" })
      .click();
    await page.getByLabel("Pipeline name").fill("unsaved-edit");
    // Autosave lands in the recovery folder within a second of the edit.
    const recoveryDir = join(crashing.dataDir, "recovery");
    await expect
      .poll(
        async () => {
          // Only finished copies (`<id>.json`): the atomic writer's temp file holds the same text
          // before its rename, and crashing the host then would leave nothing to restore.
          const names = (await readdir(recoveryDir).catch(() => [])).filter((n) => n.endsWith(".json"));
          const texts = await Promise.all(names.map((n) => readFile(join(recoveryDir, n), "utf8")));
          return texts.some((t) => t.includes("unsaved-edit"));
        },
        { timeout: 1500, interval: 50 },
      )
      .toBe(true);
    // After the crash the page's event stream breaks, which the browser logs; that is expected.
    const errorsBeforeCrash = [...errors];
    await crashing.crash();
    await page.close();

    const restarted = await startWebHost({ workDir: host.workDir, dataDir: crashing.dataDir });
    try {
      const again = await openApp(restarted.url);
      const offer = again.page.getByRole("region", { name: "Unsaved work: unsaved-edit" });
      await offer.getByRole("button", { name: "Restore" }).click();
      await expect.poll(() => again.page.getByLabel("Pipeline name").inputValue()).toBe("unsaved-edit");
      expect(await again.page.title()).toBe("● unsaved-edit (not saved) — Pipewright");
      // The cross-region template deploys with one CloudFormation action per region.
      const deployActions = again.page.getByRole("button", {
        name: /^Deploy-(us-east-1|eu-west-1) \(CloudFormation\)$/,
      });
      expect(await deployActions.count()).toBe(2);
      await again.page.close();
      expect([...errorsBeforeCrash, ...again.errors]).toEqual([]);
    } finally {
      await restarted.stop();
    }
  });
});
