/**
 * `npm run screenshots`: pictures of the app's main screens at 1024 x 700 and 1440 x 900, light and
 * dark, into docs/screenshots/ (the README shows them). Not a test: it drives the app in Debian's
 * Chromium exactly as the experience E2E tests do (web mode, a local sandbox reached as an AWS
 * account) and writes what it sees. Look at every picture after running it.
 *
 * Screens: empty (nothing open), designer (a template, an action selected), deploy (the preview's
 * diff), runs (the runs tab, a run waiting for approval), approval (the review dialog), rehearse
 * (rehearse mode on the template: the Rehearse tab and the path's status on the canvas).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { deployFileFromUi, openOnAccount, startAccountSandbox } from "../test/e2e/support/account-sandbox";
import { launchChromium } from "../test/e2e/support/chromium";
import { newFromTemplate, toolbarCommand } from "../test/e2e/support/designer-page";
import { openRuns, reviewPipeline, SIZES, useColorScheme } from "../test/e2e/support/screens";
import { startWebHost } from "../test/e2e/support/web-host";

const OUT = join(import.meta.dirname, "..", "docs", "screenshots");

async function shoot(page: Page, screen: string): Promise<void> {
  const size = page.viewportSize();
  for (const scheme of ["light", "dark"] as const) {
    await useColorScheme(page, scheme);
    const file = join(OUT, `${screen}-${size?.width}x${size?.height}-${scheme}.png`);
    await page.screenshot({ path: file });
    process.stdout.write(`${file}\n`);
  }
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const account = await startAccountSandbox({ speed: 20 });
  const browser = await launchChromium();
  try {
    for (const size of SIZES) {
      // A host (and data folder) per size: no unsaved work of the last one offers itself here.
      const host = await startWebHost();
      try {
        const name = `release-${size.width}`;
        const { page } = await openOnAccount(browser, host.url);
        await page.setViewportSize(size);
        await shoot(page, "empty");

        await newFromTemplate(page, "S3, CodeBuild, CloudFormation with approval");
        await page.getByRole("button", { name: "Build (CodeBuild)" }).click();
        await shoot(page, "designer");

        await toolbarCommand(page, "Rehearse");
        await page
          .getByRole("status", { name: "Rehearsal outcome" })
          .getByText(/Succeeded/)
          .waitFor();
        await shoot(page, "rehearse");
        await toolbarCommand(page, "Rehearse");

        const file = join(account.scratch, `${name}.json`);
        await writeFile(file, `${JSON.stringify({ pipeline: reviewPipeline(name) }, null, 2)}\n`);
        await deployFileFromUi(page, file, name, "Deploy");
        // One change to deploy, so the preview has a diff to show.
        await page.getByRole("button", { name: "Publish (S3)" }).click();
        await page
          .getByRole("complementary", { name: "Inspector" })
          .getByLabel("BucketName")
          .fill("app-site-v2");
        await page
          .getByRole("toolbar", { name: "Document" })
          .getByRole("button", { name: "Deploy", exact: true })
          .click();
        const deploy = page.getByRole("dialog", { name: new RegExp(`^Deploy ${name}`) });
        await deploy.getByRole("region", { name: /^Changes to version/ }).waitFor();
        await shoot(page, "deploy");
        await deploy.getByRole("button", { name: "Cancel" }).click();

        await openRuns(page);
        const review = page.getByRole("button", { name: "Review Review" });
        await review.waitFor({ timeout: 60_000 });
        await page
          .getByRole("grid", { name: "Runs" })
          .getByRole("button", { name: /^Open run / })
          .first()
          .click();
        await page.getByRole("region", { name: "Run timeline" }).waitFor();
        await shoot(page, "runs");

        await review.click();
        await page
          .getByRole("dialog", { name: "Review Approve/Review" })
          .getByText("Check the release notes")
          .waitFor();
        await shoot(page, "approval");
        await page.close();
      } finally {
        await host.stop();
      }
    }
  } finally {
    await browser.close();
    await account.close();
  }
}

await main();
