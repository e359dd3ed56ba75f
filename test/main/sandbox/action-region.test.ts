/**
 * The sandbox checks action Regions against the Region of the request, as CodePipeline does: an
 * action whose `region` is the pipeline's own is not cross-Region (the console writes it that way),
 * one in another Region needs an artifact store there.
 */
import {
  CreatePipelineCommand,
  InvalidActionDeclarationException,
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

/** The three-stage pipeline with `region` on its build action. */
function withBuildRegion(name: string, region: string): SdkPipeline {
  const pipeline = threeStagePipeline({ name }) as unknown as {
    stages: { actions: Record<string, unknown>[] }[];
  };
  const build = pipeline.stages[1]?.actions[0];
  if (build === undefined) throw new Error("fixture changed: no build action");
  build["region"] = region;
  return pipeline as unknown as SdkPipeline;
}

describe("an action's region in the sandbox (requests signed for us-east-1)", () => {
  it("accepts the pipeline's own Region on an action with a single artifact store", async () => {
    const out = await h.client.send(
      new CreatePipelineCommand({ pipeline: withBuildRegion("own-region", "us-east-1") }),
    );
    expect(out.pipeline?.stages?.[1]?.actions?.[0]?.region).toBe("us-east-1");
  });

  it("refuses an action in another Region without an artifact store there", async () => {
    const create = h.client.send(
      new CreatePipelineCommand({ pipeline: withBuildRegion("other-region", "eu-west-1") }),
    );
    await expect(create).rejects.toBeInstanceOf(InvalidActionDeclarationException);
    await expect(create).rejects.toThrow(/cross-region-store-missing/);
  });
});
