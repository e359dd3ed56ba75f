/**
 * Infrastructure as code in Chromium (web mode): opening a CloudFormation template with two
 * pipelines asks which one; its intrinsics show read-only; the export dialog previews the template
 * (unchanged when nothing was edited) and downloads it; a pipeline a stack owns shows its owner and
 * Deploy offers the template export before an explicit "deploy anyway"; a tag key set in the app
 * (Owner tag keys…) makes a pipeline another tool tagged show that tool as its owner.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "../main/aws/support/aws-cli";
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
const TEMPLATE = join(import.meta.dirname, "..", "fixtures", "iac", "two-pipelines.yaml");
const NAME = "e2e-owned";

let account: AccountSandbox;
let host: WebHost;
let browser: Browser;

beforeAll(async () => {
  account = await startAccountSandbox({ speed: 20 });
  host = await startWebHost();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await account?.close();
});

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByRole("button", { name: "Open", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
  await dialog.getByLabel("File path").fill(file);
  await dialog.getByRole("button", { name: "Open file" }).click();
}

describe("templates in the app", () => {
  it("opens a template with two pipelines after a choice, shows intrinsics read-only, and previews the export", async () => {
    const { page, errors } = await openOnAccount(browser, host.url);
    await openFile(page, TEMPLATE);
    const choose = page.getByRole("dialog", { name: "Choose a pipeline to open" });
    await choose.waitFor();
    expect(await choose.getByRole("radio").count()).toBe(2);
    expect(await choose.textContent()).toContain("DocsPipeline (pipeline docs) · line 62");
    await choose.getByRole("radio", { name: /^WebPipeline/ }).check();
    await choose.getByRole("button", { name: "Open pipeline" }).click();
    await page.getByRole("region", { name: "Stage Build" }).waitFor();
    expect(await page.getByRole("region", { name: "Imported template" }).textContent()).toContain(
      "Imported from the CloudFormation template (resource WebPipeline)",
    );

    // The pipeline's role is the template's !GetAtt, shown as written and not editable.
    const role = page
      .getByRole("complementary", { name: "Inspector" })
      .getByRole("textbox", { name: "Service role ARN" });
    expect(await role.inputValue()).toBe("!GetAtt PipelineRole.Arn");
    expect(await role.getAttribute("readonly")).toBe("");
    // Resolved at deploy time: no error in the problems list.
    expect(await page.getByRole("button", { name: "Deploy", exact: true }).isEnabled()).toBe(true);

    await page
      .getByRole("region", { name: "Imported template" })
      .getByRole("button", { name: "Export as template" })
      .click();
    const exporter = page.getByRole("dialog", { name: "Export the pipeline" });
    expect(await exporter.getByRole("combobox", { name: "Format" }).inputValue()).toBe("cfn-yaml");
    const preview = exporter.getByRole("region", { name: "Export preview" });
    expect(await preview.textContent()).toBe(await readFile(TEMPLATE, "utf8"));
    await page.screenshot({ path: join(SCREENSHOT_DIR, "iac-export-preview.png") });

    // Terraform cannot hold CloudFormation's functions: the dialog says so instead of a preview.
    await exporter.getByRole("combobox", { name: "Format" }).selectOption("terraform");
    expect(await exporter.getByRole("alert").textContent()).toContain(
      "Terraform cannot resolve a value that CloudFormation resolves",
    );
    await exporter.getByRole("combobox", { name: "Format" }).selectOption("cfn-yaml");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exporter.getByRole("button", { name: "Download two-pipelines.yaml" }).click(),
    ]);
    const saved = join(account.scratch, "downloaded.yaml");
    await download.saveAs(saved);
    expect(await readFile(saved, "utf8")).toBe(await readFile(TEMPLATE, "utf8"));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a pipeline a CloudFormation stack owns", () => {
  it("names the stack, and Deploy offers the template before an explicit deploy anyway", async () => {
    const { page, errors } = await openOnAccount(browser, host.url);
    const file = join(account.scratch, `${NAME}.json`);
    await writeFile(file, `${JSON.stringify({ pipeline: threeStagePipeline({ name: NAME }) }, null, 2)}\n`);
    await deployFileFromUi(page, file, NAME, "Deploy");
    account.sandbox.tagAsService(NAME, [{ key: "aws:cloudformation:stack-name", value: "web-stack" }]);

    await page.getByRole("button", { name: "Browse", exact: true }).click();
    await page.getByRole("button", { name: `Open ${NAME}` }).click();
    await page.getByRole("region", { name: "Stage Deploy" }).waitFor();
    const banner = page.getByRole("region", { name: "Pipeline owner" });
    expect(await banner.textContent()).toContain("Managed by the CloudFormation stack web-stack");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "iac-owner-banner.png") });

    // Edit, then Deploy: the preview warns about drift and offers the template first.
    await page.getByRole("button", { name: "Select stage Deploy" }).click();
    await page
      .getByRole("complementary", { name: "Inspector" })
      .getByRole("textbox", { name: "Stage name", exact: true })
      .fill("Release");
    await page.getByRole("region", { name: "Stage Release" }).waitFor();
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const deploy = page.getByRole("dialog", { name: new RegExp(`^Deploy ${NAME}`) });
    const guard = deploy.getByRole("region", { name: "Drift warning" });
    expect(await guard.textContent()).toContain("web-stack owns this pipeline");
    expect(await guard.getByRole("button", { name: "Deploy changes anyway" }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "iac-drift-warning.png") });

    await guard.getByRole("button", { name: "Export the change as a template" }).click();
    const exporter = page.getByRole("dialog", { name: "Export the pipeline" });
    expect(await exporter.getByRole("combobox", { name: "Format" }).inputValue()).toBe("cfn-yaml");
    expect(await exporter.getByRole("region", { name: "Export preview" }).textContent()).toContain(
      "- Name: Release",
    );
    await exporter.getByRole("button", { name: "Close" }).click();

    // Deploying anyway is a choice of its own.
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const again = deploy.getByRole("region", { name: "Drift warning" });
    await again.getByRole("checkbox", { name: /Deploy directly anyway/ }).check();
    await again.getByRole("button", { name: "Deploy changes anyway" }).click();
    await page
      .getByRole("dialog", { name: `Deployed ${NAME}` })
      .getByText(`${NAME} is now at version 2`)
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a pipeline another tool tags as its own", () => {
  it("is named as owned once its tag key is set in the app", async () => {
    const name = "e2e-tagged";
    const { page, errors } = await openOnAccount(browser, host.url);
    const file = join(account.scratch, `${name}.json`);
    await writeFile(file, `${JSON.stringify({ pipeline: threeStagePipeline({ name }) }, null, 2)}\n`);
    await deployFileFromUi(page, file, name, "Deploy");
    // As Terraform's default_tags would: an ordinary tag, through TagResource (the AWS CLI here).
    const endpoint = account.sandbox.endpoint;
    const got = JSON.parse(await awsCli(endpoint, ["codepipeline", "get-pipeline", "--name", name])) as {
      metadata: { pipelineArn: string };
    };
    await awsCli(endpoint, [
      "codepipeline",
      "tag-resource",
      "--resource-arn",
      got.metadata.pipelineArn,
      "--tags",
      "key=Owner-Tool,value=terraform",
    ]);

    const openRemote = async () => {
      await page.getByRole("button", { name: "Browse", exact: true }).click();
      await page.getByRole("button", { name: `Open ${name}` }).click();
      await page.getByRole("region", { name: "Stage Deploy" }).waitFor();
    };
    await openRemote();
    // Not a key Pipewright knows yet (the default is ManagedBy): nobody owns it.
    expect(await page.getByRole("region", { name: "Pipeline owner" }).count()).toBe(0);

    await page.keyboard.press("Control+Shift+P");
    await page.getByRole("combobox", { name: "Search commands" }).fill("Owner tag keys");
    await page.keyboard.press("Enter");
    const settings = page.getByRole("dialog", { name: "Owner tag keys" });
    await settings.getByRole("textbox", { name: /Tag keys/ }).fill("ManagedBy\nOwner-Tool");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "iac-owner-tag-keys.png") });
    await settings.getByRole("button", { name: "Save keys" }).click();
    await settings.waitFor({ state: "detached" });

    // The open copy was pulled, so it counts as unsaved: the app asks before replacing it.
    await page.getByRole("button", { name: "Browse", exact: true }).click();
    await page.getByRole("button", { name: `Open ${name}` }).click();
    await page
      .getByRole("dialog", { name: "Discard unsaved changes?" })
      .getByRole("button", { name: "Discard changes" })
      .click();
    const banner = page.getByRole("region", { name: "Pipeline owner" });
    await banner.waitFor();
    expect(await banner.textContent()).toContain("Managed by Owner-Tool = terraform");
    expect(errors).toEqual([]);
    await page.close();
  });
});
