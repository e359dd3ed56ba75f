/**
 * A pipeline's custom action is checked against the account's custom action type when the
 * pipeline is created or updated, as AWS checks it: required properties, the queryable property's
 * value limits, the declared artifact counts. The same rule engine the designer uses decides.
 */
import {
  CreateCustomActionTypeCommand,
  CreatePipelineCommand,
  InvalidActionDeclarationException,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHarness, type Harness } from "./harness";
import { CUSTOM_TYPE_DEFINITION, workerPipeline } from "./job-fixtures";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await h.client.send(new CreateCustomActionTypeCommand({ ...CUSTOM_TYPE_DEFINITION }));
});
afterAll(() => h.close());

/** The worker pipeline with the custom Compile action's configuration replaced. */
function withConfiguration(name: string, configuration: Record<string, string>): PipelineDeclaration {
  const pipeline = workerPipeline(name);
  pipeline.stages[1]!.actions[0]!.configuration = configuration;
  return pipeline as PipelineDeclaration;
}

async function createError(pipeline: PipelineDeclaration): Promise<unknown> {
  return h.client.send(new CreatePipelineCommand({ pipeline })).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("custom actions in CreatePipeline", () => {
  it("refuses a custom action without its type's required property", async () => {
    const error = await createError(withConfiguration("no-project", {}));
    expect(error).toBeInstanceOf(InvalidActionDeclarationException);
    expect((error as Error).message).toMatch(/ProjectName/);
  });

  it("refuses a queryable property's value over 20 characters or with other characters", async () => {
    for (const value of ["a".repeat(21), "team/web"]) {
      const error = await createError(withConfiguration(`bad-query-${value.length}`, { ProjectName: value }));
      expect(error).toBeInstanceOf(InvalidActionDeclarationException);
      expect((error as Error).message).toMatch(/queryable-value-invalid/);
    }
  });

  it("accepts the action once it has what its type declares", async () => {
    expect(
      await createError(withConfiguration("good", { ProjectName: "web_app-2026-release" })),
    ).toBeUndefined();
  });
});
