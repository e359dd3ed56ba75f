// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReactFlowProvider } from "@xyflow/react";
import { RunProgressPanel } from "../../renderer/canvas/RunProgressPanel";
import { RunStatusBadge } from "../../renderer/canvas/RunStatusBadge";
import { RunsControls } from "./support/harness";
import { createAppStore, StoreProvider, type ConfirmRequest } from "../../renderer/store";
import { fakeApi, opened, sampleDocument } from "./support/fake-api";
import { detailAt, RUN_ID, runsApi, updateAt } from "./support/runs-api";
import { toEpochMs } from "../../shared/execution";
import { ok } from "../../shared/ipc/result";
import type { RunDetail } from "../../shared/ipc/runs-channels";
import { inputFor, load, runId, snapshot, summaries } from "../shared/execution/recorded";

afterEach(cleanup);

function setup(children: ReturnType<typeof createElement>[]) {
  const { api, client, emit } = fakeApi();
  const runs = runsApi();
  Object.assign(api, { runs });
  const confirm = vi.fn((_: ConfirmRequest) => true);
  const store = createAppStore({ api: client, confirm, newId: () => "rid" });
  store.getState().documentLoaded(opened({ document: sampleDocument("gate") }));
  render(createElement(StoreProvider, { store }, ...children));
  return { api, runs, store, emit, confirm };
}

/** The runs tab and its toggle (in the bottom panel and the toolbar in the app). */
const drawerAndToggle = () => [createElement(RunsControls, { key: "r" })];

describe("run status on the canvas", () => {
  it("shows nothing until runs are watched, then status as icon and text, the revision and a disabled transition", async () => {
    const { api, store, emit } = setup([
      createElement(RunStatusBadge, { key: "s", stageName: "Approve" }),
      createElement(RunStatusBadge, { key: "d", stageName: "Deploy" }),
      createElement(RunStatusBadge, { key: "a", stageName: "Build", actionName: "Compile", selected: true }),
    ]);
    expect(screen.queryAllByRole("status")).toHaveLength(0);
    await store.getState().runsWatchRequested();
    const waiting = updateAt("waiting");
    const stages = waiting.state?.stageStates ?? [];
    const failedCompile = {
      ...waiting,
      state: {
        ...waiting.state,
        stageStates: stages.map((stage) =>
          stage.stageName === "Build"
            ? {
                ...stage,
                actionStates: [
                  {
                    actionName: "Compile",
                    latestExecution: {
                      status: "Failed",
                      errorDetails: { code: "JobFailed", message: "3 tests failed" },
                    },
                  },
                ],
              }
            : stage.stageName === "Deploy"
              ? { ...stage, inboundTransitionState: { enabled: false, disabledReason: "freeze" } }
              : stage,
        ),
      },
    };
    emit("runs.updated", failedCompile);
    const approve = await screen.findByRole("status", {
      name: "Latest run of stage Approve: Waiting for approval",
    });
    expect(approve.querySelector("svg")?.getAttribute("class")).toContain("circle-pause");
    expect(screen.getAllByLabelText(/^Source revision [0-9a-f]{7}$/)).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Open revision f06f356" }));
    expect(api.app.openExternal).toHaveBeenCalledWith({
      url: expect.stringMatching(/^https:\/\/console\.aws\.amazon\.com\/codesuite\/codecommit\/.*f06f3561/),
    });
    expect(screen.getByRole("img", { name: "Transition into Deploy disabled: freeze" })).toBeTruthy();
    const failed = screen.getByRole("status", { name: "Latest run of Compile: Failed" });
    expect(failed.querySelector("svg")?.getAttribute("class")).toContain("octagon-x");
    expect(screen.getByText("3 tests failed")).toBeTruthy();
  });
});

describe("showing where a run failed", () => {
  it("selects the failed action from the progress panel, or the stage an entry check kept the run out of", async () => {
    const { store, emit } = setup([
      createElement(ReactFlowProvider, { key: "p", children: createElement(RunProgressPanel) }),
    ]);
    await store.getState().runsWatchRequested();
    const run = { pipelineExecutionId: RUN_ID, status: "Failed" };
    const state = (approve: object) => ({
      ...updateAt("final"),
      state: {
        pipelineName: "gate",
        stageStates: [
          { stageName: "Source", latestExecution: { pipelineExecutionId: RUN_ID, status: "Succeeded" } },
          { stageName: "Approve", latestExecution: run, ...approve },
        ],
      },
    });
    emit(
      "runs.updated",
      state({ actionStates: [{ actionName: "Approve", latestExecution: { status: "Failed" } }] }),
    );
    fireEvent.click(await screen.findByRole("button", { name: "Show the failure" }));
    expect(store.getState().selection).toEqual({ kind: "actions", stage: 1, actions: [0] });
    expect(store.getState().reveal?.nodeId).toBeTruthy();

    store.getState().selectionChanged({ kind: "pipeline" });
    emit("runs.updated", state({ beforeEntryConditionState: { latestExecution: { status: "Failed" } } }));
    await waitFor(() =>
      expect(screen.getByRole("status", { name: "Run progress" }).textContent).toContain("failed in Approve"),
    );
    fireEvent.click(screen.getByRole("button", { name: "Show the failure" }));
    expect(store.getState().selection).toEqual({ kind: "stage", stage: 1 });
  });
});

describe("stage condition checks on the canvas", () => {
  it("shows each checked hook with its outcome, and the failing rule and why in its name", async () => {
    const { store, emit } = setup([createElement(RunStatusBadge, { key: "d", stageName: "Deploy" })]);
    await store.getState().runsWatchRequested();
    const final = updateAt("final");
    const failedEntry = {
      latestExecution: { status: "Failed", summary: "Entry conditions were not met" },
      conditionStates: [
        {
          latestExecution: { status: "Failed", summary: "A rule failed" },
          ruleStates: [
            { ruleName: "Window", latestExecution: { status: "Succeeded", summary: "Inside the window" } },
            {
              ruleName: "ProdOnly",
              latestExecution: {
                status: "Failed",
                errorDetails: { code: "JobFailed", message: "TARGET is dev" },
              },
            },
          ],
        },
      ],
    };
    const passedSuccess = { latestExecution: { status: "Succeeded" }, conditionStates: [] };
    emit("runs.updated", {
      ...final,
      state: {
        ...final.state,
        stageStates: (final.state?.stageStates ?? []).map((stage) =>
          stage.stageName === "Deploy"
            ? { ...stage, beforeEntryConditionState: failedEntry, onSuccessConditionState: passedSuccess }
            : stage,
        ),
      },
    });
    const entry = await screen.findByRole("img", {
      name: "Entry conditions of Deploy: Failed (ProdOnly: TARGET is dev)",
    });
    expect(entry.textContent?.trim()).toBe("Entry check");
    expect(entry.querySelector("svg")?.getAttribute("class")).toContain("octagon-x");
    const success = screen.getByRole("img", { name: "Success conditions of Deploy: Succeeded" });
    expect(success.textContent?.trim()).toBe("Success check");
    expect(success.querySelector("svg")?.getAttribute("class")).toContain("circle-check");
  });
});

describe("run progress on the canvas", () => {
  it("appears once runs are watched and tells how far the latest run got, and where it waits", async () => {
    const { store, emit } = setup([
      createElement(ReactFlowProvider, { key: "p", children: createElement(RunProgressPanel) }),
    ]);
    expect(screen.queryByRole("status", { name: "Run progress" })).toBeNull();
    await store.getState().runsWatchRequested();
    emit("runs.updated", updateAt("waiting"));
    const waiting = await screen.findByRole("status", { name: "Run progress" });
    expect(waiting.textContent).toBe(
      `Waiting for approval · 2 of 4 stages done · waiting for approval in Approve${RUN_ID.slice(0, 8)}`,
    );
    // The run id is a link to the run.
    expect(within(waiting).getByRole("button", { name: `Run ${RUN_ID}` })).toBeTruthy();
    emit("runs.updated", updateAt("final"));
    await waitFor(() =>
      expect(screen.getByRole("status", { name: "Run progress" }).textContent).toBe(
        `Succeeded · 4 of 4 stages done${RUN_ID.slice(0, 8)}`,
      ),
    );
  });
});

describe("runs drawer", () => {
  it("lists runs, opens a timeline with a bar per action and exact times on hover, and shows an action's details", async () => {
    const { runs, emit } = setup(drawerAndToggle());
    fireEvent.click(screen.getByRole("button", { name: "Runs" }));
    const drawer = await screen.findByRole("region", { name: "Runs" });
    await waitFor(() => expect(runs.watch).toHaveBeenCalled());
    emit("runs.updated", updateAt("final"));
    await within(drawer).findByText("4 of 4 stages done");
    const grid = within(drawer).getByRole("grid", { name: "Runs" });
    fireEvent.click(within(grid).getByRole("button", { name: `Open run ${RUN_ID}: Succeeded` }));
    const timeline = await within(drawer).findByRole("grid", { name: `Timeline of run ${RUN_ID}` });
    const bars = within(timeline).getAllByTestId("timeline-bar");
    expect(bars).toHaveLength(4);
    const review = within(timeline).getByRole("img", { name: /^Approve\/Review: Succeeded, 28m 56s$/ });
    expect(review.className).toContain("is-approval");
    expect(review.getAttribute("title")).toMatch(/Started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\nEnded /);
    fireEvent.click(within(timeline).getByRole("button", { name: /^Details of Approve\/Review/ }));
    const details = await within(drawer).findByRole("region", { name: "Action Approve/Review" });
    expect(within(details).getByText(/^Summary: /)).toBeTruthy();
    // The toggle is pressed while the tab shows, and hides it.
    const toggle = screen.getByRole("button", { name: "Runs" });
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(toggle);
    expect(screen.queryByRole("region", { name: "Runs" })).toBeNull();
  });

  it("reviews a waiting approval in its dialog (custom data, review link, comment) and shows the result", async () => {
    const { runs, emit, confirm, store } = setup(drawerAndToggle());
    const doc = store.getState().doc!;
    const approval = doc.document.pipeline.stages[1]!.actions[0]!;
    approval.configuration = {
      CustomData: "Check the staging site",
      ExternalEntityLink: "https://example.com/pr/7",
    };
    fireEvent.click(screen.getByRole("button", { name: "Runs" }));
    await waitFor(() => expect(runs.watch).toHaveBeenCalled());
    emit("runs.updated", updateAt("waiting"));
    fireEvent.click(await screen.findByRole("button", { name: "Review Review" }));
    const dialog = await screen.findByRole("dialog", { name: "Review Approve/Review" });
    // The approval as configured for the run that waits (its custom data), read from the run.
    await waitFor(() => expect(store.getState().approvalExecution.loading).toBe(false));
    expect(runs.detail).toHaveBeenCalledWith(expect.objectContaining({ pipelineExecutionId: RUN_ID }));
    expect(within(dialog).getByText("Check the staging site")).toBeTruthy();
    expect(within(dialog).getByText("None configured (ExternalEntityLink)")).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText("Comment"), { target: { value: "ship it" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Approve" }));
    await screen.findByText("Approved Approve/Review");
    // The dialog was the question: nothing asks again.
    expect(confirm).not.toHaveBeenCalled();
    expect(runs.approve).toHaveBeenCalledWith(
      expect.objectContaining({ status: "Approved", summary: "ship it" }),
    );
    expect(screen.getByRole("button", { name: "Stop…" })).toBeTruthy();
  });

  it("shows a poll error (a deleted pipeline) without losing what it showed", async () => {
    const { runs, emit } = setup(drawerAndToggle());
    fireEvent.click(screen.getByRole("button", { name: "Runs" }));
    await waitFor(() => expect(runs.watch).toHaveBeenCalled());
    emit("runs.updated", updateAt("final"));
    emit("runs.updated", {
      ...updateAt("final"),
      error: {
        code: "pipeline-not-found",
        message: "The pipeline does not exist (it may have been deleted): gate",
      },
    });
    await screen.findByText(/it may have been deleted/);
    expect(screen.getByText("4 of 4 stages done")).toBeTruthy();
  });
});

describe("run controls for stage conditions", () => {
  it("offers to override an entry check in progress, and no retry for a stage its entry check failed", async () => {
    const { runs, emit, confirm } = setup(drawerAndToggle());
    fireEvent.click(screen.getByRole("button", { name: "Runs" }));
    await waitFor(() => expect(runs.watch).toHaveBeenCalled());
    const final = updateAt("final");
    const withDeploy = (deploy: object) => ({
      ...final,
      state: {
        ...final.state,
        stageStates: (final.state?.stageStates ?? []).map((stage) =>
          stage.stageName === "Deploy" ? { ...stage, ...deploy } : stage,
        ),
      },
    });
    emit(
      "runs.updated",
      withDeploy({
        latestExecution: { pipelineExecutionId: RUN_ID, status: "InProgress" },
        beforeEntryConditionState: { latestExecution: { status: "InProgress" } },
      }),
    );
    fireEvent.click(await screen.findByRole("button", { name: "Override entry conditions of Deploy" }));
    await screen.findByText("Overrode the entry conditions of Deploy");
    expect(confirm).toHaveBeenCalledWith(
      expect.objectContaining({
        message: `Override the entry conditions of Deploy for run ${RUN_ID}? The run goes on as if they had passed.`,
      }),
    );
    expect(runs.override).toHaveBeenCalledWith(
      expect.objectContaining({
        stageName: "Deploy",
        pipelineExecutionId: RUN_ID,
        conditionType: "BEFORE_ENTRY",
      }),
    );

    emit(
      "runs.updated",
      withDeploy({
        latestExecution: { pipelineExecutionId: RUN_ID, status: "Failed" },
        beforeEntryConditionState: { latestExecution: { status: "Failed" } },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Override entry conditions of Deploy" })).toBeNull(),
    );
    expect(screen.queryByRole("button", { name: "Retry failed actions of Deploy" })).toBeNull();
    // A stage that failed in its actions is still offered a retry.
    emit("runs.updated", withDeploy({ latestExecution: { pipelineExecutionId: RUN_ID, status: "Failed" } }));
    await screen.findByRole("button", { name: "Retry failed actions of Deploy" });
  });
});

describe("condition rules on the timeline", () => {
  it("draws a row per rule of a stage's conditions, with a bar per evaluation", async () => {
    const { runs, emit } = setup(drawerAndToggle());
    const base = detailAt("final");
    const approveStart = base.actionExecutions.find((a) => a.stageName === "Approve")?.startTime;
    const before = new Date((toEpochMs(approveStart) ?? 0) - 30_000);
    runs.detail.mockImplementation((async () =>
      ok<RunDetail>({
        ...base,
        ruleExecutions: [
          {
            stageName: "Approve",
            ruleName: "BusinessHours",
            ruleExecutionId: "r1",
            status: "Succeeded",
            startTime: before.toISOString(),
            lastUpdateTime: new Date(before.getTime() + 20_000).toISOString(),
            input: { ruleTypeId: { provider: "DeploymentWindow" } },
          },
        ],
      })) as unknown as typeof runs.detail);
    fireEvent.click(screen.getByRole("button", { name: "Runs" }));
    await waitFor(() => expect(runs.watch).toHaveBeenCalled());
    emit("runs.updated", updateAt("final"));
    const drawer = await screen.findByRole("region", { name: "Runs" });
    fireEvent.click(await within(drawer).findByRole("button", { name: `Open run ${RUN_ID}: Succeeded` }));
    const timeline = await within(drawer).findByRole("grid", { name: `Timeline of run ${RUN_ID}` });
    const stage = within(timeline).getByRole("rowgroup", { name: "Stage Approve" });
    const bar = within(stage).getByRole("img", { name: "Approve condition BusinessHours: Succeeded, 20s" });
    expect(bar.getAttribute("title")).toMatch(/Started .*\nEnded /);
    // Actions keep their own bars; the rule's is not counted as one.
    expect(within(timeline).getAllByTestId("timeline-bar")).toHaveLength(4);
  });
});

describe("comparing two runs", () => {
  it("puts durations, source revisions and the definition change between their versions side by side", async () => {
    const recorded = load("structure-changed");
    const snap = snapshot(recorded, "final");
    const [oldId, newId] = [runId(recorded, "old"), runId(recorded, "new")];
    const current = snap.getPipeline.pipeline;
    const older = {
      ...current,
      version: (current.version ?? 2) - 1,
      stages: [
        ...current.stages.slice(0, 2),
        { name: "Test", actions: [{ ...current.stages[1]!.actions[0]!, name: "UnitTests" }] },
        ...current.stages.slice(2),
      ],
    };
    const { runs, emit } = setup(drawerAndToggle());
    runs.list.mockImplementation(async () => ok({ summaries: summaries(snap), nextToken: null }));
    runs.detail.mockImplementation((async ({ pipelineExecutionId }: { pipelineExecutionId: string }) =>
      ok<RunDetail>({
        ...(inputFor(snap, pipelineExecutionId) as RunDetail),
        definition: pipelineExecutionId === oldId ? older : current,
      })) as unknown as typeof runs.detail);
    fireEvent.click(screen.getByRole("button", { name: "Runs" }));
    await waitFor(() => expect(runs.watch).toHaveBeenCalled());
    emit("runs.updated", { ...updateAt("final"), runs: summaries(snap), state: snap.getPipelineState });
    const drawer = await screen.findByRole("region", { name: "Runs" });
    fireEvent.click(await within(drawer).findByRole("checkbox", { name: `Pick run ${newId} to compare` }));
    const compare = within(drawer).getByRole("button", { name: "Compare 1 of 2" }) as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    fireEvent.click(within(drawer).getByRole("checkbox", { name: `Pick run ${oldId} to compare` }));
    fireEvent.click(within(drawer).getByRole("button", { name: "Compare 2 of 2" }));
    const table = await within(drawer).findByRole("table", { name: "Compare runs" });
    expect(within(table).getByRole("rowheader", { name: "Whole run" })).toBeTruthy();
    // The old run's Test stage has no counterpart in the new one.
    const testRow = within(table)
      .getAllByRole("row")
      .find((r) => r.textContent?.startsWith("Test/"));
    expect(testRow?.textContent).toMatch(/^Test\/\S+–\d/);
    const revisions = within(drawer).getByRole("table", { name: "Source revisions compared" });
    expect(within(revisions).getAllByRole("row")).toHaveLength(2);
    const change = within(drawer).getByRole("region", {
      name: `Pipeline version ${older.version} → ${current.version}`,
    });
    expect(change.textContent).toContain("Test");
  });
});
