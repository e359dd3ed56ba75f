import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Gateway } from "../../main/aws";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import { launchChromium } from "./support/chromium";
import { newFromTemplate, openDesigner } from "./support/designer-page";
import { startWebHost, type WebHost } from "./support/web-host";

const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "out", "e2e");

/** A machine with no AWS account: empty shared files and no credentials in the environment. */
const AWS_ENV = [
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
] as const;
const savedEnv = new Map(AWS_ENV.map((k) => [k, process.env[k]]));

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
  for (const [key, value] of savedEnv) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});
let awsDir: string;

// A fresh host and data folder per test, started with empty AWS files in its environment (the
// spawned host inherits process.env), as on a machine that never had an AWS account.
beforeEach(async () => {
  awsDir = await mkdtemp(join(tmpdir(), "pipewright-aws-"));
  await writeFile(join(awsDir, "config"), "");
  await writeFile(join(awsDir, "credentials"), "");
  for (const key of AWS_ENV) delete process.env[key];
  process.env["AWS_CONFIG_FILE"] = join(awsDir, "config");
  process.env["AWS_SHARED_CREDENTIALS_FILE"] = join(awsDir, "credentials");
  host = await startWebHost();
  ({ page, errors } = await openDesigner(browser, host.url));
});
afterEach(async () => {
  await page?.close();
  await host?.stop();
  await rm(awsDir, { recursive: true, force: true });
});

function toolbar() {
  return page.getByRole("toolbar", { name: "Document" });
}

function deployDialog() {
  return page.getByRole("dialog", { name: /^Deploy/ });
}

async function renameStage(from: string, to: string): Promise<void> {
  await page.getByRole("button", { name: `Select stage ${from}` }).click();
  await page
    .getByRole("complementary", { name: "Inspector" })
    .getByRole("textbox", { name: "Stage name", exact: true })
    .fill(to);
  await page.getByRole("region", { name: `Stage ${to}` }).waitFor();
}

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

describe("deploy to the embedded sandbox", () => {
  it("README first run: start, pick a template, deploy; then a diff, a second deploy, and a conflict", async () => {
    // No profile on this machine: the sandbox is the connection.
    const picker = page.getByRole("group", { name: "Connection" });
    await expect
      .poll(() => picker.getByRole("combobox", { name: "Connection" }).inputValue())
      .toBe("sandbox:");
    await picker.getByRole("button", { name: "Test connection" }).click();
    await expect.poll(() => picker.getByRole("status").textContent()).toMatch(/account sandbox/);

    await newFromTemplate(page, "Blank V2 pipeline");
    await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
    const dialog = deployDialog();
    await dialog.getByText("does not exist yet").waitFor();
    await dialog.getByRole("button", { name: "Create pipeline" }).click();
    await dialog.getByText("my-pipeline is now at version 1").waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "detached" });

    // An edit, then the second deploy shows what it changes. No conflict: the deploy made version 1
    // the document's base version.
    await renameStage("Approve", "Review");
    await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
    await dialog.getByRole("region", { name: "Changes to version 1" }).waitFor();
    const diff = (await dialog.getByRole("region", { name: "Changes to version 1" }).textContent()) ?? "";
    expect(diff).toMatch(/stage Review/);
    expect(diff).toMatch(/stage Approve/);
    // Creating the pipeline started a run, which waits at the approval: the update would stop it.
    await expect(dialog.getByRole("note").first().textContent()).resolves.toMatch(/in progress/);
    await dialog.getByRole("checkbox", { name: /Wait until idle/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "deploy-diff.png") });
    await dialog.getByRole("button", { name: "Deploy changes" }).click();
    await dialog.getByText("my-pipeline is now at version 2").waitFor();
    await dialog.getByRole("button", { name: "Release change" }).click();
    await dialog.getByText(/Run started: \S+/).waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();

    // Someone else changes the pipeline through the sandbox's API.
    const colleague = new Gateway();
    const connection = { kind: "sandbox", endpoint: await sandboxEndpoint() } as const;
    const colleagueEdits = async (edit: (p: PipelineDeclaration) => void) => {
      const remote = await colleague.getPipeline(connection, "my-pipeline");
      if (!remote.ok) throw new Error(remote.error.message);
      edit(remote.value.pipeline);
      expect((await colleague.updatePipeline(connection, remote.value.pipeline)).ok).toBe(true);
    };
    try {
      // The colleague rewrites the approval's note while the document renames its stage: different
      // parts, so "Merge their changes" takes both without asking.
      await colleagueEdits((p) => {
        p.stages[1]!.actions[0]!.configuration = { CustomData: "Ask the release manager" };
      });
      await renameStage("Review", "Signoff");
      await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
      const conflict = page.getByRole("dialog", { name: "Deploy conflict: my-pipeline" });
      await conflict.getByText(/changed remotely since the document's version 2/).waitFor();
      expect(await conflict.getByRole("region", { name: "Changed remotely" }).textContent()).toMatch(
        /CustomData/,
      );
      for (const choice of ["Merge their changes", "Overwrite", "Reload remote", "Cancel"])
        await conflict.getByRole("button", { name: choice, exact: true }).waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, "deploy-conflict.png") });
      await conflict.getByRole("button", { name: "Merge their changes" }).click();

      // The merged document is based on the colleague's version 3: the preview is a plain diff
      // holding only the document's own change, and deploying it keeps both.
      const merged = dialog.getByRole("region", { name: "Changes to version 3" });
      await merged.waitFor();
      const mergedDiff = (await merged.textContent()) ?? "";
      expect(mergedDiff).toMatch(/stage Signoff/);
      expect(mergedDiff).not.toMatch(/CustomData/);
      await page.screenshot({ path: join(SCREENSHOT_DIR, "deploy-merged.png") });
      await dialog.getByRole("button", { name: "Deploy changes" }).click();
      await dialog.getByText("my-pipeline is now at version 4").waitFor();
      await dialog.getByRole("button", { name: "Close" }).click();
      await page.getByRole("region", { name: "Stage Signoff" }).waitFor();
      await page.getByRole("button", { name: "Approve (Manual)" }).click();
      const note = page
        .getByRole("complementary", { name: "Inspector" })
        .getByRole("textbox", { name: "CustomData" });
      await expect.poll(() => note.inputValue()).toBe("Ask the release manager");
      const deployed = await colleague.getPipeline(connection, "my-pipeline");
      if (!deployed.ok) throw new Error(deployed.error.message);
      expect(deployed.value.pipeline.version).toBe(4);
      expect(deployed.value.pipeline.stages[1]).toMatchObject({
        name: "Signoff",
        actions: [{ configuration: { CustomData: "Ask the release manager" } }],
      });

      // Both sides rename the same stage now, each its own way: the merge lists that part.
      await colleagueEdits((p) => {
        p.stages[1]!.name = "ConsoleApproval";
      });
      await renameStage("Signoff", "Gate");
      await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
      await conflict.getByText(/changed remotely since the document's version 4/).waitFor();
      expect(await conflict.getByRole("region", { name: "Changed remotely" }).textContent()).toMatch(
        /ConsoleApproval/,
      );
      await conflict.getByRole("button", { name: "Merge their changes" }).click();
      const conflicts = conflict.getByRole("table", { name: "Merge conflicts" });
      await conflicts.waitFor();
      expect(await conflicts.getByRole("row").nth(1).textContent()).toBe(
        'Stage Gate: namestages[1].name"ConsoleApproval""Gate"',
      );
      for (const choice of ["Keep mine where both changed", "Take theirs where both changed", "Back"])
        await conflict.getByRole("button", { name: choice, exact: true }).waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, "deploy-merge-conflicts.png") });
      await conflict.getByRole("button", { name: "Back" }).click();
    } finally {
      colleague.dispose();
    }

    // Reload remote: the document takes the colleague's version and its base version.
    const conflict = page.getByRole("dialog", { name: "Deploy conflict: my-pipeline" });
    await conflict.getByRole("button", { name: "Reload remote" }).click();
    await page.getByRole("region", { name: "Stage ConsoleApproval" }).waitFor();
    await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
    // No conflict and nothing to change: the reload took the remote content and its version 5.
    await dialog.getByText(/version 5\) already matches the document/).waitFor();
    expect(errors).toEqual([]);
  });

  it("browses the sandbox's pipelines and opens one with its version as the base", async () => {
    await newFromTemplate(page, "Source, build, deploy to ECS");
    await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
    const dialog = deployDialog();
    await dialog.getByRole("button", { name: "Create pipeline" }).click();
    await dialog.getByText("my-app-ecs is now at version 1").waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();

    await toolbar().getByRole("button", { name: "Browse", exact: true }).click();
    const browse = page.getByRole("dialog", { name: "Pipelines in Sandbox" });
    const row = browse.getByRole("row", { name: /my-app-ecs/ });
    expect(await row.textContent()).toMatch(/my-app-ecs\s*V2\s*\w+\s*1/);
    // The deployed document was never saved, so opening another one asks first.
    await row.getByRole("button", { name: "Open my-app-ecs" }).click();
    await page
      .getByRole("dialog", { name: "Discard unsaved changes?" })
      .getByRole("button", { name: "Discard changes" })
      .click();
    await browse.waitFor({ state: "detached" });
    await page.getByRole("region", { name: "Stage Build" }).waitFor();
    await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
    await dialog.getByText(/version 1\) already matches the document/).waitFor();
    expect(errors).toEqual([]);
  });

  it("blocks a document with errors and reveals the first one", async () => {
    await newFromTemplate(page, "Blank V2 pipeline");
    await page.getByRole("button", { name: "Select stage Approve" }).click();
    await page.keyboard.press("Delete");
    await page.getByRole("region", { name: "Stage Approve" }).waitFor({ state: "detached" });
    await toolbar().getByRole("button", { name: "Deploy", exact: true }).click();
    const failed = page.getByRole("dialog", { name: "Deploy failed: my-pipeline" });
    await failed.getByText(/fix it before deploying|fix them before deploying/).waitFor();
    await failed.getByText("The document was not changed.").waitFor();
    expect(errors).toEqual([]);
  });
});
