/**
 * Custom action types reach the designer as a user gets them there: a custom type is created in
 * the embedded sandbox with the AWS CLI, the store loads the connection's action types through
 * main's real handlers (ListActionTypes via the AWS gateway), adds one from the palette's list, and
 * validation checks the action against the type's properties. The rendered palette and inspector
 * are account-action-types-components.test.mts. (Node environment: the AWS SDK needs Node's streams.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppStore, type AppStore } from "../../renderer/store";
import { selectDiagnostics } from "../../renderer/store/derived";
import { awsCli } from "../main/aws/support/aws-cli";
import { JENKINS_TYPE } from "./support/custom-types.mjs";
import { createHandlerApi, type HandlerApi } from "./support/handler-api.mjs";

let api: HandlerApi;
let store: AppStore;

beforeAll(async () => {
  api = await createHandlerApi("json");
  store = createAppStore({ api: api.client, confirm: () => true, newId: () => "custom-types" });
  await store.getState().startupRequested();
  const sandbox = await api.client.aws.sandbox({});
  if (!sandbox.ok) throw new Error(sandbox.error.message);
  await awsCli(sandbox.value.endpoint, [
    "codepipeline",
    "create-custom-action-type",
    "--cli-input-json",
    JSON.stringify(JENKINS_TYPE),
  ]);
}, 60_000);
afterAll(async () => {
  await api.cleanup();
});

const codes = () => selectDiagnostics(store.getState()).map((d) => `${d.severity} ${d.code}`);

describe("custom action types of the connected sandbox, through main's handlers", () => {
  it("are listed with their properties, added from the palette's list and validated by them", async () => {
    await store.getState().newDocumentRequested("blank-v2");
    expect(store.getState().accountActionTypesLoad).toBe("idle");
    await store.getState().accountActionTypesRequested();
    expect(store.getState().accountActionTypesLoad).toBe("loaded");
    // Only what the catalog lacks: the sandbox's built-in types keep their catalog entries.
    const [spec, ...others] = store.getState().accountActionTypes;
    expect(others).toEqual([]);
    expect(spec).toMatchObject({
      category: "Build",
      owner: "Custom",
      provider: "TeamJenkins",
      version: "1",
      inputArtifacts: { min: 1, max: 1 },
      outputArtifacts: { min: 0, max: 1 },
      configuration: [
        { key: "ProjectName", required: true, queryable: true },
        { key: "ApiToken", required: false, secret: true },
      ],
    });

    store.getState().actionTypeAdded(spec!);
    const custom = () =>
      store
        .getState()
        .doc!.document.pipeline.stages.flatMap((s) => s.actions)
        .find((a) => a.actionTypeId.provider === "TeamJenkins");
    expect(custom()).toBeDefined();
    expect(codes()).not.toContain("warning unknown-action-type");
    expect(codes()).toContain("error missing-required-configuration");
  }, 60_000);

  it("belong to their account: picking another connection drops them", () => {
    expect(store.getState().accountActionTypes.map((t) => t.provider)).toEqual(["TeamJenkins"]);
    store.getState().connectionPicked({ kind: "aws", region: "eu-west-1" });
    expect(store.getState().accountActionTypes).toEqual([]);
    expect(codes()).toContain("warning unknown-action-type");
  });
});
