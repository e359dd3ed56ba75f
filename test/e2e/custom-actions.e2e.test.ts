/**
 * Custom action types, as a user meets them: a team's custom type exists in the account (created
 * here with the AWS CLI in the embedded sandbox), the palette loads it from the connection, the
 * inspector shows its properties as fields, validation checks them, and the pipeline deploys.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "../main/aws/support/aws-cli";
import { launchChromium } from "./support/chromium";
import { newFromTemplate, openDesigner, paletteItem } from "./support/designer-page";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");

const TEAM_JENKINS = {
  category: "Build",
  provider: "TeamJenkins",
  version: "1",
  configurationProperties: [
    {
      name: "ProjectName",
      required: true,
      key: true,
      secret: false,
      queryable: true,
      description: "The Jenkins job to run",
      type: "String",
    },
    { name: "ApiToken", required: false, key: false, secret: true, queryable: false, type: "String" },
  ],
  inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
};

let browser: Browser;
let host: WebHost;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  host = await startWebHost();
  ({ page, errors } = await openDesigner(browser, host.url));
}, 90_000);
afterAll(async () => {
  await page?.close();
  await host?.stop();
  await browser?.close();
});

/** The embedded sandbox's endpoint, through the app's own channel (web mode: POST with the token). */
async function sandboxEndpoint(): Promise<string> {
  const token = /token=([A-Za-z0-9_-]+)/.exec(host.url)?.[1] ?? "";
  const response = await fetch(`${host.origin}api/aws.sandbox`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-pipewright-token": token },
    body: "{}",
  });
  const result = (await response.json()) as { ok: boolean; value?: { endpoint: string } };
  if (!result.ok || result.value === undefined)
    throw new Error(`aws.sandbox failed: ${JSON.stringify(result)}`);
  return result.value.endpoint;
}

describe("a custom action type of the connected sandbox", () => {
  it("is loaded into the palette, edited with its own fields, validated and deployed", async () => {
    const endpoint = await sandboxEndpoint();
    await awsCli(endpoint, [
      "codepipeline",
      "create-custom-action-type",
      "--cli-input-json",
      JSON.stringify(TEAM_JENKINS),
    ]);
    await newFromTemplate(page, "Blank V2 pipeline");
    const palette = page.getByRole("complementary", { name: "Palette" });
    await palette.getByRole("button", { name: "Load action types from Sandbox" }).click();
    await expect.poll(() => palette.getByRole("status").textContent()).toBe("1 action type from Sandbox.");
    const item = paletteItem(page, "Build", "TeamJenkins");
    await expect(item.textContent()).resolves.toMatch(/Custom/);

    await item.focus();
    await page.keyboard.press("Enter");
    const inspector = page.getByRole("complementary", { name: "Inspector" });
    const project = inspector.getByRole("textbox", { name: "ProjectName" });
    await project.waitFor();
    await expect(project.getAttribute("aria-required")).resolves.toBe("true");
    await inspector.getByText(/Secret: AWS shows it masked/).waitFor();
    await inspector.getByText(/TeamJenkins needs it: ProjectName/).waitFor();

    await project.fill("team/web");
    await inspector.getByText(/must be 1 to 20 letters, digits/).waitFor();
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: join(SCREENSHOT_DIR, `custom-action-${width}-${colorScheme}.png`) });
      }
    }
    await project.fill("web-build");
    await inspector.getByText(/must be 1 to 20 letters, digits/).waitFor({ state: "detached" });

    // AWS has the type, so the service accepts the pipeline: it deploys.
    await page
      .getByRole("toolbar", { name: "Document" })
      .getByRole("button", { name: "Deploy", exact: true })
      .click();
    const dialog = page.getByRole("dialog", { name: /^Deploy/ });
    await dialog.getByRole("button", { name: "Create pipeline" }).click();
    await dialog.getByText("my-pipeline is now at version 1").waitFor();
    const stored = JSON.parse(
      await awsCli(endpoint, ["codepipeline", "get-pipeline", "--name", "my-pipeline"]),
    ) as {
      pipeline: { stages: { actions: { actionTypeId: { provider: string }; configuration?: unknown }[] }[] };
    };
    const custom = stored.pipeline.stages
      .flatMap((s) => s.actions)
      .find((a) => a.actionTypeId.provider === "TeamJenkins");
    expect(custom?.configuration).toEqual({ ProjectName: "web-build" });
    expect(errors).toEqual([]);
  }, 120_000);
});
