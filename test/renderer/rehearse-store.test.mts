import { describe, expect, it, vi } from "vitest";
import { createAppStore } from "../../renderer/store";
import { selectRehearsalProblems } from "../../renderer/store/rehearse-problems";
import { startRehearsals } from "../../renderer/store/rehearse-runner";
import { fakeApi, opened } from "./support/fake-api";

function setup(path: string | null = null) {
  const { api, client } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  store.getState().documentLoaded(opened({ path, dirty: path === null }));
  return { api, store, s: () => store.getState() };
}

describe("rehearse slice", () => {
  it("rehearse mode on an unsaved document: a first rehearsal needs no setup", async () => {
    const { api, s } = setup();
    await s().rehearseModeToggled();
    expect(s().rehearseMode).toBe(true);
    expect(api.rehearse.listWhatIfs).not.toHaveBeenCalled();
    expect(api.rehearse.run).toHaveBeenCalledWith({ pipeline: s().doc?.document.pipeline, whatIf: {} });
    const active = s().whatIfs[0];
    expect(active?.outcome).toMatchObject({ kind: "ran", result: { status: "Succeeded" } });
    expect(s().playbackStep).toBe(4);
  });

  it("a mark on an action edits the active what-if and rehearses it again", async () => {
    const { api, s } = setup();
    await s().actionMarked("Approve", "Approve", { outcome: "fail", errorMessage: "Rejected: no" });
    expect(s().whatIfs[0]?.whatIf).toEqual({
      rules: [{ stage: "Approve", action: "Approve", outcome: "fail", errorMessage: "Rejected: no" }],
    });
    expect(s().whatIfs[0]?.saved).toBe(false);
    expect(api.rehearse.run).toHaveBeenLastCalledWith({
      pipeline: s().doc?.document.pipeline,
      whatIf: s().whatIfs[0]?.whatIf,
    });
    expect(s().whatIfs[0]?.outcome).toMatchObject({ result: { status: "Failed" } });
  });

  it("keeping the outcome as the expectation; an edit that breaks it is a problem", async () => {
    const { s } = setup();
    await s().rehearsalRequested();
    await s().expectationsCaptured();
    expect(s().whatIfs[0]?.whatIf.expect).toEqual({
      status: "Succeeded",
      stages: [
        { name: "Source", status: "Succeeded", rolledBack: false },
        { name: "Approve", status: "Succeeded", rolledBack: false },
      ],
    });
    expect(selectRehearsalProblems(s())).toEqual([]);
    await s().actionMarked("Approve", "Approve", { outcome: "fail" });
    expect(selectRehearsalProblems(s())).toEqual([
      {
        code: "what-if-expectation",
        severity: "warning",
        path: [],
        message:
          "What-if what-if-1: expected run status = Succeeded, but the rehearsal gave run status = Failed",
      },
    ]);
  });

  it("saves what-ifs beside the document's file, and asks for a save first when it has none", async () => {
    const unsaved = setup();
    await unsaved.s().whatIfSaveRequested();
    expect(unsaved.s().notice).toBe("Save the pipeline first: what-ifs are kept beside its file.");
    const { api, s } = setup("/work/web.json");
    await s().whatIfsLoadRequested();
    expect(api.rehearse.listWhatIfs).toHaveBeenCalledWith({ documentPath: "/work/web.json" });
    await s().actionMarked("Source", "Source", { outcome: "succeed", minutes: 2 });
    await s().whatIfSaveRequested();
    expect(api.rehearse.saveWhatIf).toHaveBeenCalledWith({
      documentPath: "/work/web.json",
      name: "what-if-1",
      whatIf: { rules: [{ stage: "Source", action: "Source", outcome: "succeed", durationSeconds: 120 }] },
    });
    expect(s().whatIfs[0]?.saved).toBe(true);
  });

  it("loads the what-ifs saved beside a document when it opens, and re-runs them after an edit", async () => {
    const { api, client } = fakeApi();
    api.rehearse.listWhatIfs.mockResolvedValue({
      ok: true,
      value: [
        {
          name: "approval-rejected",
          path: "/w/web.whatif.approval-rejected.json",
          whatIf: { rules: [{ outcome: "fail" }], expect: { status: "Failed" } },
        },
        {
          name: "broken",
          path: "/w/web.whatif.broken.json",
          problem: "not valid JSON: /w/web.whatif.broken.json",
        },
      ],
    });
    const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
    const stop = startRehearsals(store, 0);
    store.getState().documentLoaded(opened({ path: "/w/web.json", dirty: false }));
    const s = () => store.getState();
    await vi.waitFor(() => expect(s().whatIfs[0]?.outcome).not.toBeNull());
    expect(s().whatIfs.map((w) => [w.name, w.saved, w.problem])).toEqual([
      ["approval-rejected", true, null],
      ["broken", false, "not valid JSON: /w/web.whatif.broken.json"],
    ]);
    expect(selectRehearsalProblems(s()).map((d) => d.code)).toEqual(["what-if-unreadable"]);
    const runs = api.rehearse.run.mock.calls.length;
    s().pipelineRenamed("web-2");
    await vi.waitFor(() => expect(api.rehearse.run.mock.calls.length).toBe(runs + 1));
    stop();
  });

  it("steps and plays the path", async () => {
    const { s } = setup();
    await s().rehearsalRequested();
    s().playbackStepped(-5);
    expect(s().playbackStep).toBe(-1);
    s().playbackStepped(0);
    expect(s().playbackStep).toBe(0);
    s().playbackStepped(4);
    s().playbackToggled();
    expect(s()).toMatchObject({ playing: true, playbackStep: -1 });
  });
});
