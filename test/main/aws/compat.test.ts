/** Small pure parts of the gateway: timestamp tolerance and stack-ownership warnings. */
import { describe, expect, it } from "vitest";
import { ownershipWarnings } from "../../../main/aws";
import { epochTimestamps } from "../../../main/aws/timestamp-compat";

describe("epochTimestamps", () => {
  it("rewrites ISO strings in response metadata and summaries to epoch seconds", () => {
    const body = JSON.stringify({
      pipeline: {
        name: "p",
        stages: [{ actions: [{ configuration: { created: "2024-01-01T00:00:00Z" } }] }],
      },
      metadata: {
        pipelineArn: "arn",
        created: "2024-01-02T00:00:00.000Z",
        updated: "2024-01-02T00:00:01.500Z",
      },
    });
    const parsed = JSON.parse(epochTimestamps(body)!) as {
      metadata: { created: number; updated: number };
      pipeline: { stages: { actions: { configuration: { created: string } }[] }[] };
    };
    expect(parsed.metadata).toMatchObject({ created: 1704153600, updated: 1704153601.5 });
    // A user's configuration value is never reinterpreted.
    expect(parsed.pipeline.stages[0]!.actions[0]!.configuration.created).toBe("2024-01-01T00:00:00Z");
  });

  it("leaves real AWS answers (epoch numbers) alone", () => {
    expect(epochTimestamps(JSON.stringify({ metadata: { created: 1704153600.123 } }))).toBeUndefined();
    expect(epochTimestamps(JSON.stringify({ pipelines: [{ name: "p", created: 1 }] }))).toBeUndefined();
    expect(epochTimestamps("not json")).toBeUndefined();
  });
});

describe("ownershipWarnings", () => {
  it("recognises CloudFormation and CDK tags", () => {
    expect(ownershipWarnings([{ key: "aws:cloudformation:stack-name", value: "web-stack" }])).toEqual([
      {
        code: "managed-by-cloudformation",
        owner: "web-stack",
        message:
          "This pipeline is managed by a CloudFormation stack; the next stack update will undo changes made here: web-stack",
      },
    ]);
    const cdk = ownershipWarnings([
      { key: "aws:cloudformation:stack-name", value: "WebPipelineStack" },
      { key: "aws:cdk:path", value: "WebPipelineStack/Pipeline/Resource" },
    ]);
    expect(cdk).toMatchObject([{ code: "managed-by-cdk", owner: "WebPipelineStack" }]);
    expect(ownershipWarnings([{ key: "team", value: "a" }])).toEqual([]);
  });
});
