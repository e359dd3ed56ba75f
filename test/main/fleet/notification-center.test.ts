/**
 * Fleet notifications: what a read of a pipeline tells (an approval waiting, a failure, a success
 * after a failure), each event once — also after a restart, since `notifications.json` records it
 * before it is shown — and only as the user chose, fleet-wide or per pipeline.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiPipelineExecutionSummary } from "../../../shared/execution";
import type { FleetRow } from "../../../shared/fleet/fleet-rows";
import type { NotificationItem } from "../../../shared/fleet/notifications";
import { NotificationCenter } from "../../../main/fleet/notification-center";

const T0 = Date.parse("2026-06-01T12:00:00Z");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-notify-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function row(name: string, approvals: FleetRow["approvals"] = []): FleetRow {
  return {
    key: JSON.stringify(["prod", "eu-west-1", name]),
    laneKey: JSON.stringify(["prod", "eu-west-1"]),
    profile: "prod",
    account: "111111111111",
    region: "eu-west-1",
    connection: { kind: "aws", profile: "prod", region: "eu-west-1" },
    name,
    pipelineType: "V2",
    executionMode: "QUEUED",
    latestStatus: null,
    latestExecutionId: null,
    latestStartTime: null,
    latestEndTime: null,
    stagesDone: null,
    stagesTotal: null,
    pendingApprovals: approvals.length,
    approvals,
    error: null,
    polledAt: T0,
  };
}

const run = (id: string, status: string, endMs: number): ApiPipelineExecutionSummary => ({
  pipelineExecutionId: id,
  status,
  startTime: new Date(endMs - 60_000).toISOString(),
  lastUpdateTime: new Date(endMs).toISOString(),
});

function center(now: { t: number }, shown: { item: NotificationItem; popup: boolean }[], reports: string[] = []) {
  return new NotificationCenter({
    dataDir: dir,
    now: () => now.t,
    deliver: (item, popup) => shown.push({ item, popup }),
    report: (m) => reports.push(m),
  });
}

describe("fleet notifications", () => {
  it("tells an approval, a failure and a recovery once each, also after a restart", async () => {
    const now = { t: T0 };
    const shown: { item: NotificationItem; popup: boolean }[] = [];
    const first = center(now, shown);
    // Before the fleet watched: an old failure tells nothing.
    await first.observe({ row: row("api"), runs: [run("old-fail", "Failed", T0 - 3_600_000)] });
    expect(shown).toEqual([]);

    now.t = T0 + 60_000;
    const gate = { pipelineExecutionId: "r2", stageName: "Approve", actionName: "Review", since: new Date(T0 + 30_000).toISOString() };
    await first.observe({ row: row("api", [gate]), runs: [run("r1", "Failed", T0 + 10_000)] });
    expect(shown.map((s) => [s.item.kind, s.item.title])).toEqual([
      ["approval", "api: waiting for your approval"],
      ["failed", "api: a run failed"],
    ]);
    expect(shown[0]?.item.target).toMatchObject({ pipelineExecutionId: "r2", stageName: "Approve", actionName: "Review" });
    expect(shown.every((s) => s.popup)).toBe(true);
    // The same read again: nothing new.
    await first.observe({ row: row("api", [gate]), runs: [run("r1", "Failed", T0 + 10_000)] });
    expect(shown).toHaveLength(2);

    // A restart: the file remembers what was told.
    const again: { item: NotificationItem; popup: boolean }[] = [];
    const second = center(now, again);
    await second.observe({ row: row("api", [gate]), runs: [run("r1", "Failed", T0 + 10_000)] });
    expect(again).toEqual([]);
    expect((await second.list()).unread).toBe(2);

    // A success after the failure.
    await second.observe({
      row: row("api"),
      runs: [run("r3", "Succeeded", T0 + 120_000), run("r2", "Stopped", T0 + 90_000), run("r1", "Failed", T0 + 10_000)],
    });
    expect(again.map((s) => s.item.kind)).toEqual(["recovered"]);
    const list = await second.markRead([again[0]!.item.id]);
    expect(list.unread).toBe(2);
    expect(list.items.map((i) => i.kind)).toEqual(["recovered", "failed", "approval"]);
  });

  it("tells only what the user chose, fleet-wide or for one pipeline", async () => {
    const now = { t: T0 };
    const shown: { item: NotificationItem; popup: boolean }[] = [];
    const c = center(now, shown);
    await c.observe({ row: row("api"), runs: [] });
    await c.observe({ row: row("web"), runs: [] });
    await c.updateSettings({
      events: { approval: true, failed: false, recovered: true },
      pipelines: [{ pipeline: row("web").key, events: { failed: true } }],
      popups: false,
    });
    now.t = T0 + 60_000;
    await c.observe({ row: row("api"), runs: [run("a1", "Failed", T0 + 30_000)] });
    await c.observe({ row: row("web"), runs: [run("w1", "Failed", T0 + 30_000)] });
    expect(shown.map((s) => [s.item.title, s.popup])).toEqual([["web: a run failed", false]]);
    // Turning failures on later does not bring back the one that was left out.
    await c.updateSettings({ events: { approval: true, failed: true, recovered: true } });
    await c.observe({ row: row("api"), runs: [run("a1", "Failed", T0 + 30_000)] });
    expect(shown).toHaveLength(1);
  });

  it("sets an unreadable file aside, says so, and starts afresh", async () => {
    await writeFile(join(dir, "notifications.json"), "{ not json");
    const reports: string[] = [];
    const c = center({ t: T0 }, [], reports);
    expect(await c.list()).toEqual({ items: [], unread: 0 });
    expect(reports[0]).toMatch(/notification list is not valid JSON; it was set aside/);
    expect((await readdir(dir)).some((f) => f.startsWith("notifications.json.corrupt-"))).toBe(true);
    await c.updateSettings({ popups: false });
    expect(JSON.parse(await readFile(join(dir, "notifications.json"), "utf8"))).toMatchObject({ format: 1, settings: { popups: false } });
  });
});
