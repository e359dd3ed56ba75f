/** `pipewright deploy` and `pipewright pull` as a user runs them: the real CLI against the sandbox. */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { awsCli, dummyAwsEnv, updateWithCli } from "./support/aws-cli";
import { samplePipeline } from "./support/pipelines";

const BIN = resolve(__dirname, "../../../bin/pipewright.js");
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 1, log: () => {} });
  dir = await mkdtemp(join(tmpdir(), "pipewright-cli-deploy-"));
});

afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the CLI without a terminal (stdin is /dev/null), asynchronously so the sandbox answers. Its
 * app data folder (where deploy targets are kept) is the test's own, never the user's.
 */
function cli(args: string[], env: NodeJS.ProcessEnv = dummyAwsEnv()): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...env,
        XDG_CONFIG_HOME: join(dir, "config"),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
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

/** A hand-formatted file (4-space indent, an unknown member, tags): not what Pipewright would write. */
function handWritten(name: string): string {
  const pipeline = samplePipeline(name);
  return `${JSON.stringify({ pipeline: { ...pipeline, "x-owner": "team-a" }, tags: [{ key: "team", value: "a" }] }, null, 4)}\n`;
}

describe("pipewright deploy", () => {
  it("creates, then deploys an edit showing the diff, never changing the file", async () => {
    const file = join(dir, "first.json");
    const original = handWritten("cli-first");
    await writeFile(file, original);

    const created = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes"]);
    // The unknown member stays in the file; AWS keeps only modelled members, and validation says so.
    expect(created.stderr).toMatch(/^\S+first\.json:\d+:\d+: warning unknown-member: .*: x-owner\n$/);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("New pipeline: 3 stages, 3 actions, 1 tags.");
    expect(created.stdout).toContain("Created cli-first: version 1.");
    // The deployed version is kept per target in the data folder; the file stays as it was.
    const afterCreate = await readFile(file, "utf8");
    expect(afterCreate).toBe(original);

    const editedText = afterCreate.replace('"ProjectName": "app-build"', '"ProjectName": "app-build-v2"');
    await writeFile(file, editedText);
    const updated = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes"]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain("Changes to the remote pipeline (version 1):");
    expect(updated.stdout).toContain('~ configuration.ProjectName: "app-build" -> "app-build-v2"');
    expect(updated.stdout).toContain("Updated cli-first: version 2.");
    expect(await readFile(file, "utf8")).toBe(editedText);

    const again = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      "Nothing to deploy: the remote pipeline already matches the file (version 2).",
    );
  });

  it("stops with exit 3 on a remote change made with the AWS CLI, leaving the file alone, until --overwrite", async () => {
    const file = join(dir, "conflict.json");
    await writeFile(file, handWritten("cli-conflict"));
    expect((await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes"])).code).toBe(0);
    const before = await readFile(file, "utf8");
    const theirs = samplePipeline("cli-conflict");
    theirs.stages[2]!.actions[0]!.configuration = { BucketName: "their-site", Extract: "true" };
    await updateWithCli(sandbox.endpoint, theirs);

    const refused = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      "conflict: The pipeline changed remotely since the document's version 1: cli-conflict (remote version 2)",
    );
    expect(refused.stderr).toContain("What changed remotely since version 1:");
    expect(refused.stderr).toContain('~ configuration.BucketName: "pipewright-site" -> "their-site"');
    expect(await readFile(file, "utf8")).toBe(before);

    const forced = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes", "--overwrite"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("Updated cli-conflict: version 3.");
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("--merge takes a colleague's change into the file and deploys both; a clash is listed and nothing moves", async () => {
    const file = join(dir, "merge.json");
    await writeFile(file, handWritten("cli-merge"));
    expect((await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes"])).code).toBe(0);
    // A colleague changes the deploy bucket with the AWS CLI; the file changes the build project.
    const theirs = samplePipeline("cli-merge");
    theirs.stages[2]!.actions[0]!.configuration = { BucketName: "their-site", Extract: "true" };
    await updateWithCli(sandbox.endpoint, theirs);
    const mine = (await readFile(file, "utf8")).replace(
      '"ProjectName": "app-build"',
      '"ProjectName": "app-build-v2"',
    );
    await writeFile(file, mine);

    const merged = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes", "--merge"]);
    expect(merged.stderr).not.toContain("pipewright deploy:");
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain(`Merged the remote changes (version 2) into ${file}.`);
    // What is deployed over version 2 is only the file's own change.
    expect(merged.stdout).toContain('~ configuration.ProjectName: "app-build" -> "app-build-v2"');
    expect(merged.stdout).not.toContain("BucketName");
    expect(merged.stdout).toContain("Updated cli-merge: version 3.");
    const written = JSON.parse(await readFile(file, "utf8")) as {
      pipeline: ReturnType<typeof samplePipeline> & Record<string, unknown>;
    };
    // The merge brings the remote's changes, not a version: the target's base is kept elsewhere.
    expect(written.pipeline.version).toBeUndefined();
    expect(written.pipeline["x-owner"]).toBe("team-a");
    expect(written.pipeline.stages[1]!.actions[0]!.configuration?.ProjectName).toBe("app-build-v2");
    expect(written.pipeline.stages[2]!.actions[0]!.configuration?.BucketName).toBe("their-site");
    const remote = JSON.parse(
      await awsCli(sandbox.endpoint, ["codepipeline", "get-pipeline", "--name", "cli-merge"]),
    ) as { pipeline: ReturnType<typeof samplePipeline> };
    expect(remote.pipeline.stages[1]!.actions[0]!.configuration?.ProjectName).toBe("app-build-v2");
    expect(remote.pipeline.stages[2]!.actions[0]!.configuration?.BucketName).toBe("their-site");

    // Now both sides change the same bucket: listed, refused, the file left as it was.
    theirs.stages[1]!.actions[0]!.configuration = { ProjectName: "app-build-v2" };
    theirs.stages[2]!.actions[0]!.configuration = { BucketName: "colleague-site", Extract: "true" };
    await updateWithCli(sandbox.endpoint, { ...theirs, version: 3 });
    const clash = (await readFile(file, "utf8")).replace('"their-site"', '"my-site"');
    await writeFile(file, clash);
    const refused = await cli(["deploy", file, "--sandbox", sandbox.endpoint, "--yes", "--merge"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      "--merge: the remote pipeline and the file both changed one part differently:",
    );
    expect(refused.stderr).toMatch(/BucketName.*colleague-site.*my-site|BucketName.*my-site.*colleague-site/);
    expect(refused.stderr).toContain("Nothing was merged or deployed; the file is unchanged.");
    expect(await readFile(file, "utf8")).toBe(clash);

    const both = await cli([
      "deploy",
      file,
      "--sandbox",
      sandbox.endpoint,
      "--yes",
      "--merge",
      "--overwrite",
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--overwrite and --merge exclude each other");
    // Eight CLI runs (three of them the AWS CLI's): a loaded machine needs more than the default.
  }, 90_000);

  it("refuses without a terminal and without --yes, and blocks a file with errors", async () => {
    const file = join(dir, "refuse.json");
    await writeFile(file, handWritten("cli-refuse"));
    const noTty = await cli(["deploy", file, "--sandbox", sandbox.endpoint]);
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain("pass --yes");

    const broken = join(dir, "broken.json");
    const text = handWritten("cli-broken").replace('"name": "BuildOutput"', '"name": "Missing"');
    await writeFile(broken, text);
    const blocked = await cli(["deploy", broken, "--sandbox", sandbox.endpoint, "--yes"]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/broken\.json:\d+:\d+: error artifact-not-found/);
    expect(blocked.stderr).toMatch(/fix (it|them) before deploying/);
    expect(await readFile(broken, "utf8")).toBe(text);
    await expect(
      awsCli(sandbox.endpoint, ["codepipeline", "get-pipeline", "--name", "cli-broken"]),
    ).rejects.toThrow(/PipelineNotFound/);
  });

  it("honours AWS_ENDPOINT_URL_CODEPIPELINE and AWS_REGION without --sandbox", async () => {
    const file = join(dir, "env.json");
    await writeFile(file, handWritten("cli-env"));
    const run = await cli(
      ["deploy", file, "--yes"],
      dummyAwsEnv({ AWS_ENDPOINT_URL_CODEPIPELINE: sandbox.endpoint, AWS_REGION: "eu-west-1" }),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("to the default credentials in eu-west-1.");
    expect(run.stdout).toContain("Created cli-env: version 1.");
  });

  it("names an unknown profile and a missing region", async () => {
    const file = join(dir, "profile.json");
    await writeFile(file, handWritten("cli-profile"));
    const unknown = await cli(["deploy", file, "--yes"], dummyAwsEnv({ AWS_PROFILE: "nobody" }));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("The profile is not in the AWS config or credentials files: nobody");
    const env = dummyAwsEnv();
    delete env.AWS_REGION;
    delete env.AWS_DEFAULT_REGION;
    const noRegion = await cli(["deploy", file, "--yes"], env);
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toContain("No region: pass --region");
  });
});

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), answering the confirmation prompt once
 * it appears.
 */
function cliOnTerminal(args: string[], answer: string): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      env: {
        ...dummyAwsEnv(),
        XDG_CONFIG_HOME: join(dir, "config"),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let answered = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!answered && stdout.includes("[y/N]")) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.once("error", reject);
    child.once("close", (code) => resolvePromise({ code, stdout, stderr: "" }));
  });
}

describe("pipewright deploy on a terminal", () => {
  it("asks before deploying: no leaves everything as it was, yes deploys", async () => {
    const file = join(dir, "tty.json");
    const original = handWritten("cli-tty");
    await writeFile(file, original);
    const declined = await cliOnTerminal(["deploy", file, "--sandbox", sandbox.endpoint], "n");
    expect(declined.stdout).toContain("Create cli-tty on the sandbox at");
    expect(declined.stdout).toContain("Cancelled; nothing was deployed.");
    expect(declined.code).toBe(1);
    expect(await readFile(file, "utf8")).toBe(original);
    await expect(
      awsCli(sandbox.endpoint, ["codepipeline", "get-pipeline", "--name", "cli-tty"]),
    ).rejects.toThrow(/PipelineNotFound/);

    const accepted = await cliOnTerminal(["deploy", file, "--sandbox", sandbox.endpoint], "y");
    expect(accepted.stdout).toContain("Created cli-tty: version 1.");
    expect(accepted.code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(original);
  });
});

describe("pipewright pull", () => {
  it("writes get-pipeline output that deploys back with nothing to change", async () => {
    const source = join(dir, "to-pull.json");
    await writeFile(source, handWritten("cli-pull"));
    expect((await cli(["deploy", source, "--sandbox", sandbox.endpoint, "--yes"])).code).toBe(0);

    const out = join(dir, "pulled.json");
    const pulled = await cli(["pull", "cli-pull", "-o", out, "--sandbox", sandbox.endpoint]);
    expect(pulled.code).toBe(0);
    expect(pulled.stderr).toContain(
      `Pulled cli-pull (version 1) from the sandbox at ${sandbox.endpoint} to ${out}.`,
    );
    const written = JSON.parse(await readFile(out, "utf8")) as {
      pipeline: { version: number };
      metadata: { pipelineArn: string };
    };
    expect(written.pipeline.version).toBe(1);
    expect(written.metadata.pipelineArn).toMatch(/:cli-pull$/);

    const redeploy = await cli(["deploy", out, "--sandbox", sandbox.endpoint, "--yes"]);
    expect(redeploy.code).toBe(0);
    expect(redeploy.stdout).toContain("Nothing to deploy");

    const clobber = await cli(["pull", "cli-pull", "-o", out, "--sandbox", sandbox.endpoint]);
    expect(clobber.code).toBe(1);
    expect(clobber.stderr).toContain("pass --force");
    const missing = await cli(["pull", "no-such-pipeline", "--sandbox", sandbox.endpoint]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      "The pipeline does not exist (it may have been deleted): no-such-pipeline",
    );
  });
});
