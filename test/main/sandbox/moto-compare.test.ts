import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHarness, type Harness } from "./harness";

const run = promisify(execFile);
let h: Harness;
beforeAll(async () => {
  h = await openHarness({ speed: 500 });
});
afterAll(() => h.close());

describe("the sandbox and moto, the same boto3 calls", () => {
  /**
   * moto implements CreatePipeline, GetPipeline, UpdatePipeline, ListPipelines, DeletePipeline
   * and the three tag operations (none of the others). moto_compare.py runs one scenario on both,
   * regions and accounts included, and prints every difference. Each one left is justified here:
   */
  it("differs from moto only where AWS's docs or model say the sandbox is right", async () => {
    const { stdout } = await run(
      "python3",
      [join(import.meta.dirname, "moto_compare.py"), h.sandbox.endpoint],
      {
        env: {
          PATH: process.env.PATH ?? "",
          AWS_CONFIG_FILE: "/dev/null",
          AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        },
        timeout: 60_000,
      },
    );
    const differences = JSON.parse(stdout) as [string, string, unknown, unknown][];
    const justified = differences.filter(([step, path, moto, sandbox]) => {
      // GetPipeline and ListPipelines report the defaults AWS fills in: the user guide's
      // get-pipeline example shows "executionMode": "SUPERSEDED" and "pipelineType"
      // (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html),
      // and the model's PipelineSummary carries both. moto leaves them out.
      if (/\.(executionMode|pipelineType)$/.test(path) && moto === "<absent>") {
        return sandbox === "SUPERSEDED" || sandbox === "V1";
      }
      // A name already in use: the model lists PipelineNameInUseException for CreatePipeline
      // ("The specified pipeline name is already in use"); moto answers InvalidStructureException.
      if (step === "create-duplicate")
        return moto === "InvalidStructureException" && sandbox === "PipelineNameInUseException";
      // UpdatePipeline on an unknown name: the model lists no not-found error for it, and moto's
      // ResourceNotFoundException is not in its list either. The sandbox answers the service's
      // PipelineNotFoundException, as GetPipeline does for the same name.
      if (step === "update-unknown")
        return moto === "ResourceNotFoundException" && sandbox === "PipelineNotFoundException";
      return false;
    });
    expect(differences.filter((d) => !justified.includes(d))).toEqual([]);
    // The comparison compared something: every step's differences are only the justified ones.
    expect(justified.length).toBeGreaterThan(0);
  }, 90_000);
});
