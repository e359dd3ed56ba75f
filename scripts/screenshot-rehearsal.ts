/**
 * The README's rehearsal screenshot: web mode in Chromium, a pipeline whose Deploy stage rolls back
 * on failure, its deploy action marked to fail, the rehearsal played to the end (the rollback on
 * the canvas, the path and the timeline in the Rehearse tab).
 *
 *   node bin/run-ts.js scripts/screenshot-rehearsal.ts [out.png]   (default docs/rehearsal.png)
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { launchChromium } from "../test/e2e/support/chromium";
import { startWebHost } from "../test/e2e/support/web-host";

const ROOT = join(import.meta.dirname, "..");
const out = resolve(process.argv[2] ?? join(ROOT, "docs", "rehearsal.png"));

const action = (name: string, category: string, provider: string, extra: Record<string, unknown>) => ({
  name,
  actionTypeId: { category, owner: "AWS", provider, version: "1" },
  ...extra,
});

const PIPELINE = {
  pipeline: {
    name: "web-app",
    roleArn: "arn:aws:iam::111122223333:role/service-role/web-app",
    artifactStore: { type: "S3", location: "amzn-s3-demo-bucket" },
    pipelineType: "V2",
    executionMode: "QUEUED",
    stages: [
      {
        name: "Source",
        actions: [
          action("Source", "Source", "S3", {
            configuration: {
              S3Bucket: "amzn-s3-demo-source-bucket",
              S3ObjectKey: "app.zip",
              PollForSourceChanges: "false",
            },
            outputArtifacts: [{ name: "SourceArtifact" }],
            namespace: "SourceVariables",
          }),
        ],
      },
      {
        name: "Build",
        actions: [
          action("Build", "Build", "CodeBuild", {
            configuration: { ProjectName: "web-app-build" },
            inputArtifacts: [{ name: "SourceArtifact" }],
            outputArtifacts: [{ name: "BuildArtifact" }],
          }),
        ],
      },
      {
        name: "Deploy",
        actions: [
          action("DeployApp", "Deploy", "S3", {
            configuration: {
              BucketName: "amzn-s3-demo-destination-bucket",
              Extract: "false",
              ObjectKey: "#{SourceVariables.VersionId}.zip",
            },
            inputArtifacts: [{ name: "BuildArtifact" }],
          }),
        ],
        onFailure: { result: "ROLLBACK" },
      },
    ],
  },
};

const host = await startWebHost();
const browser = await launchChromium();
try {
  const file = join(host.workDir, "web-app.json");
  await writeFile(file, `${JSON.stringify(PIPELINE, null, 2)}\n`);
  const [width, height, scheme] = (process.env["SHOT"] ?? "1440x900x").split("x");
  const page = await browser.newPage({
    viewport: { width: Number(width), height: Number(height) },
    colorScheme: scheme === "dark" ? "dark" : "light",
  });
  await page.goto(host.url);
  await page.locator('.app[data-ready="true"]').waitFor();
  await page.getByRole("button", { name: "Open", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Open a pipeline file" });
  await dialog.getByLabel("File path").fill(file);
  await dialog.getByRole("button", { name: "Open file" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Rehearse", exact: true }).click();
  await page.getByRole("button", { name: "DeployApp (S3)" }).click();
  const mark = page.getByRole("group", { name: "Rehearsal of DeployApp" });
  await mark.getByRole("radio", { name: "Fail", exact: true }).check();
  await mark.getByLabel("Error message").fill("Health check failed");
  await page.getByRole("status", { name: "Rehearsal outcome" }).getByText("rolled back").waitFor();
  await page.getByRole("region", { name: "Rollback timeline" }).waitFor();
  await mkdir(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  process.stdout.write(`Wrote ${out}\n`);
} finally {
  await browser.close();
  await host.stop();
}
