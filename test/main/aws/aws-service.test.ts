/** The service facade the IPC handlers call: previews by id, one deploy per preview, runs, progress. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsService, type Connection } from "../../../main/aws";
import { pathFromStructureMessage } from "../../../main/aws/structure-error-path";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { createInput, edited, samplePipeline } from "./support/pipelines";

let sandbox: Sandbox;
let service: AwsService;
const progress: string[] = [];
const connection: Connection = { kind: "sandbox" };

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 1, log: () => {} });
  service = new AwsService({
    sandboxEndpoint: () => sandbox.endpoint,
    maxAttempts: 1,
    onProgress: (planId, step) => progress.push(`${planId.length}:${step}`),
  });
});

afterAll(async () => {
  service.dispose();
  await sandbox.close();
});

describe("AwsService", () => {
  it("deploys a preview by id exactly once, then opens the result with its version", async () => {
    const preview = await service.previewDeploy(createInput(samplePipeline("svc-one")), connection);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.planId).toMatch(/^[0-9a-f-]{36}$/);
    expect(preview.value.action).toBe("create");

    const deployed = await service.deploy(preview.value.planId);
    expect(deployed).toMatchObject({ ok: true, value: { action: "create", version: 1 } });
    expect(progress).toEqual(["36:creating"]);
    expect(await service.deploy(preview.value.planId)).toMatchObject({
      ok: false,
      error: { code: "plan-expired" },
    });
    expect(await service.deploy("not-a-plan")).toMatchObject({ ok: false, error: { code: "plan-expired" } });

    const opened = await service.openPipeline(connection, "svc-one");
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document.pipeline.version).toBe(1);
    const list = await service.listPipelines(connection);
    expect(list.ok && list.value.map((p) => p.name)).toContain("svc-one");

    // Release change: a new run of the deployed pipeline.
    const run = await service.startRun(connection, "svc-one");
    expect(run.ok && run.value.pipelineExecutionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("deploys what was previewed, even if the caller edits the preview it got", async () => {
    const opened = await service.openPipeline(connection, "svc-one");
    if (!opened.ok) throw new Error(opened.error.message);
    const changed = edited(opened.value.document, (p) => {
      p.stages[1]!.actions[0]!.configuration = { ProjectName: "svc-build" };
      return p;
    });
    const preview = await service.previewDeploy(changed, connection);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.diff?.summary.actionsChanged).toBe(1);
    // The renderer gets a copy; changing it cannot change what main deploys.
    preview.value.pipeline.stages = [];
    const deployed = await service.deploy(preview.value.planId);
    expect(deployed).toMatchObject({ ok: true, value: { action: "update", version: 2 } });
    if (deployed.ok) expect(deployed.value.pipeline.stages).toHaveLength(3);
  });

  it("tests a connection and lists profiles without failing", async () => {
    expect(await service.testConnection(connection)).toMatchObject({
      ok: true,
      value: { account: "sandbox" },
    });
    expect((await service.listProfiles()).ok).toBe(true);
  });
});

describe("pathFromStructureMessage", () => {
  const pipeline = samplePipeline("p");
  it("finds the action or stage a service message names", () => {
    expect(
      pathFromStructureMessage(pipeline, "Action configuration for action 'Compile' is invalid"),
    ).toEqual(["stages", 1, "actions", 0]);
    expect(pathFromStructureMessage(pipeline, "Stage 'Deploy' must have at least one action")).toEqual([
      "stages",
      2,
    ]);
    expect(pathFromStructureMessage(pipeline, "Pipeline has only 1 stage(s)")).toBeUndefined();
  });
});
