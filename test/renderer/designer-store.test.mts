import { describe, expect, it } from "vitest";
import { findActionType, type ActionTypeSpec } from "../../shared/catalog";
import { createAppStore } from "../../renderer/store";
import { COALESCE_WINDOW_MS } from "../../renderer/store/history";
import { parseClipboardText, clipboardText } from "../../renderer/store/selection-events";
import { FIRST_STAGE_SOURCE_ONLY, SOURCE_ONLY_FIRST } from "../../shared/pipeline/placement";
import { selectDiagnostics, selectLayout } from "../../renderer/store/derived";
import { serializeDocument } from "../../shared/formats";
import { fakeApi, opened } from "./support/fake-api";

function spec(category: string, provider: string): ActionTypeSpec {
  const found = findActionType({ category, owner: "AWS", provider, version: "1" });
  if (found === undefined) throw new Error(`no catalog entry for ${provider}`);
  return found;
}
const S3 = spec("Source", "S3");
const CODEBUILD = spec("Build", "CodeBuild");
const ECS = spec("Deploy", "ECS");

/** A store holding the sample (Source: S3 -> Approve: Manual), with a clock the test moves. */
function setup() {
  const { client } = fakeApi();
  let time = 1_000_000;
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid", now: () => time });
  store.getState().documentLoaded(opened({ dirty: false }));
  return {
    store,
    s: () => store.getState(),
    pipeline: () => store.getState().doc!.document.pipeline,
    names: () =>
      store
        .getState()
        .doc!.document.pipeline.stages.map((st) => `${st.name}:${st.actions.map((a) => a.name).join(",")}`),
    tick: (ms: number) => (time += ms),
  };
}

describe("designer store: drops", () => {
  it("adds an action type into a group, as a new group, and between stages, each one undo step with smart defaults", () => {
    const { s, names, pipeline } = setup();
    s().actionTypeDropped(CODEBUILD, { kind: "new-stage", index: 1 });
    expect(names()).toEqual(["Source:Source", "Build:CodeBuild", "Approve:Approve"]);
    // Wired to the nearest upstream output, and selected.
    expect(pipeline().stages[1]?.actions[0]?.inputArtifacts).toEqual([{ name: "Out" }]);
    expect(s().selection).toEqual({ kind: "actions", stage: 1, actions: [0] });
    expect(s().doc?.dirty).toBe(true);

    s().actionTypeDropped(CODEBUILD, { kind: "group", stage: 1, runOrder: 1, mode: "parallel" });
    expect(pipeline().stages[1]?.actions.map((a) => [a.name, a.runOrder])).toEqual([
      ["CodeBuild", 1],
      ["CodeBuild2", 1],
    ]);
    s().actionTypeDropped(ECS, { kind: "group", stage: 1, runOrder: 1, mode: "after" });
    expect(pipeline().stages[1]?.actions.map((a) => a.runOrder)).toEqual([1, 1, 2]);
    expect(s().past).toHaveLength(3);
    s().undoRequested();
    s().undoRequested();
    s().undoRequested();
    expect(names()).toEqual(["Source:Source", "Approve:Approve"]);
  });

  it("refuses a source outside the first stage and another kind into it, explaining why, without an undo step", () => {
    const { s, names } = setup();
    s().actionTypeDropped(S3, { kind: "new-stage", index: 2 });
    expect(s().canvasMessage).toBe(SOURCE_ONLY_FIRST);
    s().actionTypeDropped(CODEBUILD, { kind: "group", stage: 0, runOrder: 1, mode: "parallel" });
    expect(s().canvasMessage).toBe(FIRST_STAGE_SOURCE_ONLY);
    s().actionTypeDropped(CODEBUILD, { kind: "new-stage", index: 0 });
    expect(s().canvasMessage).toBe(FIRST_STAGE_SOURCE_ONLY);
    s().actionDropped({ stage: 0, action: 0 }, { kind: "group", stage: 1, runOrder: 1, mode: "parallel" });
    expect(s().canvasMessage).toBe(SOURCE_ONLY_FIRST);
    expect(names()).toEqual(["Source:Source", "Approve:Approve"]);
    expect(s().past).toHaveLength(0);
    // A source joins the first stage as a parallel action.
    s().actionTypeDropped(S3, { kind: "group", stage: 0, runOrder: 1, mode: "parallel" });
    expect(names()).toEqual(["Source:Source,S3", "Approve:Approve"]);
    expect(s().canvasMessage).toBeNull();
  });

  it("moves an action to another stage and between stages, and a stage by dragging, one step each", () => {
    const { s, names } = setup();
    s().actionTypeDropped(CODEBUILD, { kind: "new-stage", index: 1 });
    s().actionDropped({ stage: 1, action: 0 }, { kind: "group", stage: 2, runOrder: 1, mode: "before" });
    expect(names()).toEqual(["Source:Source", "Build:", "Approve:CodeBuild,Approve"]);
    expect(s().selection).toEqual({ kind: "actions", stage: 2, actions: [0] });
    s().actionDropped({ stage: 2, action: 0 }, { kind: "new-stage", index: 3 });
    expect(names()).toEqual(["Source:Source", "Build:", "Approve:Approve", "Build2:CodeBuild"]);
    s().stageDropped(3, 1);
    expect(names()).toEqual(["Source:Source", "Build2:CodeBuild", "Build:", "Approve:Approve"]);
    s().stageDropped(1, 4);
    expect(names()).toEqual(["Source:Source", "Build:", "Approve:Approve", "Build2:CodeBuild"]);
    expect(s().past).toHaveLength(5);
    s().undoRequested();
    s().undoRequested();
    expect(names()).toEqual(["Source:Source", "Build:", "Approve:Approve", "Build2:CodeBuild"]);
    s().undoRequested();
    expect(names()).toEqual(["Source:Source", "Build:", "Approve:CodeBuild,Approve"]);
    s().redoRequested();
    expect(names()).toEqual(["Source:Source", "Build:", "Approve:Approve", "Build2:CodeBuild"]);
  });

  it("adds an empty stage from the Stage item", () => {
    const { s, names } = setup();
    s().stageItemDropped({ kind: "new-stage", index: 1 });
    expect(names()).toEqual(["Source:Source", "Stage:", "Approve:Approve"]);
    expect(s().selection).toEqual({ kind: "stage", stage: 1 });
  });
});

describe("designer store: keyboard", () => {
  it("adds by Enter at a sensible place: sources first, a new stage for a new kind, a new group for the same kind", () => {
    const { s, names } = setup();
    s().selectionChanged({ kind: "stage", stage: 0 });
    s().actionTypeAdded(CODEBUILD);
    expect(names()).toEqual(["Source:Source", "Build:CodeBuild", "Approve:Approve"]);
    s().actionTypeAdded(CODEBUILD);
    expect(names()).toEqual(["Source:Source", "Build:CodeBuild,CodeBuild2", "Approve:Approve"]);
    s().actionTypeAdded(S3);
    expect(names()).toEqual(["Source:Source,S3", "Build:CodeBuild,CodeBuild2", "Approve:Approve"]);
  });

  it("moves the selected action with Alt+arrows and the selected stage too", () => {
    const { s, names, pipeline } = setup();
    s().actionTypeAdded(CODEBUILD); // a new last stage, selected
    expect(names()).toEqual(["Source:Source", "Approve:Approve", "Build:CodeBuild"]);
    s().selectionMoved("left");
    expect(names()).toEqual(["Source:Source", "Approve:Approve,CodeBuild", "Build:"]);
    expect(pipeline().stages[1]?.actions.map((a) => a.runOrder)).toEqual([undefined, 2]);
    s().selectionMoved("up");
    expect(pipeline().stages[1]?.actions.map((a) => [a.name, a.runOrder])).toEqual([
      ["CodeBuild", 1],
      ["Approve", 2],
    ]);
    s().selectionChanged({ kind: "stage", stage: 2 });
    s().selectionMoved("left");
    expect(names()[1]).toBe("Build:");
    expect(s().selection).toEqual({ kind: "stage", stage: 1 });
  });
});

describe("designer store: history", () => {
  it("coalesces typing into one step within the window and starts a new one after a pause or another field", () => {
    const { s, tick, pipeline } = setup();
    for (const name of ["a", "ab", "abc"]) {
      s().pipelineRenamed(name);
      tick(100);
    }
    expect(s().past).toHaveLength(1);
    tick(COALESCE_WINDOW_MS + 1);
    s().pipelineRenamed("abcd");
    expect(s().past).toHaveLength(2);
    s().documentEdited((p) => ({ ...p, roleArn: "arn:aws:iam::111111111111:role/x" }), {
      coalesce: "pipeline.roleArn",
    });
    expect(s().past).toHaveLength(3);
    s().undoRequested();
    s().undoRequested();
    expect(pipeline().name).toBe("abc");
    s().undoRequested();
    expect(pipeline().name).toBe("sample");
    expect(s().past).toHaveLength(0);
    expect(s().future).toHaveLength(3);
    s().redoRequested();
    expect(pipeline().name).toBe("abc");
  });

  it("a new edit clears redo; undo restores the selection; a no-op records nothing; loading starts a new history", () => {
    const { s, pipeline } = setup();
    s().selectionChanged({ kind: "stage", stage: 1 });
    s().selectionDeleted();
    expect(s().selection).toEqual({ kind: "pipeline" });
    s().undoRequested();
    expect(s().selection).toEqual({ kind: "stage", stage: 1 });
    expect(s().future).toHaveLength(1);
    s().pipelineRenamed("other");
    expect(s().future).toHaveLength(0);
    s().documentEdited((p) => p);
    expect(s().past).toHaveLength(1);
    s().documentLoaded(opened());
    expect(s().past).toHaveLength(0);
    expect(pipeline().name).toBe("sample");
  });
});

describe("designer store: selection commands", () => {
  it("copies, pastes, cuts and duplicates actions and stages", () => {
    const { s, names } = setup();
    s().selectionChanged({ kind: "actions", stage: 1, actions: [0] });
    s().selectionCopied();
    s().clipboardPasted();
    expect(names()).toEqual(["Source:Source", "Approve:Approve,Approve2"]);
    s().selectionDuplicated();
    expect(names()).toEqual(["Source:Source", "Approve:Approve,Approve2,Approve3"]);
    s().selectionCut();
    expect(names()).toEqual(["Source:Source", "Approve:Approve,Approve2"]);
    s().selectionChanged({ kind: "stage", stage: 1 });
    s().selectionDuplicated();
    expect(names()).toEqual(["Source:Source", "Approve:Approve,Approve2", "Approve2:Approve,Approve2"]);
    expect(s().past).toHaveLength(4);
  });

  it("pastes only Pipewright clipboard text: garbage and foreign JSON never touch the document", () => {
    const { s, names } = setup();
    s().selectionChanged({ kind: "stage", stage: 1 });
    s().clipboardPasted("not json at all {");
    s().clipboardPasted('{"pipeline": {"name": "x"}}');
    s().clipboardPasted('{"type": "pipewright/clipboard", "actions": [{"name": 3}]}');
    expect(names()).toEqual(["Source:Source", "Approve:Approve"]);
    expect(s().past).toHaveLength(0);
    expect(s().canvasMessage).toMatch(/Nothing to paste/);
    const text = clipboardText({
      kind: "actions",
      actions: [s().doc!.document.pipeline.stages[1]!.actions[0]!],
    });
    expect(parseClipboardText(text)?.kind).toBe("actions");
    s().clipboardPasted(text);
    expect(names()).toEqual(["Source:Source", "Approve:Approve,Approve2"]);
  });

  it("selects all actions of a stage and deletes them in one step", () => {
    const { s, names } = setup();
    s().selectionChanged({ kind: "actions", stage: 1, actions: [0] });
    s().selectionDuplicated();
    s().stageActionsSelected();
    expect(s().selection).toEqual({ kind: "actions", stage: 1, actions: [0, 1] });
    s().selectionDeleted();
    expect(names()).toEqual(["Source:Source", "Approve:"]);
    s().undoRequested();
    expect(names()).toEqual(["Source:Source", "Approve:Approve,Approve2"]);
  });

  it("reveals a problem: selects the element its path names and asks the canvas to show its node", () => {
    const { s } = setup();
    s().problemRevealed(["pipeline", "stages", 1, "actions", 0, "name"]);
    expect(s().selection).toEqual({ kind: "actions", stage: 1, actions: [0] });
    expect(s().reveal?.nodeId).toBe("action:Approve/Approve");
    s().problemRevealed(["pipeline", "roleArn"]);
    expect(s().selection).toEqual({ kind: "pipeline" });
  });
});

describe("designer store: JSON view", () => {
  it("applies valid text as one coalesced step and keeps invalid text as a draft with its error line", () => {
    const { s, names, tick } = setup();
    const text = serializeDocument(s().doc!.document);
    s().jsonTextEdited(text.replace('"name": "Approve",', '"name": "Review",'));
    tick(100);
    s().jsonTextEdited(text.replace('"name": "Approve",', '"name": "Reviews",'));
    expect(names()).toEqual(["Source:Source", "Reviews:Approve"]);
    expect(s().past).toHaveLength(1);
    const broken = `oops\n${text}`;
    s().jsonTextEdited(broken);
    expect(names()).toEqual(["Source:Source", "Reviews:Approve"]);
    expect(s().jsonDraft).toMatchObject({ text: broken, error: { line: 1 } });
    // Another edit while the text is broken does not throw the draft away.
    s().pipelineRenamed("renamed");
    expect(s().jsonDraft?.text).toBe(broken);
    s().undoRequested();
    expect(s().jsonDraft?.text).toBe(broken);
    s().undoRequested();
    expect(names()).toEqual(["Source:Source", "Approve:Approve"]);
  });
});

describe("designer store: export and derived values", () => {
  it("exports V2, refuses V1 with V2 features and exports it when told to drop them", () => {
    const { s } = setup();
    s().exportRequested("V2");
    expect(s().exportReady?.fileName).toBe("sample.V2.json");
    s().exportDismissed();
    s().documentEdited((p) => ({
      ...p,
      pipelineType: "V2",
      variables: [{ name: "Env", defaultValue: "dev" }],
    }));
    s().exportRequested("V1");
    expect(s().exportReady).toBeNull();
    expect(s().exportPrompt?.diagnostics.map((d) => d.code)).toEqual(["v2-feature-in-v1"]);
    s().exportRequested("V1", true);
    expect(s().exportPrompt).toBeNull();
    expect(JSON.parse(s().exportReady!.text).pipeline.variables).toBeUndefined();
    expect(s().exportReady?.dropped).toHaveLength(1);
  });

  it("computes diagnostics and the layout once per document change", () => {
    const { s, store } = setup();
    const first = selectDiagnostics(s());
    expect(selectDiagnostics(s())).toBe(first);
    const layout = selectLayout(s());
    expect(selectLayout(s())).toBe(layout);
    store.getState().stageCollapseToggled("stage:Approve");
    expect(selectLayout(s())).not.toBe(layout);
    // A change that finds the same problems hands out the same list; a new finding, a new one.
    s().pipelineRenamed("x");
    expect(selectDiagnostics(s())).toBe(first);
    s().pipelineRenamed("not a valid name!");
    expect(selectDiagnostics(s())).not.toBe(first);
    expect(selectDiagnostics(s()).map((d) => d.code)).toContain("pattern-mismatch");
  });
});
