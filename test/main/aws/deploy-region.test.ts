/**
 * The deploy preview validates for the Region it deploys to: an AWS connection's Region decides
 * which action Regions are cross-Region. Validation errors stop the preview before any AWS call, so
 * the AWS case needs no endpoint; the sandbox case goes through the real SDK to the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway, planDeploy } from "../../../main/aws";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { createInput, edited, samplePipeline } from "./support/pipelines";

let sandbox: Sandbox;
let gateway: Gateway;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 1, log: () => {} });
  gateway = new Gateway({ maxAttempts: 1 });
});

afterAll(async () => {
  gateway.dispose();
  await sandbox.close();
});

/** The sample pipeline with its build action in `region` and a single artifact store. */
function withBuildRegion(name: string, region: string) {
  return edited(createInput(samplePipeline(name), []), (p) => {
    p.stages[1]!.actions[0]!.region = region;
    return p;
  });
}

describe("the deploy preview checks action Regions against the connection's Region", () => {
  it("stops a deploy to us-east-1 whose build runs in eu-west-1 without artifact stores", async () => {
    const plan = await planDeploy(gateway, withBuildRegion("region-aws", "eu-west-1"), {
      kind: "aws",
      region: "us-east-1",
    });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.error.code).toBe("validation-failed");
    expect(plan.error.diagnostics?.map((d) => [d.severity, d.code])).toContainEqual([
      "error",
      "cross-region-store-missing",
    ]);
  });

  it("previews a build in us-east-1 for the sandbox, which answers as us-east-1, with no finding", async () => {
    const plan = await planDeploy(gateway, withBuildRegion("region-sandbox", "us-east-1"), {
      kind: "sandbox",
      endpoint: sandbox.endpoint,
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.diagnostics).toEqual([]);
  });
});
