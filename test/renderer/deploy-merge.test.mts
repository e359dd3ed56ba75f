// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, type DeployConflict, type DeployPreviewView } from "../../shared/ipc";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import { DeployControls } from "./support/harness";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { mergeUnavailableReason } from "../../renderer/store/deploy-slice";
import { fakeApi, opened } from "./support/fake-api";

afterEach(cleanup);

const PLAN_ID = "11111111-1111-1111-1111-111111111111";
const EMPTY_SUMMARY = {
  stagesAdded: 0,
  stagesRemoved: 0,
  stagesMoved: 0,
  stagesChanged: 0,
  actionsAdded: 0,
  actionsRemoved: 0,
  actionsMoved: 0,
  actionsChanged: 0,
  pipelineChanges: 0,
};

/** The document's base: the sample pipeline at version 3. */
function basePipeline(): PipelineDeclaration {
  return { ...structuredClone(opened().document.pipeline), version: 3 };
}

/** The remote now: version 4, someone changed the source object key. */
function remotePipeline(objectKey = "theirs.zip"): PipelineDeclaration {
  const remote = basePipeline();
  remote.version = 4;
  remote.stages[0]!.actions[0]!.configuration = { S3Bucket: "b", S3ObjectKey: objectKey };
  return remote;
}

function conflictPreview(conflict: Partial<DeployConflict> = {}): DeployPreviewView {
  return {
    planId: PLAN_ID,
    name: "sample",
    action: "update",
    diagnostics: [],
    remoteVersion: 4,
    warnings: [],
    upToDate: false,
    conflict: {
      documentVersion: 3,
      remoteVersion: 4,
      basePipeline: basePipeline(),
      remotePipeline: remotePipeline(),
      message: "The pipeline changed remotely since the document's version 3: sample (remote version 4)",
      ...conflict,
    },
  };
}

/** What main previews once the document is based on version 4: a diff, no conflict. */
const CLEAN_PREVIEW: DeployPreviewView = {
  planId: "22222222-2222-2222-2222-222222222222",
  name: "sample",
  action: "update",
  diagnostics: [],
  remoteVersion: 4,
  warnings: [],
  upToDate: false,
  diff: {
    identical: false,
    pipeline: [],
    stages: [{ kind: "added", name: "Review", toIndex: 1, changes: [], actions: [] }],
    summary: { ...EMPTY_SUMMARY, stagesAdded: 1 },
  },
};

function setup() {
  const { api, client } = fakeApi();
  const store = createAppStore({ api: client, confirm: vi.fn(() => true), newId: () => "rid" });
  const loaded = opened({ path: "/p.json", dirty: false });
  loaded.document.pipeline.version = 3;
  store.getState().documentLoaded(loaded);
  return { api, store };
}

function pipelineOf(store: ReturnType<typeof setup>["store"]): PipelineDeclaration {
  return store.getState().doc!.document.pipeline;
}

describe("merge their changes (store)", () => {
  it("merges disjoint changes as one undoable edit based on the remote version, then previews again", async () => {
    const { api, store } = setup();
    store.getState().documentEdited((p) => ({
      ...p,
      stages: [p.stages[0]!, { ...p.stages[1]!, name: "Review" }],
    }));
    api.aws.previewDeploy.mockResolvedValueOnce(ok(conflictPreview()));
    await store.getState().deployRequested();
    api.aws.previewDeploy.mockResolvedValueOnce(ok(CLEAN_PREVIEW));
    await store.getState().deployMergeRequested();

    const merged = pipelineOf(store);
    expect(merged.version).toBe(4);
    expect(merged.stages.map((s) => s.name)).toEqual(["Source", "Review"]);
    expect(merged.stages[0]!.actions[0]!.configuration).toEqual({ S3Bucket: "b", S3ObjectKey: "theirs.zip" });
    // The preview was asked for the merged document, and shows the diff without a conflict.
    expect(api.aws.previewDeploy).toHaveBeenLastCalledWith({
      connection: { kind: "sandbox" },
      document: expect.objectContaining({ pipeline: merged }),
    });
    expect(store.getState().deploy).toMatchObject({ phase: "preview", preview: CLEAN_PREVIEW });
    expect(store.getState().doc?.dirty).toBe(true);

    store.getState().undoRequested();
    const before = pipelineOf(store);
    expect(before.version).toBe(3);
    expect(before.stages.map((s) => s.name)).toEqual(["Source", "Review"]);
    expect(before.stages[0]!.actions[0]!.configuration).toEqual({ S3Bucket: "b", S3ObjectKey: "k.zip" });
  });

  it("lists parts both sides changed, leaves the document alone, and applies the chosen side", async () => {
    for (const [prefer, key] of [
      ["theirs", "theirs.zip"],
      ["ours", "mine.zip"],
    ] as const) {
      const { api, store } = setup();
      store.getState().documentEdited((p) => {
        const copy = structuredClone(p);
        copy.stages[0]!.actions[0]!.configuration = { S3Bucket: "b", S3ObjectKey: "mine.zip" };
        copy.stages[1]!.actions[0]!.runOrder = 2;
        return copy;
      });
      const edited = pipelineOf(store);
      api.aws.previewDeploy.mockResolvedValueOnce(ok(conflictPreview()));
      await store.getState().deployRequested();
      await store.getState().deployMergeRequested();
      expect(store.getState().deploy).toMatchObject({
        phase: "merge",
        conflicts: [
          {
            kind: "both-changed",
            path: ["stages", 0, "actions", 0, "configuration", "S3ObjectKey"],
            theirs: "theirs.zip",
            ours: "mine.zip",
          },
        ],
      });
      expect(pipelineOf(store)).toBe(edited);

      // Back to the conflict's choices, and into the merge again.
      store.getState().deployMergeLeft();
      expect(store.getState().deploy).toMatchObject({ phase: "preview", preview: { conflict: {} } });
      await store.getState().deployMergeRequested();

      api.aws.previewDeploy.mockResolvedValueOnce(ok(CLEAN_PREVIEW));
      await store.getState().deployMergeResolved(prefer);
      const merged = pipelineOf(store);
      expect(merged.stages[0]!.actions[0]!.configuration!["S3ObjectKey"]).toBe(key);
      // The document's other change is kept whichever side won the conflict.
      expect(merged.stages[1]!.actions[0]!.runOrder).toBe(2);
      expect(merged.version).toBe(4);
      expect(store.getState().deploy).toMatchObject({ phase: "preview", preview: CLEAN_PREVIEW });
      store.getState().undoRequested();
      expect(pipelineOf(store)).toBe(edited);
    }
  });

  it("offers no merge without a base version, and says why", async () => {
    const noVersion = conflictPreview();
    delete noVersion.conflict!.documentVersion;
    delete noVersion.conflict!.basePipeline;
    expect(mergeUnavailableReason(noVersion.conflict!)).toMatch(/not based on any version/);
    const gone = conflictPreview();
    delete gone.conflict!.basePipeline;
    expect(mergeUnavailableReason(gone.conflict!)).toMatch(/did not return version 3/);
    expect(mergeUnavailableReason(conflictPreview().conflict!)).toBeNull();

    const { api, store } = setup();
    const before = pipelineOf(store);
    api.aws.previewDeploy.mockResolvedValueOnce(ok(gone));
    await store.getState().deployRequested();
    await store.getState().deployMergeRequested();
    expect(pipelineOf(store)).toBe(before);
    expect(api.aws.previewDeploy).toHaveBeenCalledTimes(1);
    expect(store.getState().deploy).toMatchObject({ phase: "preview" });
  });
});

async function openConflictDialog(preview: DeployPreviewView) {
  const { api, client } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(DeployControls)));
  const loaded = opened();
  loaded.document.pipeline.version = 3;
  loaded.document.pipeline.stages[0]!.actions[0]!.configuration = { S3Bucket: "b", S3ObjectKey: "mine.zip" };
  store.getState().documentLoaded(loaded);
  api.aws.previewDeploy.mockResolvedValueOnce(ok(preview));
  const deploy = screen.getByRole("button", { name: "Deploy" }) as HTMLButtonElement;
  await waitFor(() => expect(deploy.disabled).toBe(false));
  fireEvent.click(deploy);
  const dialog = await screen.findByRole("dialog", { name: "Deploy conflict: sample" });
  return { api, store, dialog };
}

describe("merge their changes (dialog)", () => {
  it("lists the conflicts with both values and takes theirs on request, back to the preview", async () => {
    const { api, store, dialog } = await openConflictDialog(conflictPreview());
    for (const choice of ["Merge their changes", "Overwrite", "Reload remote", "Cancel"])
      within(dialog).getByRole("button", { name: choice });
    fireEvent.click(within(dialog).getByRole("button", { name: "Merge their changes" }));

    const table = await within(dialog).findByRole("table", { name: "Merge conflicts" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual([
      "WhereTheirs (version 4)Mine (document)",
      'Stage Source, action Source: configuration.S3ObjectKeystages[0].actions[0].configuration.S3ObjectKey"theirs.zip""mine.zip"',
    ]);
    within(dialog).getByRole("button", { name: "Keep mine where both changed" });
    api.aws.previewDeploy.mockResolvedValueOnce(ok(CLEAN_PREVIEW));
    fireEvent.click(within(dialog).getByRole("button", { name: "Take theirs where both changed" }));

    await within(dialog).findByRole("region", { name: "Changes to version 4" });
    expect(screen.getByRole("dialog", { name: "Deploy sample to Sandbox" })).toBe(dialog);
    expect(within(dialog).queryByRole("table", { name: "Merge conflicts" })).toBeNull();
    expect(store.getState().doc?.document.pipeline.stages[0]!.actions[0]!.configuration).toEqual({
      S3Bucket: "b",
      S3ObjectKey: "theirs.zip",
    });
  });

  it("explains why a conflict without a base version cannot be merged", async () => {
    const preview = conflictPreview();
    delete preview.conflict!.basePipeline;
    const { dialog } = await openConflictDialog(preview);
    expect(within(dialog).queryByRole("button", { name: "Merge their changes" })).toBeNull();
    within(dialog).getByText(/Merging is not offered: the service did not return version 3/);
    within(dialog).getByRole("button", { name: "Overwrite" });
  });
});
