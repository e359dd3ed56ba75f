/**
 * Configuration values as the live service takes them: up to 50000 characters (its own
 * ValidationException says so; the published model says 1000), one more is refused with the
 * model's wording. The limit lives once, in shared/service-model, for the sandbox and the validator.
 */
import {
  CreatePipelineCommand,
  ValidationException,
  type PipelineDeclaration as SdkPipeline,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { threeStagePipeline } from "./fixtures";
import { openHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

function withLongProjectName(name: string, length: number): SdkPipeline {
  const pipeline = threeStagePipeline({ name }) as unknown as {
    stages: { actions: { configuration?: Record<string, string> }[] }[];
  };
  const build = pipeline.stages[1]?.actions[0];
  if (build === undefined) throw new Error("fixture changed: no build action");
  build.configuration = { ProjectName: "p".repeat(length) };
  return pipeline as unknown as SdkPipeline;
}

describe("configuration value length in the sandbox", () => {
  it("accepts a value over the documented 1000 characters, as the live service does", async () => {
    const out = await h.client.send(
      new CreatePipelineCommand({ pipeline: withLongProjectName("long-value", 1500) }),
    );
    expect(out.pipeline?.stages?.[1]?.actions?.[0]?.configuration?.["ProjectName"]).toHaveLength(1500);
  });

  it("refuses a value over 50000 characters with a ValidationException naming the member", async () => {
    const create = h.client.send(
      new CreatePipelineCommand({ pipeline: withLongProjectName("too-long", 50_001) }),
    );
    await expect(create).rejects.toBeInstanceOf(ValidationException);
    await expect(create).rejects.toThrow(
      /configuration\.ProjectName' failed to satisfy constraint: Member must have length less than or equal to 50000/,
    );
  });
});
