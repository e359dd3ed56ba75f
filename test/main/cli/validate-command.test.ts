import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, makeTempDir, REPO_ROOT, runPipewright, runProcess } from "./run-cli";

const FIXTURE = join(REPO_ROOT, "test/fixtures/aws/s3-codedeploy.json");
const fixture = (): { pipeline: { stages: Array<{ name: string }> } } =>
  JSON.parse(readFileSync(FIXTURE, "utf8"));

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function write(name: string, text: string): string {
  writeFileSync(join(temp.dir, name), text);
  return name;
}

describe("pipewright validate", () => {
  it("passes a clean file with exit 0 and a summary", async () => {
    const run = await runPipewright(["validate", FIXTURE]);
    expect(run).toMatchObject({
      code: 0,
      stderr: "",
      stdout: "Checked 1 file: 0 errors, 0 warnings, 0 info\n",
    });
  });

  it("prints a syntax error as file:line:col with exit 1", async () => {
    const file = write("broken.json", '{\n  "pipeline": {\n    "name": "p"\n    "stages": []\n  }\n}\n');
    const run = await runPipewright(["validate", file], temp.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "broken.json:4:5: error json-syntax: Expected ',' or '}' after property value, found: \"stages\"\n" +
        "Checked 1 file: 1 error, 0 warnings, 0 info\n",
    );
  });

  it("places validation diagnostics at the member their path names", async () => {
    const doc = fixture();
    doc.pipeline.stages[1]!.name = doc.pipeline.stages[0]!.name;
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const file = write("dupe.json", text);
    // Stage members sit at 8 spaces in create-pipeline input; the second such "name" is stage 2's.
    const stageNameLines = text
      .split("\n")
      .flatMap((line, i) => (line.startsWith('        "name": ') ? [i + 1] : []));
    const run = await runPipewright(["validate", file], temp.dir);
    expect(run.code).toBe(1);
    const [diagnostic, summary, end] = run.stdout.split("\n");
    expect(diagnostic).toMatch(
      new RegExp(`^dupe\\.json:${stageNameLines[1]}:9: error duplicate-stage-name: .+`),
    );
    expect([summary, end]).toEqual(["Checked 1 file: 1 error, 0 warnings, 0 info", ""]);
  });

  it("reports every file, keeps going past unreadable ones, and sorts by position", async () => {
    const bom = write("bom.json", `\uFEFF${readFileSync(FIXTURE, "utf8")}`);
    const wrong = write("wrong.json", '{\n  "pipeline": {\n    "stages": "none"\n  }\n}\n');
    const run = await runPipewright(["validate", bom, "missing.json", wrong, FIXTURE], temp.dir);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")).toEqual([
      "bom.json:1:1: info bom-stripped: The file starts with a byte order mark (BOM); it was ignored and is not written back",
      "missing.json:1:1: error file-unreadable: Cannot read the file (ENOENT): missing.json",
      'wrong.json:3:5: error wrong-type: "stages" must be an array, found a string: "none"',
      "Checked 4 files: 2 errors, 0 warnings, 1 info",
      "",
    ]);
  });

  it("refuses a file over 5 MB without reading it, and names its size", async () => {
    const file = write("huge.json", `{"stages": [], "pad": "${"x".repeat(6 * 1024 * 1024)}"}`);
    const run = await runPipewright(["validate", file], temp.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^huge\.json:1:1: error file-too-large: The file is too large to open; the limit is 5 MB: 6\.0 MB \(\d+ bytes\)\n/,
    );
  });

  it("refuses 100k levels of nesting with a location, without crashing", async () => {
    const file = write("deep.json", `{"stages": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    const run = await runPipewright(["validate", file], temp.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^deep\.json:1:\d+: error too-deeply-nested: /);
  });

  it("names UTF-16 files instead of reporting noise", async () => {
    writeFileSync(
      join(temp.dir, "utf16.json"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"stages": []}', "utf16le")]),
    );
    const run = await runPipewright(["validate", "utf16.json"], temp.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "utf16.json:1:1: error json-syntax: The file is UTF-16 text; save it as UTF-8",
    );
  });

  it("--format json prints only a JSON array of placed diagnostics", async () => {
    const file = write("wrong.json", '{\n  "pipeline": {\n    "stages": "none"\n  }\n}\n');
    const run = await runPipewright(["validate", "--format", "json", file, FIXTURE], temp.dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: "wrong.json",
        line: 3,
        column: 5,
        severity: "error",
        code: "wrong-type",
        message: '"stages" must be an array, found a string: "none"',
        path: ["pipeline", "stages"],
      },
    ]);
    const clean = await runPipewright(["validate", "--format", "json", FIXTURE]);
    expect(clean).toMatchObject({ code: 0, stdout: "[]\n" });
  });

  it("exits 2 on a bad command line", async () => {
    expect((await runPipewright(["validate"])).code).toBe(2);
    const badFormat = await runPipewright(["validate", "--format", "xml", FIXTURE]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format must be text or json: xml");
  });

  describe("checks action Regions against the pipeline's Region", () => {
    /** The fixture with its deploy action set to run in eu-west-1, as the console writes it. */
    function regioned(): string {
      const doc = fixture() as unknown as {
        pipeline: { stages: Array<{ actions: Array<Record<string, unknown>> }> };
      };
      const deploy = doc.pipeline.stages[1]?.actions[0];
      if (deploy === undefined) throw new Error("fixture changed: no deploy action");
      deploy["region"] = "eu-west-1";
      return write("regioned.json", `${JSON.stringify(doc, null, 2)}\n`);
    }
    const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
      return { ...clean, ...extra };
    };
    const validate = (args: string[], extra: Record<string, string> = {}) =>
      runProcess(process.execPath, [BIN, "validate", ...args], temp.dir, env(extra));

    it("infers the Region when none is given, and says so in an info line", async () => {
      const run = await validate([regioned()]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/info pipeline-region-inferred: .*eu-west-1/);
    });

    it("accepts the action when --region is the pipeline's own", async () => {
      const run = await validate([regioned(), "--region", "eu-west-1"]);
      expect(run).toMatchObject({ code: 0, stdout: "Checked 1 file: 0 errors, 0 warnings, 0 info\n" });
    });

    it("reports a cross-Region action without artifact stores for AWS_REGION's pipeline", async () => {
      const run = await validate([regioned()], { AWS_REGION: "us-east-1" });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /error cross-region-store-missing: This action runs in eu-west-1, outside the pipeline's Region us-east-1/,
      );
    });

    it("prefers --region over AWS_REGION", async () => {
      const run = await validate([regioned(), "--region", "eu-west-1"], { AWS_REGION: "us-east-1" });
      expect(run.code).toBe(0);
    });
  });
});
