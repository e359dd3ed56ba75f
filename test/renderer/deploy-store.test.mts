import { describe, expect, it, vi } from "vitest";
import { fail, ok, type DeployPreviewView } from "../../shared/ipc";
import { createAppStore } from "../../renderer/store";
import { defaultConnection } from "../../renderer/store/connection-slice";
import { fakeApi, opened } from "./support/fake-api";

function setup(confirmAnswer = true) {
  const { api, client, emit } = fakeApi();
  const confirm = vi.fn(() => confirmAnswer);
  let n = 0;
  const store = createAppStore({ api: client, confirm, newId: () => `id-${++n}` });
  return { api, store, confirm, emit };
}

const DIFF = {
  identical: false,
  pipeline: [],
  stages: [{ kind: "changed" as const, name: "Approve", changes: [], actions: [] }],
  summary: {
    stagesAdded: 0,
    stagesRemoved: 0,
    stagesMoved: 0,
    stagesChanged: 1,
    actionsAdded: 0,
    actionsRemoved: 0,
    actionsMoved: 0,
    actionsChanged: 0,
    pipelineChanges: 0,
  },
};

function preview(overrides: Partial<DeployPreviewView> = {}): DeployPreviewView {
  return {
    planId: "11111111-1111-1111-1111-111111111111",
    name: "sample",
    action: "update",
    diagnostics: [],
    diff: DIFF,
    remoteVersion: 4,
    warnings: [],
    upToDate: false,
    ...overrides,
  };
}

describe("connections", () => {
  it("defaults to the sandbox without profiles, and to the default profile in its region otherwise", async () => {
    expect(defaultConnection({ profiles: [], notes: [] })).toEqual({ kind: "sandbox" });
    expect(
      defaultConnection({
        profiles: [{ name: "dev", kind: "sso", region: "eu-west-1" }],
        defaultProfile: "dev",
        notes: [],
      }),
    ).toEqual({ kind: "aws", profile: "dev", region: "eu-west-1" });
    expect(
      defaultConnection({
        profiles: [{ name: "(environment)", kind: "env" }],
        defaultProfile: "(environment)",
        environmentRegion: "ap-south-1",
        notes: [],
      }),
    ).toEqual({ kind: "aws", region: "ap-south-1" });

    const { store, api } = setup();
    api.aws.profiles.mockResolvedValueOnce(
      ok({
        profiles: [{ name: "dev", kind: "static" as const, region: "us-west-2" }],
        defaultProfile: "dev",
        notes: [],
      }),
    );
    await store.getState().profilesRequested();
    expect(store.getState().connection).toEqual({ kind: "aws", profile: "dev", region: "us-west-2" });
  });

  it("keeps the user's pick when the profiles arrive later, and tests the picked connection", async () => {
    const { store, api } = setup();
    store.getState().connectionPicked({ kind: "sandbox" });
    api.aws.profiles.mockResolvedValueOnce(
      ok({ profiles: [{ name: "dev", kind: "static" as const }], defaultProfile: "dev", notes: [] }),
    );
    await store.getState().profilesRequested();
    expect(store.getState().connection).toEqual({ kind: "sandbox" });
    await store.getState().connectionTestRequested();
    expect(api.aws.testConnection).toHaveBeenCalledWith({ connection: { kind: "sandbox" } });
    expect(store.getState().connectionTest).toMatchObject({ status: "ok", identity: { account: "sandbox" } });
    api.aws.testConnection.mockResolvedValueOnce(
      fail("expired-sso-token", "The SSO session expired; run `aws sso login --profile dev`: dev"),
    );
    await store.getState().connectionTestRequested();
    expect(store.getState().connectionTest).toMatchObject({
      status: "failed",
      error: { code: "expired-sso-token" },
    });
  });

  it("browses the connection's pipelines and opens one as the document, its version the base", async () => {
    const { store, api } = setup();
    api.aws.listPipelines.mockResolvedValueOnce(ok([{ name: "remote-one", version: 3, pipelineType: "V2" }]));
    await store.getState().browseOpened();
    expect(store.getState().browse).toMatchObject({ loading: false, pipelines: [{ name: "remote-one" }] });
    const remote = opened();
    remote.document.pipeline.version = 3;
    api.aws.openPipeline.mockResolvedValueOnce(ok(remote));
    await store.getState().remotePipelineOpenRequested("remote-one");
    expect(api.aws.openPipeline).toHaveBeenCalledWith({
      connection: { kind: "sandbox" },
      name: "remote-one",
    });
    expect(store.getState().doc?.document.pipeline.version).toBe(3);
    expect(store.getState().browse).toBeNull();
  });

  it("does not replace unsaved edits the user wants to keep", async () => {
    const { store, api } = setup(false);
    store.getState().documentLoaded(opened({ dirty: true }));
    await store.getState().remotePipelineOpenRequested("x");
    expect(api.aws.openPipeline).not.toHaveBeenCalled();
  });
});

describe("deploy", () => {
  it("previews and deploys, leaving the document and its file as they were (main keeps the version per target)", async () => {
    const { store, api, emit } = setup();
    store.getState().documentLoaded(opened({ path: "/p.json", version: "v1", dirty: false }));
    api.aws.previewDeploy.mockResolvedValueOnce(ok(preview()));
    await store.getState().deployRequested();
    expect(store.getState().deploy).toMatchObject({ phase: "preview", preview: { diff: DIFF } });
    api.aws.deploy.mockImplementationOnce(async () => {
      emit("aws.deployProgress", { planId: preview().planId, step: "updating" });
      expect(store.getState().deploy).toMatchObject({ phase: "deploying", progress: { step: "updating" } });
      return ok({ action: "update" as const, name: "sample", version: 5 });
    });
    await store.getState().deployConfirmed();
    expect(api.aws.deploy).toHaveBeenCalledWith({ planId: preview().planId });
    expect(store.getState().doc?.document.pipeline.version).toBeUndefined();
    expect(store.getState().doc?.dirty).toBe(false);
    expect(store.getState().past).toEqual([]);
    expect(api.documents.save).not.toHaveBeenCalled();
    expect(store.getState().deploy).toMatchObject({ phase: "done", outcome: { version: 5 } });
    // The deployed pipeline is watched at once, so its live status reaches the canvas.
    expect(api.runs.watch).toHaveBeenCalledWith(expect.objectContaining({ pipelineName: "sample" }));
  });

  it("does not save an unsaved document after a deploy, and starts a run on Release change", async () => {
    const { store, api } = setup();
    store.getState().documentLoaded(opened());
    api.aws.previewDeploy.mockResolvedValueOnce(ok(preview({ action: "create" })));
    api.aws.deploy.mockResolvedValueOnce(ok({ action: "create" as const, name: "sample", version: 1 }));
    await store.getState().deployRequested();
    await store.getState().deployConfirmed();
    expect(api.documents.save).not.toHaveBeenCalled();
    expect(store.getState().doc?.document.pipeline.version).toBeUndefined();
    await store.getState().releaseChangeRequested();
    expect(api.aws.startRun).toHaveBeenCalledWith({ connection: { kind: "sandbox" }, name: "sample" });
    expect(store.getState().deploy).toMatchObject({ phase: "done", run: { id: "run-1" } });
  });

  it("overwrites a conflict only when asked and passes the wait-until-idle choice", async () => {
    const { store, api } = setup();
    store.getState().documentLoaded(opened());
    api.aws.previewDeploy.mockResolvedValueOnce(
      ok(
        preview({
          conflict: {
            documentVersion: 3,
            remoteVersion: 4,
            remotePipeline: opened().document.pipeline,
            message: "changed remotely: sample",
          },
        }),
      ),
    );
    api.aws.deploy.mockResolvedValueOnce(ok({ action: "update" as const, name: "sample", version: 5 }));
    await store.getState().deployRequested();
    store.getState().deployWaitToggled(true);
    await store.getState().deployConfirmed({ overwrite: true });
    expect(api.aws.deploy).toHaveBeenCalledWith({
      planId: preview().planId,
      overwrite: true,
      waitUntilIdle: true,
    });
  });

  it("reloads the remote pipeline into the document as an undoable edit", async () => {
    const { store, api } = setup();
    store.getState().documentLoaded(opened({ path: "/p.json", dirty: false }));
    api.aws.previewDeploy.mockResolvedValueOnce(
      ok(
        preview({
          conflict: {
            documentVersion: 3,
            remoteVersion: 4,
            remotePipeline: opened().document.pipeline,
            message: "changed remotely: sample",
          },
        }),
      ),
    );
    await store.getState().deployRequested();
    const remote = opened();
    remote.document.pipeline.version = 4;
    remote.document.pipeline.stages[1]!.name = "RemoteApproval";
    api.aws.openPipeline.mockResolvedValueOnce(ok(remote));
    await store.getState().deployRemoteReloaded();
    const doc = store.getState().doc!;
    expect(doc.path).toBe("/p.json");
    expect(doc.document.pipeline.version).toBe(4);
    expect(doc.document.pipeline.stages[1]?.name).toBe("RemoteApproval");
    expect(store.getState().deploy).toBeNull();
    store.getState().undoRequested();
    expect(store.getState().doc?.document.pipeline.stages[1]?.name).toBe("Approve");
  });

  it("leaves the document untouched on a failure and selects the element a structure error names", async () => {
    const { store, api } = setup();
    store.getState().documentLoaded(opened({ path: "/p.json", dirty: false }));
    const before = store.getState().doc!.document;
    api.aws.previewDeploy.mockResolvedValueOnce(ok(preview()));
    api.aws.deploy.mockResolvedValueOnce({
      ok: false,
      error: {
        code: "invalid-structure",
        message: "Action configuration for action 'Approve' is invalid: Approve",
        path: ["pipeline", "stages", 1, "actions", 0],
      },
    });
    await store.getState().deployRequested();
    await store.getState().deployConfirmed();
    expect(store.getState().doc?.document).toBe(before);
    expect(store.getState().doc?.dirty).toBe(false);
    expect(api.documents.save).not.toHaveBeenCalled();
    expect(store.getState().selection).toEqual({ kind: "actions", stage: 1, actions: [0] });
    expect(store.getState().deploy).toMatchObject({ phase: "failed", error: { code: "invalid-structure" } });
  });

  it("shows validation errors without deploying", async () => {
    const { store, api } = setup();
    store.getState().documentLoaded(opened());
    api.aws.previewDeploy.mockResolvedValueOnce({
      ok: false,
      error: {
        code: "validation-failed",
        message: "The pipeline has 1 error; fix it before deploying: x",
        diagnostics: [
          { code: "empty-stage", severity: "error", message: "x", path: ["pipeline", "stages", 1] },
        ],
      },
    });
    await store.getState().deployRequested();
    expect(store.getState().deploy).toMatchObject({ phase: "failed", error: { code: "validation-failed" } });
    await store.getState().deployConfirmed();
    expect(api.aws.deploy).not.toHaveBeenCalled();
  });
});
