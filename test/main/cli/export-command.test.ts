import { lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generatePipeline } from "../../bench/generate";
import { BIN, makeTempDir, REPO_ROOT, runPipewright, runProcess } from "./run-cli";

const GOLDEN = join(REPO_ROOT, "test/fixtures/golden/exports");
const V2_SOURCE = join(REPO_ROOT, "test/fixtures/golden/inputs/everything-v2.json");
const V1_SOURCE = join(REPO_ROOT, "test/fixtures/golden/inputs/get-output-v1.json");
const BARE_SOURCE = join(REPO_ROOT, "test/fixtures/golden/inputs/bare-key-order.json");
const golden = (name: string): string => readFileSync(join(GOLDEN, "own", name), "utf8");
const OLD = "previous contents\n";

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe("pipewright export", () => {
  it("prints the V2 export on stdout, identical to the golden file", async () => {
    const run = await runPipewright(["export", V2_SOURCE, "--type", "V2"]);
    expect(run).toMatchObject({ code: 0, stderr: "", stdout: golden("everything-v2.V2.json") });
  });

  it("defaults --type to the file's pipelineType and requires it when there is none", async () => {
    const run = await runPipewright(["export", V1_SOURCE]);
    expect(run).toMatchObject({ code: 0, stdout: golden("get-output-v1.V1.json") });
    const missing = await runPipewright(["export", BARE_SOURCE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("has no pipelineType; choose one with --type V1 or --type V2");
    const lower = await runPipewright(["export", BARE_SOURCE, "--type", "v2"]);
    expect(lower).toMatchObject({ code: 0, stdout: golden("bare-key-order.V2.json") });
  });

  it("with -o writes the file atomically and leaves no temporary file", async () => {
    const out = join(temp.dir, "out.json");
    writeFileSync(out, OLD);
    const run = await runPipewright(["export", V1_SOURCE, "--type", "V2", "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`exported V2 pipeline to ${out}`);
    expect(readFileSync(out, "utf8")).toBe(golden("get-output-v1.V2.json"));
    expect(temp.files()).toEqual(["out.json"]);
  });

  it("with -o writes through a symlink, which stays a symlink", async () => {
    mkdirSync(join(temp.dir, "real"));
    const real = join(temp.dir, "real", "out.json");
    writeFileSync(real, OLD);
    const link = join(temp.dir, "out.json");
    symlinkSync(join("real", "out.json"), link);
    const run = await runPipewright(["export", V1_SOURCE, "--type", "V2", "-o", link]);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("real", "out.json"));
    expect(readFileSync(real, "utf8")).toBe(golden("get-output-v1.V2.json"));
  });

  it("refuses V1 for a pipeline with V2 features: one located error per feature, target untouched", async () => {
    const out = join(temp.dir, "out.json");
    writeFileSync(out, OLD);
    const run = await runPipewright(["export", V2_SOURCE, "--type", "V1", "--output", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const errors = run.stderr.split("\n").filter((line) => line.includes(" error v2-feature-in-v1: "));
    expect(errors).toHaveLength(7);
    for (const line of errors)
      expect(line).toMatch(/^\/.*everything-v2\.json:\d+:\d+: error v2-feature-in-v1: /);
    const variablesLine = readFileSync(V2_SOURCE, "utf8").split("\n").indexOf('    "variables": [') + 1;
    expect(errors.filter((line) => line.includes(`:${variablesLine}:5: `))).toHaveLength(1);
    expect(run.stderr).toContain("not exported; use --type V2, or --drop-unsupported");
    expect(readFileSync(out, "utf8")).toBe(OLD);
    expect(temp.files()).toEqual(["out.json"]);
  });

  it("with --drop-unsupported exports V1, listing each dropped feature on stderr", async () => {
    const out = join(temp.dir, "v1.json");
    const source = join(REPO_ROOT, "test/fixtures/aws/v2-stage-conditions.json");
    const run = await runPipewright(["export", source, "--type", "V1", "--drop-unsupported", "-o", out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(
      readFileSync(join(GOLDEN, "aws/v2-stage-conditions.V1.json"), "utf8"),
    );
    const dropped = run.stderr.split("\n").filter((line) => line.includes(": dropped "));
    expect(dropped.map((line) => line.split(": dropped ")[1]!.split(":")[0])).toEqual([
      "pipeline.stages[1].beforeEntry",
      "pipeline.stages[1].onSuccess",
      "pipeline.stages[2].beforeEntry",
      "pipeline.stages[2].onSuccess",
      "pipeline.stages[2].onFailure",
    ]);
  });

  it("refuses a V1 export that dropping has broken, and says why", async () => {
    const out = join(temp.dir, "v1.json");
    const run = await runPipewright(["export", V2_SOURCE, "--type", "V1", "--drop-unsupported", "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(": dropped pipeline.variables: ");
    // The build still reads #{variables.DeployStage}, which no longer exists.
    expect(run.stderr).toMatch(
      /everything-v2\.json: error unresolved-variable-reference: .*#\{variables\.DeployStage\} \(at pipeline\.stages\[1\]\.actions\[0\]\.configuration\.EnvironmentVariables\)/,
    );
    expect(run.stderr).toContain("not exported: the V1 pipeline has errors");
    expect(temp.files()).toEqual([]);
  });

  it("refuses a pipeline with validation errors, located in the source, and writes nothing", async () => {
    const source = JSON.parse(readFileSync(V1_SOURCE, "utf8")) as {
      pipeline: { stages: Array<{ name: string }> };
    };
    source.pipeline.stages[1]!.name = "Source";
    const input = join(temp.dir, "dupe.json");
    writeFileSync(input, `${JSON.stringify(source, null, 2)}\n`);
    const out = join(temp.dir, "out.json");
    const run = await runPipewright(["export", "dupe.json", "--type", "V1", "-o", out], temp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dupe\.json:\d+:9: error duplicate-stage-name: /m);
    expect(run.stderr).toContain("dupe.json: not exported: the V1 pipeline has errors");
    expect(temp.files()).toEqual(["dupe.json"]);
  });

  it("refuses a file that does not parse, with the syntax error's location", async () => {
    writeFileSync(join(temp.dir, "bad.json"), '{"pipeline": {"stages": [}}');
    const run = await runPipewright(["export", "bad.json", "--type", "V2", "-o", "out.json"], temp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("bad.json:1:26: error json-syntax: Expected a value, found: '}'\n");
    expect(temp.files()).toEqual(["bad.json"]);
  });

  it("fails cleanly when the output cannot be written, leaving no temporary file", async () => {
    mkdirSync(join(temp.dir, "taken.json"));
    const intoDir = await runPipewright(["export", V1_SOURCE, "-o", "taken.json"], temp.dir);
    expect(intoDir.code).toBe(1);
    expect(intoDir.stderr).toMatch(/^pipewright export: cannot write taken\.json \(E[A-Z]+\)$/m);
    expect(temp.files()).toEqual(["taken.json"]);
    const noFolder = await runPipewright(["export", V1_SOURCE, "-o", "missing/out.json"], temp.dir);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toContain("cannot write missing/out.json (ENOENT)");
  });

  it("exits quietly when the reader closes the pipe early", async () => {
    // Far more than a pipe buffer holds, so the CLI is still writing when head exits.
    const big = join(temp.dir, "big.json");
    writeFileSync(
      big,
      `${JSON.stringify({ pipeline: { ...generatePipeline(500), pipelineType: "V2" } }, null, 2)}\n`,
    );
    const script = `set -o pipefail; "${process.execPath}" "${BIN}" export "${big}" | head -c 10`;
    const run = await runProcess("bash", ["-c", script], temp.dir);
    expect(run).toMatchObject({ code: 0, stdout: '{\n  "pipel', stderr: "" });
  });

  it("exits 2 on a bad command line", async () => {
    const badType = await runPipewright(["export", V1_SOURCE, "--type", "V3"]);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain("--type must be V1 or V2: V3");
    expect((await runPipewright(["export"])).code).toBe(2);
    expect((await runPipewright(["export", V1_SOURCE, V2_SOURCE])).code).toBe(2);
  });
});
