import { describe, expect, it, vi } from "vitest";

const shown: { title: string; body: string }[] = [];
let supported = true;
vi.mock("electron", () => ({
  Notification: class {
    static isSupported() {
      return supported;
    }
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      shown.push(this.options);
    }
  },
}));

const { showRunNotification } = await import("../../../main/app/run-notification");

describe("run notifications in the desktop app", () => {
  it("tells about a failed run and a waiting approval, and stays quiet where notifications are unsupported", () => {
    const base = { pipelineName: "web", pipelineExecutionId: "r1", stageName: null, actionName: null };
    showRunNotification({ ...base, kind: "failed", message: "Run r1 failed: tests" });
    showRunNotification({ ...base, kind: "approval", message: "Approve/Review is waiting for approval" });
    supported = false;
    showRunNotification({ ...base, kind: "failed", message: "not shown" });
    expect(shown).toEqual([
      { title: "web: a run failed", body: "Run r1 failed: tests" },
      { title: "web: an approval is waiting", body: "Approve/Review is waiting for approval" },
    ]);
  });
});
