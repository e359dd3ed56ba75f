import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeployTargets, describeTarget } from "../../../main/aws";
import { parseDocument } from "../../../shared/formats";
import { samplePipeline } from "./support/pipelines";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-targets-unit-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the record of deploy targets", () => {
  it("keeps one base per connection, region and pipeline name", async () => {
    const targets = new DeployTargets(dir, undefined, {});
    const east = { kind: "aws" as const, profile: "dev", region: "us-east-1" };
    const west = { kind: "aws" as const, profile: "dev", region: "eu-west-1" };
    const sandbox = { kind: "sandbox" as const, endpoint: "http://127.0.0.1:4599" };
    await targets.record(east, "p", 4, samplePipeline("p"));
    await targets.record(west, "p", 9, samplePipeline("p"));
    await targets.record(sandbox, "p", 2, samplePipeline("p"));
    await targets.record(east, "q", 1, samplePipeline("q"));
    await targets.record(east, "p", 5, samplePipeline("p"));
    expect((await targets.base(east, "p"))?.version).toBe(5);
    expect((await targets.base(west, "p"))?.version).toBe(9);
    expect((await targets.base(sandbox, "p"))?.version).toBe(2);
    expect((await targets.base(east, "q"))?.version).toBe(1);
    expect(await targets.base({ kind: "aws", region: "us-east-1" }, "p")).toBeUndefined();
    const file = JSON.parse(await readFile(join(dir, "deploy-targets.json"), "utf8")) as { format: number };
    expect(file.format).toBe(1);
  });

  it("tells an AWS connection pointed at another endpoint from the real one", () => {
    const connection = { kind: "aws" as const, region: "us-east-1" };
    expect(describeTarget(connection, {})).toEqual({
      connection: "aws profile default",
      region: "us-east-1",
    });
    expect(describeTarget(connection, { AWS_ENDPOINT_URL: "http://127.0.0.1:5000" })).toEqual({
      connection: "aws profile default at http://127.0.0.1:5000",
      region: "us-east-1",
    });
  });

  it("gives back the deployed pipeline in model form, integer-like keys in order", async () => {
    const text = JSON.stringify({ pipeline: samplePipeline("p") }).replace(
      '"ProjectName":"app-build"',
      '"ProjectName":"app-build","7":"x","b":"y"',
    );
    const pipeline = parseDocument(text).document!.pipeline;
    const targets = new DeployTargets(dir, undefined, {});
    await targets.record({ kind: "sandbox" }, "p", 1, pipeline);
    expect((await targets.base({ kind: "sandbox" }, "p"))?.pipeline).toEqual(pipeline);
    expect(
      Object.keys(
        (await targets.base({ kind: "sandbox" }, "p"))!.pipeline!.stages[1]!.actions[0]!.configuration!,
      ),
    ).toEqual(Object.keys(pipeline.stages[1]!.actions[0]!.configuration!));
  });
});
