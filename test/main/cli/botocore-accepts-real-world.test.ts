/**
 * botocore (the library the AWS CLI and boto3 use) validates every real-world pipeline as
 * CreatePipeline parameters: required members, unknown members, types and minimums, checked by an
 * implementation independent of Pipewright's. One Python process checks all files; a broken copy
 * proves the check can fail.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, runProcess } from "./run-cli";

const DIR = fileURLToPath(new URL("../../fixtures/real-world/", import.meta.url));

const CHECK = `
import json, sys
import botocore.session
from botocore.validate import ParamValidator
model = botocore.session.get_session().get_service_model("codepipeline")
shape = model.operation_model("CreatePipeline").input_shape
result = {}
for path in sys.argv[1:]:
    params = json.load(open(path))
    report = ParamValidator().validate(params, shape)
    result[path] = report.generate_report() if report.has_errors() else ""
print(json.dumps(result))
`;

async function validate(paths: string[]): Promise<Record<string, string>> {
  const run = await runProcess("python3", ["-c", CHECK, ...paths], REPO_ROOT);
  if (run.code !== 0) throw new Error(`botocore check failed to run: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

describe("botocore accepts every real-world pipeline as CreatePipeline input", () => {
  it("validates each file without a parameter error", async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const reports = await validate(files.map((f) => `${DIR}${f}`));
    expect(Object.entries(reports).filter(([, report]) => report !== "")).toEqual([]);
  });

  it("reports a broken copy, so the check can fail", async () => {
    const temp = makeTempDir();
    try {
      const broken = `${temp.dir}/broken.json`;
      writeFileSync(broken, JSON.stringify({ pipeline: { name: "x", stages: [{ name: "s" }] } }));
      const reports = await validate([broken]);
      expect(reports[broken]).toMatch(/Missing required parameter/);
    } finally {
      temp.remove();
    }
  });
});
