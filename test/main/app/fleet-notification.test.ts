import { describe, expect, it, vi } from "vitest";
import type { NotificationItem } from "../../../shared/fleet/notifications";

// Electron cannot run here: its Notification is replaced by one that records and can be clicked.
const shown: { title: string; body: string; click(): void }[] = [];
vi.mock("electron", () => ({
  Notification: class {
    static isSupported() {
      return true;
    }
    private onClick: () => void = () => undefined;
    constructor(private readonly options: { title: string; body: string }) {}
    on(event: string, listener: () => void) {
      if (event === "click") this.onClick = listener;
      return this;
    }
    show() {
      shown.push({ ...this.options, click: () => this.onClick() });
    }
  },
}));

const { showFleetNotification } = await import("../../../main/app/run-notification");

const item: NotificationItem = {
  id: "00000000-0000-4000-8000-000000000002",
  kind: "failed",
  title: "web: a run failed",
  body: "Run r1 in prod in eu-west-1 failed.",
  createdAt: 0,
  read: false,
  target: {
    pipeline: '["prod","eu-west-1","web"]',
    profile: "prod",
    account: null,
    region: "eu-west-1",
    pipelineName: "web",
    connection: { kind: "aws", profile: "prod", region: "eu-west-1" },
    pipelineExecutionId: "r1",
    stageName: null,
    actionName: null,
  },
};

describe("fleet notifications on the desktop", () => {
  it("shows one when the user wants pop-ups, and a click names the notification to open", () => {
    const clicked: string[] = [];
    showFleetNotification({ item, popup: false }, (id) => clicked.push(id));
    expect(shown).toEqual([]);
    showFleetNotification({ item, popup: true }, (id) => clicked.push(id));
    expect(shown.map((s) => [s.title, s.body])).toEqual([["web: a run failed", "Run r1 in prod in eu-west-1 failed."]]);
    shown[0]?.click();
    expect(clicked).toEqual([item.id]);
  });
});
