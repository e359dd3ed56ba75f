/**
 * What a user sees of a run's variables in the runs view, in Chromium: each source provider's own
 * output variables (an S3 source reports its version and ETag, not a commit), and an action whose
 * configuration references a variable nothing produced fails with an error naming the reference.
 * The pipeline is deployed from the UI to a sandbox reached as an AWS account.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROKEN, CONNECTION_ARN, sourcesPipeline } from "../main/sandbox/source-fixtures";
import {
  deployFileFromUi,
  openOnAccount,
  startAccountSandbox,
  type AccountSandbox,
} from "./support/account-sandbox";
import { launchChromium } from "./support/chromium";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");
const NAME = "e2e-variables";

let account: AccountSandbox;
let host: WebHost;
let browser: Browser;

beforeAll(async () => {
  account = await startAccountSandbox({
    speed: 500,
    scenario: { connections: [{ connectionArn: CONNECTION_ARN, providerType: "Bitbucket" }] },
  });
  host = await startWebHost();
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await account?.close();
});

/** The action details panel of the runs view, for one action of the selected run. */
async function details(page: Page, stage: string, action: string) {
  await page.getByRole("button", { name: new RegExp(`^Details of ${stage}/${action}: `) }).click();
  const panel = page.getByRole("region", { name: `Action ${stage}/${action}` });
  await panel.waitFor();
  return panel;
}

describe("variables in the runs view", () => {
  it("shows each source's own variables and fails an unresolved reference, naming it", async () => {
    const { page, errors } = await openOnAccount(browser, host.url);
    const file = join(account.scratch, `${NAME}.json`);
    await writeFile(file, `${JSON.stringify({ pipeline: sourcesPipeline(NAME, [BROKEN]) }, null, 2)}\n`);
    await deployFileFromUi(page, file, NAME, "Build");
    await page.getByRole("button", { name: /^Runs( · \d+ of \d+ stages done)?$/ }).click();
    const grid = page.getByRole("grid", { name: "Runs" });
    await expect
      .poll(async () => (await grid.getByRole("row").first().textContent()) ?? "", { timeout: 60_000 })
      .toContain("Failed");
    await grid.getByRole("row").first().getByRole("button").first().click();

    const s3 = await details(page, "Source", "FromS3");
    const s3Text = (await s3.textContent()) ?? "";
    expect(s3Text).toMatch(/Output variables/);
    expect(s3Text).toMatch(/VersionId/);
    expect(s3Text).toMatch(/ETag/);
    expect(s3Text).not.toMatch(/CommitId/);
    const codeCommit = (await (await details(page, "Source", "FromCodeCommit")).textContent()) ?? "";
    expect(codeCommit).toMatch(/CommitId/);
    expect(codeCommit).toMatch(/BranchName/);

    const broken = await details(page, "Build", "Broken");
    await expect(broken.getByRole("alert").textContent()).resolves.toMatch(
      /variables could not be resolved: Action name=Broken\. Unresolved: #\{CcSrc\.NoSuchVariable\}/,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, "runs-unresolved-variable.png") });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
