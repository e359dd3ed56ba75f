import { describe, expect, it } from "vitest";
import type { Edge, Node } from "@xyflow/react";
import { toFlowEdges, toFlowNodes } from "../../renderer/canvas/FlowCanvas";
import { reuseUnchanged, samePlainData } from "../../renderer/canvas/stable-flow-elements";
import { createAppStore } from "../../renderer/store";
import { selectDiagnostics, selectLayout } from "../../renderer/store/derived";
import type { ActionDeclaration, PipelineDocument } from "../../shared/pipeline/model";
import { renameAction, setConfigurationValue } from "../../shared/pipeline/operations";
import { validateDocument } from "../../shared/validate";
import { fakeApi, opened } from "./support/fake-api";

/** A source stage, then `stages` stages of `perStage` CodeBuild actions, each reading the source. */
function wideDocument(stages: number, perStage: number): PipelineDocument {
  const build = (s: number, a: number): ActionDeclaration => ({
    name: `Build-${s}-${a}`,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    runOrder: Math.floor(a / 3) + 1,
    configuration: { ProjectName: `project-${s}-${a}` },
    inputArtifacts: [{ name: "Code" }],
    outputArtifacts: [{ name: `Out-${s}-${a}` }],
  });
  const pipeline = {
    name: "wide",
    roleArn: "arn:aws:iam::111111111111:role/r",
    artifactStore: { type: "S3" as const, location: "bucket-name" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: {
              category: "Source" as const,
              owner: "AWS" as const,
              provider: "S3",
              version: "1",
            },
            configuration: { S3Bucket: "b", S3ObjectKey: "k.zip" },
            outputArtifacts: [{ name: "Code" }],
          },
        ],
      },
      ...Array.from({ length: stages }, (_, s) => ({
        name: `Stage-${s}`,
        actions: Array.from({ length: perStage }, (_, a) => build(s, a)),
      })),
    ],
  };
  return { shape: "create-input", pipeline, envelope: { pipeline: null } };
}

/** A store with the wide document open, and what the canvas hands React Flow, kept as it does. */
function setup() {
  const store = createAppStore({ api: fakeApi().client, confirm: () => true });
  store.getState().documentLoaded(opened({ document: wideDocument(12, 8), dirty: false }));
  let shown: { nodes: Node[]; edges: Edge[] } = { nodes: [], edges: [] };
  const draw = () => {
    const state = store.getState();
    const laid = selectLayout(state);
    if (laid === null) throw new Error("no layout");
    shown = {
      nodes: reuseUnchanged(shown.nodes, toFlowNodes(laid, state.selection)),
      edges: reuseUnchanged(shown.edges, toFlowEdges(laid)),
    };
    return shown;
  };
  return { store, draw };
}

describe("the canvas after an edit", () => {
  it("hands React Flow the very same nodes and edges when an edit changes nothing drawn", () => {
    const { store, draw } = setup();
    const before = draw();
    store
      .getState()
      .documentEdited((p) => setConfigurationValue(p, { stage: 5, action: 2 }, "ProjectName", "renamed"), {
        coalesce: "typing",
      });
    const after = draw();
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges).toBe(before.edges);
  });

  it("hands over new objects only for what changed when an action is renamed", () => {
    const { store, draw } = setup();
    const before = draw();
    store.getState().documentEdited((p) => renameAction(p, { stage: 5, action: 2 }, "Renamed"));
    const after = draw();
    const known = new Set<Node>(before.nodes);
    const fresh = after.nodes.filter((n) => !known.has(n)).map((n) => n.id);
    expect(fresh).toEqual(["action:Stage-4/Renamed"]);
    expect(after.nodes).toHaveLength(before.nodes.length);
  });

  it("hands over a new node for an action whose diagnostics changed", () => {
    const { store, draw } = setup();
    const before = draw();
    store
      .getState()
      .documentEdited((p) => setConfigurationValue(p, { stage: 5, action: 2 }, "ProjectName", undefined));
    const after = draw();
    const known = new Set<Node>(before.nodes);
    // The action now has an error badge, and its lane counts it.
    expect(after.nodes.filter((n) => !known.has(n)).map((n) => n.id)).toEqual([
      "stage:Stage-4",
      "action:Stage-4/Build-4-2",
    ]);
  });
});

describe("diagnostics after an edit", () => {
  it("are exactly what validating the new document from scratch gives", () => {
    const { store } = setup();
    const edits = [
      (p: Parameters<typeof renameAction>[0]) => renameAction(p, { stage: 3, action: 1 }, "Build-2-0"),
      (p: Parameters<typeof renameAction>[0]) =>
        setConfigurationValue(p, { stage: 7, action: 0 }, "ProjectName", undefined),
      (p: Parameters<typeof renameAction>[0]) =>
        setConfigurationValue(p, { stage: 7, action: 0 }, "ProjectName", "#{Nowhere.x}"),
      (p: Parameters<typeof renameAction>[0]) => renameAction(p, { stage: 3, action: 1 }, "Build-3-1"),
    ];
    for (const edit of edits) {
      store.getState().documentEdited(edit);
      const doc = store.getState().doc!.document;
      expect(selectDiagnostics(store.getState())).toEqual(validateDocument(doc));
    }
  });

  it("stay the same list while typing changes no finding, so nothing showing them re-renders", () => {
    const { store } = setup();
    const type = (value: string | undefined) =>
      store
        .getState()
        .documentEdited((p) => setConfigurationValue(p, { stage: 2, action: 1 }, "ProjectName", value));
    type("a");
    const first = selectDiagnostics(store.getState());
    type("ab");
    expect(selectDiagnostics(store.getState())).toBe(first);
    type(undefined);
    const missing = selectDiagnostics(store.getState());
    expect(missing).not.toBe(first);
    expect(missing.map((d) => d.code)).toContain("missing-required-configuration");
  });
});

describe("reuseUnchanged", () => {
  const node = (id: string, x: number, extra: Record<string, unknown> = {}): Node => ({
    id,
    position: { x, y: 0 },
    data: { name: id, counts: { error: 0 }, inputs: ["a"], ...extra },
  });

  it("keeps the earlier object for an equal element and the earlier list when all are kept", () => {
    const previous = [node("a", 0), node("b", 10)];
    const same = reuseUnchanged(previous, [node("a", 0), node("b", 10)]);
    expect(same).toBe(previous);
    const moved = reuseUnchanged(previous, [node("a", 0), node("b", 11)]);
    expect(moved).not.toBe(previous);
    expect(moved[0]).toBe(previous[0]);
    expect(moved[1]).not.toBe(previous[1]);
  });

  it("gives a new list when elements are reordered, added or removed", () => {
    const previous = [node("a", 0), node("b", 10)];
    const swapped = reuseUnchanged(previous, [node("b", 10), node("a", 0)]);
    expect(swapped).not.toBe(previous);
    expect(swapped[0]).toBe(previous[1]);
    expect(reuseUnchanged(previous, [node("a", 0)])).toEqual([previous[0]]);
    expect(reuseUnchanged(previous, [...previous, node("c", 20)])).toHaveLength(3);
  });

  it("compares nested data deeply", () => {
    expect(samePlainData(node("a", 0), node("a", 0))).toBe(true);
    expect(samePlainData(node("a", 0), node("a", 0, { counts: { error: 1 } }))).toBe(false);
    expect(samePlainData(node("a", 0), node("a", 0, { inputs: ["a", "b"] }))).toBe(false);
    expect(samePlainData(node("a", 0), node("a", 0, { more: undefined }))).toBe(false);
    expect(samePlainData([1], { 0: 1 })).toBe(false);
  });
});
