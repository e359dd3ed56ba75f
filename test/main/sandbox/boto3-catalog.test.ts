import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDER } from "./catalog-fixtures";
import { openHarness, type Harness } from "./harness";

const run = promisify(execFile);
let h: Harness;
beforeAll(async () => {
  h = await openHarness({ speed: 500, actionTypes: [TEST_PROVIDER] });
});
afterAll(() => h.close());

/** One scenario of boto3_catalog.py: boto3, as a Python user drives it, asserting as it goes. */
async function scenario(name: string): Promise<void> {
  const { stdout } = await run(
    "python3",
    [join(import.meta.dirname, "boto3_catalog.py"), h.sandbox.endpoint, name],
    {
      env: {
        PATH: process.env.PATH ?? "",
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      },
      timeout: 60_000,
    },
  );
  expect(stdout.trim()).toBe("ok");
}

describe("boto3 against the sandbox", () => {
  it(
    "creates, lists, tags and deletes custom action types with AWS's rules and quota",
    () => scenario("custom-action-types"),
    60_000,
  );
  it(
    "lists built-in action types and rule types, and gets and updates integration-model types",
    () => scenario("action-type-listing"),
    60_000,
  );
  it(
    "puts webhooks whose URL starts the pipeline when signature and filters pass",
    () => scenario("webhooks"),
    60_000,
  );
  it("lists the EC2 deploy action's targets", () => scenario("deploy-targets"), 60_000);
});
