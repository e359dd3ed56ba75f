import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, runPipewright, runProcess } from "./run-cli";

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string })
  .version;

describe("bin/run-ts.js", () => {
  it("runs a TypeScript file with its own arguments", async () => {
    const temp = makeTempDir();
    try {
      const script = join(temp.dir, "echo-args.ts");
      writeFileSync(
        script,
        "const args: string[] = process.argv.slice(2);\nconsole.log(JSON.stringify(args));\n",
      );
      const run = await runProcess(
        process.execPath,
        [join(REPO_ROOT, "bin/run-ts.js"), script, "a", "--b"],
        REPO_ROOT,
      );
      expect(run).toMatchObject({ code: 0, stdout: '["a","--b"]\n' });
    } finally {
      temp.remove();
    }
  });

  it("exits 2 with a usage line when no file is given", async () => {
    const run = await runProcess(process.execPath, [join(REPO_ROOT, "bin/run-ts.js")], REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: node bin/run-ts.js <file.ts>");
  });
});

describe("pipewright (top level)", () => {
  it("--help lists the commands and exits 0", async () => {
    const run = await runPipewright(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: pipewright <command>/);
    expect(run.stdout).toMatch(/^\s+validate\s+check pipeline files/m);
    expect(run.stdout).toMatch(
      /^\s+export\s+write create-pipeline JSON, a CloudFormation, Terraform or CDK template/m,
    );
    expect(run.stdout).toMatch(
      /^\s+import\s+read a pipeline from a CloudFormation template or a Terraform file/m,
    );
  });

  it("--version prints the package.json version", async () => {
    for (const flag of ["--version", "-v"]) {
      const run = await runPipewright([flag]);
      expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    }
  });

  it("`help <command>` and `<command> --help` print the command's help", async () => {
    const viaHelp = await runPipewright(["help", "export"]);
    const viaFlag = await runPipewright(["export", "--help"]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: pipewright export <file>/);
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
  });

  it("an unknown command prints the usage on stderr and exits 2", async () => {
    const run = await runPipewright(["deploy-everything"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("pipewright: unknown command: deploy-everything");
    expect(run.stderr).toContain("Usage: pipewright <command>");
  });

  it("no command exits 2 with the usage", async () => {
    const run = await runPipewright([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no command given");
  });

  it("an unknown option exits 2 and points to the command's help", async () => {
    const run = await runPipewright(["validate", "--strict", "x.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("pipewright validate: Unknown option '--strict'");
    expect(run.stderr).toContain('Run "pipewright validate --help"');
  });

  it("runs through `npm run cli --`", async () => {
    const run = await runProcess("npm", ["run", "--silent", "cli", "--", "--version"], REPO_ROOT);
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it("runs as `npx pipewright` from the package's bin entry", async () => {
    const run = await runProcess("npx", ["--no-install", "pipewright", "--version"], REPO_ROOT);
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });
});
