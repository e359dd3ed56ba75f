/**
 * Bad files never wedge the app, in Chromium against web mode: a file with members of the wrong
 * type opens with its problems listed at their lines, and New and Save still work after it.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeDocument } from "../../shared/formats";
import { createFromTemplate } from "../../main/documents/templates";
import { launchChromium } from "./support/chromium";
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

/** The S3/CloudFormation template with the wrong member types put in. */
function oddFile(): string {
  return serializeDocument(createFromTemplate("s3-cloudformation")!)
    .replace('"name": "my-stack-release"', '"name": 42')
    .replace(
      '"name": "Build",\n        "actions": [',
      '"name": "Build",\n        "actions": "x",\n        "was": [',
    )
    .replace('"runOrder": 1', '"runOrder": "abc"')
    .replace('"PollForSourceChanges": "false"', '"PollForSourceChanges": false');
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

async function typePath(page: Page, dialogName: string, button: string, path: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: dialogName });
  await dialog.getByLabel("File path").fill(path);
  await dialog.getByRole("button", { name: button }).click();
}

describe("a file with members of the wrong type", () => {
  it("opens with its problems at their lines, then New and Save work", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(host.url);
    await page.locator('.app[data-ready="true"]').waitFor();

    const folder = join(host.workDir, "files");
    await mkdir(folder, { recursive: true });
    const odd = join(folder, "odd.pipeline.json");
    const text = oddFile();
    await writeFile(odd, text);

    await page.getByRole("button", { name: "Open", exact: true }).click();
    await typePath(page, "Open a pipeline file", "Open file", odd);
    await expect.poll(() => page.title()).toBe("odd.pipeline.json — Pipewright");

    const problems = page.getByRole("list", { name: "Problems" });
    const actions = problems.getByRole("listitem").filter({ hasText: '"actions" must be an array' });
    await expect.poll(() => actions.textContent()).toContain(`line ${lineOf(text, '"actions": "x"')}`);
    const name = problems.getByRole("listitem").filter({ has: page.locator("code", { hasText: /^name$/ }) });
    await expect.poll(() => name.first().textContent()).toContain(`line ${lineOf(text, '"name": 42')}`);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "bad-file-problems.png") });

    // New and Save work after it.
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page
      .getByRole("dialog", { name: "New pipeline" })
      .getByRole("button", { name: "Blank V2 pipeline" })
      .click();
    await expect.poll(() => page.title()).toBe("● my-pipeline (not saved) — Pipewright");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const saved = join(folder, "new.pipeline.json");
    await typePath(page, "Save the pipeline as", "Save file", saved);
    await expect.poll(() => page.title()).toBe("new.pipeline.json — Pipewright");
    expect((JSON.parse(await readFile(saved, "utf8")) as { pipeline: { name: string } }).pipeline.name).toBe(
      "my-pipeline",
    );
    // The odd file was never rewritten.
    expect(await readFile(odd, "utf8")).toBe(text);
    expect(errors).toEqual([]);
    await page.close();
  });
});
