// @vitest-environment jsdom
/**
 * The Fleet view and notifications in the app frame, over the store and a fake main: rows in the
 * order main sends them, filters, a row's metrics, opening a pipeline from its row and from a
 * notification (which marks it read and opens the run's approval), and the notification choices.
 * The real fleet (sandbox, budget, order) is in test/e2e/fleet.e2e.test.ts and test/main/fleet.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ok, type NotificationList } from "../../shared/ipc";
import type { FleetRow, FleetSnapshot } from "../../shared/fleet/fleet-rows";
import type { NotificationItem } from "../../shared/fleet/notifications";
import { App } from "../../renderer/App";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { selectRunsOpen } from "../../renderer/store/runs-slice";
import { emptyFleet, fakeApi, opened, sampleDocument } from "./support/fake-api";

afterEach(cleanup);

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

function row(name: string, profile: string, region: string, status: string | null, approvals = 0): FleetRow {
  return {
    key: JSON.stringify([profile, region, name]),
    laneKey: JSON.stringify([profile, region]),
    profile,
    account: profile === "prod" ? "111111111111" : "222222222222",
    region,
    connection: { kind: "aws", profile, region },
    name,
    pipelineType: "V2",
    executionMode: "QUEUED",
    latestStatus: status,
    latestExecutionId: `${name}-run`,
    latestStartTime: "2026-01-01T00:00:00Z",
    latestEndTime: null,
    stagesDone: 1,
    stagesTotal: 2,
    pendingApprovals: approvals,
    approvals: approvals
      ? [{ pipelineExecutionId: `${name}-run`, stageName: "Approve", actionName: "Approve", since: null }]
      : [],
    error: null,
    polledAt: 1,
  };
}

const SNAPSHOT: FleetSnapshot = {
  ...emptyFleet(),
  rows: [
    row("web", "prod", "eu-west-1", "Failed"),
    row("sample", "prod", "eu-west-1", "InProgress", 1),
    row("tool", "dev", "us-west-2", "Succeeded"),
  ],
  lanes: [
    {
      key: "l1",
      profile: "prod",
      region: "eu-west-1",
      account: "111111111111",
      status: "ok",
      error: null,
      duplicateOf: null,
      pipelines: 2,
      callsPerSecond: 1,
      calls: 7,
      pausedUntil: null,
    },
    {
      key: "l2",
      profile: "dev",
      region: "us-west-2",
      account: null,
      status: "error",
      error: { code: "expired-sso-token", message: "The SSO session has expired" },
      duplicateOf: null,
      pipelines: 0,
      callsPerSecond: 0.5,
      calls: 1,
      pausedUntil: null,
    },
  ],
};

async function renderApp() {
  const { api, client, emit } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(App, { api: client })));
  await waitFor(() => expect(store.getState().templates).toHaveLength(1));
  return { api, store, emit };
}

const names = () =>
  within(screen.getByRole("table", { name: "Pipelines of the fleet" }))
    .getAllByRole("row")
    .slice(1)
    .map((r) => r.querySelector("th")?.textContent);

describe("the Fleet view", () => {
  it("lists the fleet in main's order, filters it, shows a profile's problem and a row's metrics", async () => {
    const { api, emit } = await renderApp();
    fireEvent.click(screen.getByRole("button", { name: "Fleet" }));
    await waitFor(() => expect(api.fleet.start).toHaveBeenCalledWith({ callsPerSecond: 1 }));
    act(() => emit("fleet.updated", SNAPSHOT));
    expect(names()).toEqual(["web", "sample", "tool"]);
    expect(screen.getByRole("status", { name: "Fleet summary" }).textContent).toBe(
      "3 pipelines · 1 failed · 1 waiting for approval",
    );
    expect(screen.getByRole("list", { name: "Accounts and regions" }).textContent).toContain(
      "dev · us-west-2: The SSO session has expired",
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Profile" }), { target: { value: "dev" } });
    expect(names()).toEqual(["tool"]);
    fireEvent.change(screen.getByRole("combobox", { name: "Profile" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter by text" }), { target: { value: "SAMP" } });
    expect(names()).toEqual(["sample"]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter by text" }), { target: { value: "" } });

    fireEvent.click(screen.getByText("tool"));
    await waitFor(() =>
      expect(api.metrics.pipeline).toHaveBeenCalledWith({
        connection: { kind: "aws", profile: "dev", region: "us-west-2" },
        pipelineName: "tool",
        since: "30d",
      }),
    );
    const metrics = screen.getByRole("complementary", { name: "Delivery metrics of tool" });
    await waitFor(() => expect(metrics.textContent).toContain("No such pipeline"));
  });

  it("opens a pipeline of a row in the designer, on its connection, with its runs", async () => {
    const { api, store, emit } = await renderApp();
    fireEvent.click(screen.getByRole("button", { name: "Fleet" }));
    act(() => emit("fleet.updated", SNAPSHOT));
    api.aws.openPipeline.mockResolvedValueOnce(ok(opened({ document: sampleDocument("web") })));
    fireEvent.click(screen.getByRole("button", { name: "Open web (prod, eu-west-1)" }));
    await waitFor(() => expect(selectRunsOpen(store.getState())).toBe(true));
    expect(api.aws.openPipeline).toHaveBeenCalledWith({
      connection: { kind: "aws", profile: "prod", region: "eu-west-1" },
      name: "web",
    });
    expect(screen.queryByRole("region", { name: "Fleet" })).toBeNull();
    expect(store.getState().runsWatch?.pipelineName).toBe("web");
  });

  it("lists a raised notification once; opening it marks it read and opens the approval's run", async () => {
    const { api, store, emit } = await renderApp();
    const item: NotificationItem = {
      id: "00000000-0000-4000-8000-000000000001",
      kind: "approval",
      title: "sample: waiting for your approval",
      body: "Approve/Approve in prod in eu-west-1 waits for Approve or Reject.",
      createdAt: Date.parse("2026-01-01T00:00:00Z"),
      read: false,
      target: {
        pipeline: SNAPSHOT.rows[1]!.key,
        profile: "prod",
        account: "111111111111",
        region: "eu-west-1",
        pipelineName: "sample",
        connection: { kind: "aws", profile: "prod", region: "eu-west-1" },
        pipelineExecutionId: "sample-run",
        stageName: "Approve",
        actionName: "Approve",
      },
    };
    await waitFor(() => expect(api.notifications.list).toHaveBeenCalled());
    act(() => emit("notifications.raised", { item, popup: false }));
    act(() => emit("notifications.raised", { item, popup: false }));
    const bell = screen.getByRole("button", { name: "Notifications, 1 unread" });
    fireEvent.click(bell);
    const list = screen.getByRole("region", { name: "Notifications" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    api.notifications.markRead.mockResolvedValueOnce(
      ok<NotificationList>({ items: [{ ...item, read: true }], unread: 0 }),
    );
    api.aws.openPipeline.mockResolvedValueOnce(ok(opened({ document: sampleDocument("sample") })));
    fireEvent.click(within(list).getByRole("button", { name: "Review approval" }));
    await waitFor(() => expect(store.getState().runsSelectedAction).toEqual({ stageName: "Approve", actionName: "Approve" }));
    expect(api.notifications.markRead).toHaveBeenCalledWith({ ids: [item.id] });
    expect(store.getState().runsSelected?.id).toBe("sample-run");
    expect(screen.getByRole("button", { name: "Notifications, 0 unread" })).toBeTruthy();
  });

  it("keeps the user's choice of notifications, fleet-wide and per pipeline", async () => {
    const { api, emit } = await renderApp();
    fireEvent.click(screen.getByRole("button", { name: /^Notifications/ }));
    await screen.findByText("Which notifications");
    fireEvent.click(screen.getByRole("checkbox", { name: "Succeeds after a failure" }));
    await waitFor(() =>
      expect(api.notifications.updateSettings).toHaveBeenLastCalledWith({
        events: { approval: true, failed: true, recovered: false },
      }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Fleet" }));
    act(() => emit("fleet.updated", SNAPSHOT));
    fireEvent.click(screen.getByText("web"));
    const metrics = await screen.findByRole("complementary", { name: "Delivery metrics of web" });
    fireEvent.click(within(metrics).getByRole("checkbox", { name: "fails" }));
    await waitFor(() =>
      expect(api.notifications.updateSettings).toHaveBeenLastCalledWith({
        pipelines: [{ pipeline: SNAPSHOT.rows[0]!.key, events: { failed: false } }],
      }),
    );
  });
});
