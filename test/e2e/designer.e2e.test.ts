import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium";
import {
  afterStage,
  centreOf,
  drag,
  stageOf,
  newFromTemplate,
  openDesigner,
  paletteItem,
  toolbarCommand,
  validateWithCli,
} from "./support/designer-page";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");

let browser: Browser;
let host: WebHost;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
// A fresh host and data folder per test.
beforeEach(async () => {
  host = await startWebHost();
  ({ page, errors } = await openDesigner(browser, host.url));
});
afterEach(async () => {
  await page?.close();
  await host?.stop();
});

function stage(name: string) {
  return page.getByRole("region", { name: `Stage ${name}` });
}

async function problemsTab(): Promise<string> {
  return (await page.getByRole("tab", { name: /^Problems/ }).textContent()) ?? "";
}

/** Blank template, then both of its stages deleted: a pipeline with no stages. */
async function emptyPipeline(): Promise<void> {
  await newFromTemplate(page, "Blank V2 pipeline");
  for (const name of ["Source", "Approve"]) {
    await page.getByRole("button", { name: `Select stage ${name}` }).click();
    await page.keyboard.press("Delete");
    await stage(name).waitFor({ state: "detached" });
  }
}

async function fill(action: string, fields: Record<string, string>): Promise<void> {
  await page.getByRole("button", { name: action }).click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  for (const [label, value] of Object.entries(fields))
    await inspector.getByRole("textbox", { name: label, exact: true }).fill(value);
}

async function exportV2AndValidate(run: () => Promise<void>): Promise<void> {
  const downloading = page.waitForEvent("download");
  await run();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("my-pipeline.V2.json");
  const path = join(host.workDir, "exported.json");
  await download.saveAs(path);
  const exported = JSON.parse(await readFile(path, "utf8")) as { pipeline: { stages: { name: string }[] } };
  expect(exported.pipeline.stages.map((s) => s.name)).toEqual(["Source", "Build", "Deploy"]);
  const result = await validateWithCli(path);
  expect(result.output).toMatch(/: 0 errors, 0 warnings/);
  expect(result.code).toBe(0);
}

describe("the designer in Chromium", () => {
  it("builds S3 -> CodeBuild -> ECS from an empty pipeline with mouse drags, reaches zero problems and exports a valid V2 file", async () => {
    await emptyPipeline();
    await drag(page, paletteItem(page, "Source", "S3"), page.getByRole("note", { name: "Empty pipeline" }));
    await stage("Source").waitFor();
    // A source action is refused outside the first stage, and the canvas says why.
    await drag(page, paletteItem(page, "Source", "CodeCommit"), await afterStage(page, "Source"));
    await expect
      .poll(() =>
        page.getByRole("status").filter({ hasText: "Source actions can only go in the first stage" }).count(),
      )
      .toBe(1);
    await drag(page, paletteItem(page, "Build", "CodeBuild"), await afterStage(page, "Source"));
    await stage("Build").waitFor();
    await drag(page, paletteItem(page, "Deploy", "ECS"), await afterStage(page, "Build"));
    await stage("Deploy").waitFor();
    expect(await stageOf(page, "CodeBuild (CodeBuild)")).toBe("Build");

    await fill("S3 (S3)", { S3Bucket: "my-source-bucket", S3ObjectKey: "app.zip" });
    await fill("CodeBuild (CodeBuild)", { ProjectName: "my-project" });
    await fill("ECS (ECS)", { ClusterName: "my-cluster", ServiceName: "my-service" });
    await expect.poll(problemsTab).toBe("Problems (0)");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "designer-built.png") });

    await exportV2AndValidate(() => toolbarCommand(page, "Export V2"));
    expect(errors).toEqual([]);
  });

  it("moves an action to another stage and a stage to the end by dragging, each one undo step", async () => {
    await newFromTemplate(page, "Source, build, deploy to ECS");
    const build = page.getByRole("button", { name: "Build (CodeBuild)" });
    await drag(page, build, page.getByRole("button", { name: "Deploy (ECS)" }));
    await expect.poll(() => stageOf(page, "Build (CodeBuild)")).toBe("Deploy");
    expect(await stageOf(page, "Deploy (ECS)")).toBe("Deploy");

    await toolbarCommand(page, "Undo");
    await expect.poll(() => stageOf(page, "Build (CodeBuild)")).toBe("Build");

    // A stage dragged by its header to the end reorders the stages, also one step.
    await drag(
      page,
      page.getByRole("button", { name: "Select stage Build" }),
      await afterStage(page, "Deploy"),
    );
    const order = () =>
      page
        .getByRole("region", { name: /^Stage / })
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    await expect.poll(order).toEqual(["Stage Source", "Stage Deploy", "Stage Build"]);
    await page.keyboard.press("Control+z");
    await expect.poll(order).toEqual(["Stage Source", "Stage Build", "Stage Deploy"]);
    expect(errors).toEqual([]);
  });

  it("renames a stage in the JSON view and the canvas follows", async () => {
    await newFromTemplate(page, "Source, build, deploy to ECS");
    await page.getByRole("tab", { name: "JSON" }).click();
    // CodeMirror draws only the lines in view: page down until the stage's name line is drawn.
    await page.locator(".cm-line").first().click();
    const line = page.locator(".cm-line", { hasText: '"name": "Build",' }).first();
    for (let i = 0; i < 40 && (await line.count()) === 0; i++) await page.keyboard.press("PageDown");
    await line.click();
    await page.keyboard.press("End");
    for (let i = 0; i < '"Build",'.length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type('"Compile",');
    await stage("Compile").waitFor();
    expect(await stage("Build").count()).toBe(0);
    // One undo step takes the typed rename back.
    await toolbarCommand(page, "Undo");
    await stage("Build").waitFor();
    expect(errors).toEqual([]);
  });

  it("shows invalid JSON's error at its line and never loses the text", async () => {
    await newFromTemplate(page, "Source, build, deploy to ECS");
    await page.getByRole("tab", { name: "JSON" }).click();
    await page.locator(".cm-line").first().click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("oops ");
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/^Line 1, column \d+: /);
    expect(await stage("Deploy").count()).toBe(1);
    // Away and back: the draft is still there, still unapplied.
    await page.getByRole("tab", { name: /^Problems/ }).click();
    await page.getByRole("tab", { name: "JSON" }).click();
    await expect.poll(() => page.locator(".cm-line").first().textContent()).toBe("oops {");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "designer-json-error.png") });
    expect(errors).toEqual([]);
  });

  it("builds the same pipeline with the keyboard only", async () => {
    const press = async (name: string | RegExp, key = "Enter") => {
      await page.getByRole("button", { name, exact: true }).first().focus();
      await page.keyboard.press(key);
    };
    await page.getByRole("button", { name: "New", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("dialog", { name: "New pipeline" })
      .getByRole("button", { name: "Blank V2 pipeline" })
      .focus();
    await page.keyboard.press("Enter");
    await stage("Approve").waitFor();
    for (const name of ["Source", "Approve"]) {
      await press(`Select stage ${name}`);
      await page.keyboard.press("Delete");
      await stage(name).waitFor({ state: "detached" });
    }
    for (const [category, provider, stageName] of [
      ["Source", "S3", "Source"],
      ["Build", "CodeBuild", "Build"],
      ["Deploy", "ECS", "Deploy"],
    ] as const) {
      await paletteItem(page, category, provider).focus();
      await page.keyboard.press("Enter");
      await stage(stageName).waitFor();
    }
    const type = async (action: string, fields: Record<string, string>) => {
      await press(action);
      for (const [label, value] of Object.entries(fields)) {
        await page
          .getByRole("complementary", { name: "Inspector" })
          .getByRole("textbox", { name: label, exact: true })
          .focus();
        await page.keyboard.type(value);
      }
    };
    await type("S3 (S3)", { S3Bucket: "my-source-bucket", S3ObjectKey: "app.zip" });
    await type("CodeBuild (CodeBuild)", { ProjectName: "my-project" });
    await type("ECS (ECS)", { ClusterName: "my-cluster", ServiceName: "my-service" });
    await expect.poll(problemsTab).toBe("Problems (0)");

    // Alt+Right moves the selected action into the next stage; Control+Z takes it back.
    await press("CodeBuild (CodeBuild)");
    await page.keyboard.press("Alt+ArrowRight");
    await expect.poll(() => stageOf(page, "CodeBuild (CodeBuild)")).toBe("Deploy");
    await page.keyboard.press("Control+z");
    await expect.poll(() => stageOf(page, "CodeBuild (CodeBuild)")).toBe("Build");

    await exportV2AndValidate(async () => {
      await page.keyboard.press("Control+Shift+P");
      await page.getByRole("combobox", { name: "Search commands" }).fill("Export V2");
      await page.keyboard.press("Enter");
    });
    expect(errors).toEqual([]);
    void centreOf;
  });

  it("explains a refused V1 export and exports with the V2 features dropped when asked to", async () => {
    await page.getByRole("button", { name: "Open", exact: true }).click();
    const open = page.getByRole("dialog", { name: "Open a pipeline file" });
    await open
      .getByLabel("File path")
      .fill(join(import.meta.dirname, "..", "fixtures", "aws", "v2-trigger-filters.json"));
    await open.getByRole("button", { name: "Open file" }).click();
    await open.waitFor({ state: "detached" });
    await toolbarCommand(page, "Export V1");
    const refused = page.getByRole("dialog", { name: "Export V1 refused" });
    await expect.poll(() => refused.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await refused.textContent()).toMatch(/trigger/i);
    const downloading = page.waitForEvent("download");
    await refused.getByRole("button", { name: "Export without the V2 features" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.V1\.json$/);
    const path = join(host.workDir, "exported-v1.json");
    await download.saveAs(path);
    const exported = JSON.parse(await readFile(path, "utf8")) as { pipeline: Record<string, unknown> };
    expect(exported.pipeline["triggers"]).toBeUndefined();
    await page.getByRole("dialog", { name: "Exported without V2 features" }).waitFor();
    expect((await validateWithCli(path)).code).toBe(0);
    expect(errors).toEqual([]);
  });
});
