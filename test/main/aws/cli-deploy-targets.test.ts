/**
 * One file, two targets: `pipewright deploy` to two sandboxes (separate data folders) in turn, with
 * edits in between, raises no conflict, because each target keeps its own last-deployed version in
 * the app data folder; a change made on one of them by someone else is still caught there (and
 * merged from that target's own base), while the other deploys on.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CodePipelineClient, GetPipelineCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { dummyAwsEnv, updateWithCli } from "./support/aws-cli";
import { samplePipeline } from "./support/pipelines";

const BIN = resolve(__dirname, "../../../bin/pipewright.js");
let dir: string;
let east: Sandbox;
let west: Sandbox;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-targets-"));
  east = await startSandbox({ dataDir: join(dir, "east"), speed: 1, log: () => {} });
  west = await startSandbox({ dataDir: join(dir, "west"), speed: 1, log: () => {} });
});

afterAll(async () => {
  await east?.close();
  await west?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function deploy(file: string, sandbox: Sandbox, ...flags: string[]): Promise<Run> {
  const args = [
    BIN,
    "deploy",
    file,
    "--sandbox",
    sandbox.endpoint,
    "--data",
    join(dir, "data"),
    "--yes",
    ...flags,
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...dummyAwsEnv(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** What the target holds now, read with the SDK (quicker than the AWS CLI, which makes the change). */
async function remoteProject(sandbox: Sandbox): Promise<string | undefined> {
  const client = new CodePipelineClient({
    endpoint: sandbox.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  try {
    const out = await client.send(new GetPipelineCommand({ name: "two-targets" }));
    return out.pipeline?.stages?.[1]?.actions?.[0]?.configuration?.["ProjectName"];
  } finally {
    client.destroy();
  }
}

describe("deploying one file to two targets", () => {
  it("alternates with edits in between without a conflict, and still catches a change on one of them", async () => {
    const file = join(dir, "two-targets.json");
    const write = async (project: string): Promise<string> => {
      const pipeline = samplePipeline("two-targets");
      pipeline.stages[1]!.actions[0]!.configuration = { ProjectName: project };
      const text = `${JSON.stringify({ pipeline }, null, 2)}\n`;
      await writeFile(file, text);
      return text;
    };

    // Both created, then edits deployed to one, then the other, in turn; east gets one deploy more,
    // so the two targets' versions part ways (one version in the file could not serve both).
    let text = await write("build-1");
    expect((await deploy(file, east)).stdout).toContain("Created two-targets: version 1.");
    expect((await deploy(file, west)).stdout).toContain("Created two-targets: version 1.");
    const steps: Array<[Sandbox, string, number]> = [
      [east, "build-2", 2],
      [west, "build-2", 2],
      [east, "build-3", 3],
      [east, "build-4", 4],
      [west, "build-4", 3],
      [east, "build-5", 5],
      [west, "build-5", 4],
    ];
    for (const [target, project, version] of steps) {
      if (!text.includes(`"${project}"`)) text = await write(project);
      const run = await deploy(file, target);
      expect(run.stderr).not.toContain("conflict");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Updated two-targets: version ${version}.`);
      expect(await remoteProject(target)).toBe(project);
      // The file is never rewritten by a deploy.
      expect(await readFile(file, "utf8")).toBe(text);
    }
    const targets = JSON.parse(await readFile(join(dir, "data", "deploy-targets.json"), "utf8")) as {
      format: number;
      targets: Record<string, { connection: string; version: number }>;
    };
    expect(targets.format).toBe(1);
    expect(
      Object.values(targets.targets)
        .map((t) => [t.connection, t.version])
        .sort(),
    ).toEqual(
      [
        [`sandbox ${east.endpoint}`, 5],
        [`sandbox ${west.endpoint}`, 4],
      ].sort(),
    );

    // Someone changes east with the AWS CLI: east refuses the file's next edit, west takes it.
    const theirs = samplePipeline("two-targets");
    theirs.stages[1]!.actions[0]!.configuration = { ProjectName: "build-5" };
    theirs.stages[2]!.actions[0]!.configuration = { BucketName: "their-site", Extract: "true" };
    await updateWithCli(east.endpoint, { ...theirs, version: 5 });
    text = await write("build-6");
    const refused = await deploy(file, east);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      "conflict: The pipeline changed remotely since the document's version 5: two-targets (remote version 6)",
    );
    expect(refused.stderr).toContain('~ configuration.BucketName: "pipewright-site" -> "their-site"');
    expect(await remoteProject(east)).toBe("build-5");
    const onWest = await deploy(file, west);
    expect(onWest.code).toBe(0);
    expect(onWest.stdout).toContain("Updated two-targets: version 5.");

    // The three-way merge works from east's own base (version 5 as deployed from here).
    const merged = await deploy(file, east, "--merge");
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("Merged the remote changes (version 6)");
    expect(merged.stdout).toContain("Updated two-targets: version 7.");
    expect(await remoteProject(east)).toBe("build-6");
    const file6 = JSON.parse(await readFile(file, "utf8")) as { pipeline: ReturnType<typeof samplePipeline> };
    expect(file6.pipeline.stages[2]!.actions[0]!.configuration?.BucketName).toBe("their-site");
    // And west, which never had that change, is still deployed to without a conflict.
    const westAgain = await deploy(file, west);
    expect(westAgain.stderr).not.toContain("conflict");
    expect(westAgain.stdout).toContain("Updated two-targets: version 6.");
    // About twenty CLI runs; a slow machine needs the time.
  }, 240_000);
});
