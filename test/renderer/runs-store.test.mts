import { describe, expect, it, vi } from "vitest";
import { fail, ok, type RunsPage } from "../../shared/ipc";
import { createAppStore } from "../../renderer/store";
import { describeControl, mergeRuns } from "../../renderer/store/runs-slice";
import { fakeApi, opened, sampleDocument } from "./support/fake-api";
import { detailAt, RUN_ID, runsApi, updateAt } from "./support/runs-api";

function setup(confirmAnswer = true) {
  const { api, client, emit } = fakeApi();
  const runs = runsApi();
  Object.assign(api, { runs });
  const confirm = vi.fn((_: string) => confirmAnswer);
  const store = createAppStore({ api: client, confirm, newId: () => "rid" });
  store.getState().documentLoaded(opened({ document: sampleDocument("gate") }));
  return { api, runs, store, confirm, emit };
}

describe("runs slice", () => {
  it("watches the open pipeline on the chosen connection and loads its history when the panel opens", async () => {
    const { runs, store } = setup();
    store.getState().runsToggled(true);
    await vi.waitFor(() => expect(store.getState().runsHistory.summaries).toHaveLength(1));
    expect(runs.watch).toHaveBeenCalledWith({
      connection: { kind: "sandbox" },
      pipelineName: "gate",
      viewId: expect.stringMatching(/^window-[a-z0-9]+$/),
    });
    expect(runs.list).toHaveBeenCalledWith({ connection: { kind: "sandbox" }, pipelineName: "gate" });
    expect(store.getState().runsWatch).toEqual({ pipelineName: "gate", connection: { kind: "sandbox" } });
  });

  it("takes live updates of the watched pipeline only", async () => {
    const { store, emit } = setup();
    await store.getState().runsWatchRequested();
    emit("runs.updated", updateAt("waiting", "other"));
    expect(store.getState().runsLive).toBeNull();
    emit("runs.updated", { ...updateAt("waiting"), connection: { kind: "aws", region: "eu-west-1" } });
    expect(store.getState().runsLive).toBeNull();
    emit("runs.updated", updateAt("waiting"));
    expect(store.getState().runsLive?.active).toBe(true);
    expect(store.getState().runsHistory.summaries[0]?.status).toBe("InProgress");
  });

  it("filters by status, pages older runs in and keeps each run once", async () => {
    const { runs, store } = setup();
    await store.getState().runsWatchRequested();
    const older = { pipelineExecutionId: "older", status: "Failed", startTime: "2025-01-01T00:00:00Z" };
    runs.list.mockResolvedValueOnce(ok<RunsPage>({ summaries: [older], nextToken: "t2" }));
    await store.getState().runsFilterChanged("Failed");
    expect(runs.list).toHaveBeenLastCalledWith({
      connection: { kind: "sandbox" },
      pipelineName: "gate",
      status: "Failed",
    });
    runs.list.mockResolvedValueOnce(
      ok<RunsPage>({
        summaries: [older, { ...older, pipelineExecutionId: "oldest", startTime: "2024-01-01T00:00:00Z" }],
        nextToken: null,
      }),
    );
    await store.getState().runsMoreRequested();
    expect(runs.list).toHaveBeenLastCalledWith({
      connection: { kind: "sandbox" },
      pipelineName: "gate",
      nextToken: "t2",
      status: "Failed",
    });
    expect(store.getState().runsHistory.summaries.map((s) => s.pipelineExecutionId)).toEqual([
      "older",
      "oldest",
    ]);
    expect(store.getState().runsHistory.nextToken).toBeNull();
    await store.getState().runsMoreRequested();
    expect(runs.list).toHaveBeenCalledTimes(3);
  });

  it("asks before a control, sends it with the watched target, and shows the result or the error", async () => {
    const { runs, store, confirm } = setup(false);
    await store.getState().runsWatchRequested();
    const approve = {
      kind: "approve" as const,
      stageName: "Approve",
      actionName: "Review",
      status: "Approved" as const,
      summary: "ok",
    };
    expect(await store.getState().runControlRequested(approve)).toBe(false);
    expect(confirm).toHaveBeenCalledWith('Approve Approve/Review with "ok"?');
    expect(runs.approve).not.toHaveBeenCalled();

    confirm.mockReturnValue(true);
    expect(await store.getState().runControlRequested(approve)).toBe(true);
    expect(runs.approve).toHaveBeenCalledWith({
      connection: { kind: "sandbox" },
      pipelineName: "gate",
      stageName: "Approve",
      actionName: "Review",
      status: "Approved",
      summary: "ok",
    });
    expect(store.getState().runsControl).toEqual({
      busy: false,
      result: { pipelineExecutionId: RUN_ID, message: "Approved Approve/Review" },
      error: null,
    });

    runs.stop.mockResolvedValueOnce(
      fail("validation", "The run has already finished or is already stopping: x") as never,
    );
    await store
      .getState()
      .runControlRequested({ kind: "stop", pipelineExecutionId: "x", abandon: true, reason: "" });
    expect(store.getState().runsControl.error?.message).toBe(
      "The run has already finished or is already stopping: x",
    );
  });

  it("follows a selected run from the polls instead of reading it again, and keeps it when a read fails", async () => {
    const { runs, store, emit } = setup();
    await store.getState().runsWatchRequested();
    runs.detail.mockResolvedValueOnce(ok(detailAt("waiting")));
    await store.getState().runSelected(RUN_ID);
    expect(runs.follow).toHaveBeenCalledWith({ viewId: expect.any(String), pipelineExecutionId: RUN_ID });
    expect(store.getState().runsSelected?.detail?.execution.status).toBe("InProgress");
    const waitingActions = detailAt("waiting").actionExecutions;
    expect(waitingActions.some((a) => a.status === "InProgress")).toBe(true);
    // The poll that saw the run end carries its status (run list) and its executions (progress).
    const final = detailAt("final");
    emit("runs.updated", {
      ...updateAt("final"),
      followed: [{ pipelineExecutionId: RUN_ID, actionExecutions: final.actionExecutions }],
    });
    expect(store.getState().runsSelected?.detail?.execution.status).toBe("Succeeded");
    expect(store.getState().runsSelected?.detail?.actionExecutions).toEqual(final.actionExecutions);
    expect(store.getState().runsSelected?.detail?.pipeline).toEqual(detailAt("waiting").pipeline);
    expect(runs.detail).toHaveBeenCalledTimes(1);
    // A poll with nothing new for the run leaves its detail as it is (no re-render).
    const shown = store.getState().runsSelected?.detail;
    emit("runs.updated", updateAt("final"));
    expect(store.getState().runsSelected?.detail).toBe(shown);
    runs.detail.mockResolvedValueOnce(fail("network", "Could not reach AWS: ECONNRESET") as never);
    await store.getState().runSelected(RUN_ID);
    expect(store.getState().runsSelected?.error?.message).toBe("Could not reach AWS: ECONNRESET");
    expect(store.getState().runsSelected?.detail?.execution.status).toBe("Succeeded");
  });

  it("records attention events for notifications", async () => {
    const { store, emit } = setup();
    await store.getState().runsWatchRequested();
    emit("runs.attention", {
      pipelineName: "gate",
      kind: "approval",
      pipelineExecutionId: RUN_ID,
      stageName: "Approve",
      actionName: "Review",
      message: "Approve/Review is waiting for approval",
    });
    expect(store.getState().runsAttention).toHaveLength(1);
  });

  it("describes every control in words and merges runs newest first", () => {
    expect(
      describeControl({ kind: "stop", pipelineExecutionId: "r1", abandon: false, reason: "" }, "p"),
    ).toBe("Stop run r1? In-progress actions finish first.");
    expect(
      describeControl(
        { kind: "retry", stageName: "Build", pipelineExecutionId: "r1", retryMode: "ALL_ACTIONS" },
        "p",
      ),
    ).toBe("Retry stage Build of run r1 (all actions)?");
    expect(
      describeControl(
        {
          kind: "start",
          variables: [{ name: "ENV", value: "prod" }],
          sourceRevisions: [{ actionName: "Src", revisionType: "COMMIT_ID", revisionValue: "abc" }],
        },
        "p",
      ),
    ).toBe("Release a change: start a new run of p with ENV=prod at Src@abc?");
    expect(
      describeControl(
        { kind: "transition", stageName: "Deploy", transitionType: "Inbound", enabled: false, reason: "x" },
        "p",
      ),
    ).toBe("Disable the transition into Deploy?");
    expect(
      describeControl({ kind: "rollback", stageName: "Deploy", targetPipelineExecutionId: "r0" }, "p"),
    ).toBe("Roll back Deploy to run r0?");
    const merged = mergeRuns(
      [{ pipelineExecutionId: "b", status: "Succeeded", startTime: "2026-01-02T00:00:00Z" }],
      [
        { pipelineExecutionId: "a", status: "Failed", startTime: "2026-01-01T00:00:00Z" },
        { pipelineExecutionId: "b", status: "InProgress", startTime: "2026-01-02T00:00:00Z" },
      ],
    );
    expect(merged.map((r) => `${r.pipelineExecutionId}:${r.status}`)).toEqual(["b:Succeeded", "a:Failed"]);
  });
});
