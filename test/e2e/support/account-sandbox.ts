/**
 * A sandbox the test controls (its scenario decides what actions and rules do), reached by the app
 * as an AWS account: environment credentials with AWS_ENDPOINT_URL_CODEPIPELINE, which the SDK
 * honours. Start it before the web host, so the host inherits the environment.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../../main/sandbox";

export interface AccountSandbox {
  sandbox: Sandbox;
  /** A scratch folder for the test's pipeline files. */
  scratch: string;
  /** Closes the sandbox, removes the scratch folder and puts the environment back. */
  close(): Promise<void>;
}

export async function startAccountSandbox(options: SandboxOptions): Promise<AccountSandbox> {
  const savedEnv = { ...process.env };
  const sandbox = await startSandbox({ log: () => {}, ...options });
  const scratch = await mkdtemp(join(tmpdir(), "pipewright-account-e2e-"));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_CODEPIPELINE: sandbox.endpoint,
    AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
    AWS_SECRET_ACCESS_KEY: "sandbox-secret",
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: join(scratch, "none-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(scratch, "none-credentials"),
  });
  delete process.env["AWS_PROFILE"];
  return {
    sandbox,
    scratch,
    async close() {
      await sandbox.close();
      await rm(scratch, { recursive: true, force: true });
      for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
      Object.assign(process.env, savedEnv);
    },
  };
}

/** As a user does it: Open the file, Deploy, Create pipeline, Close. `lastStage` shows it opened. */
export async function deployFileFromUi(
  page: Page,
  file: string,
  name: string,
  lastStage: string,
): Promise<void> {
  await page.getByRole("button", { name: "Open", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
  await dialog.getByLabel("File path").fill(file);
  await dialog.getByRole("button", { name: "Open file" }).click();
  // Unsaved edits of the open document: the app asks first, in its own dialog.
  const discard = page.getByRole("dialog", { name: "Discard unsaved changes?" });
  const opened = page.getByRole("region", { name: `Stage ${lastStage}` });
  await discard.or(opened).first().waitFor();
  if (await discard.isVisible()) await discard.getByRole("button", { name: "Discard changes" }).click();
  await opened.waitFor();
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  const deploy = page.getByRole("dialog", { name: `Deploy ${name} to environment · us-east-1` });
  await deploy.getByRole("button", { name: "Create pipeline" }).click();
  await page
    .getByRole("dialog", { name: `Deployed ${name}` })
    .getByRole("button", { name: "Close" })
    .click();
}

/**
 * A page of the app on the "Environment credentials" connection (the account sandbox), with its
 * browser-side errors collected; every confirmation a control asks for is accepted.
 */
export async function openOnAccount(
  browser: Browser,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("dialog", (d) => void d.accept());
  await page.goto(url);
  await page.locator('.app[data-ready="true"]').waitFor();
  await page.getByRole("combobox", { name: "Connection" }).selectOption({ label: "Environment credentials" });
  return { page, errors };
}
