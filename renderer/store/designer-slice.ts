import type { StateCreator } from "zustand";
import type { ActionTypeSpec } from "../../shared/catalog";
import type { DropTarget } from "../../shared/layout";
import { updateDocumentPipeline } from "../../shared/pipeline/document";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import {
  addAction,
  addStage,
  addStageWithAction,
  moveAction,
  moveStage,
} from "../../shared/pipeline/operations";
import { clipboardEvents } from "./selection-events";
import type { DesignerSlice, Edit, EditOptions, Selection } from "./designer-state";
import { exportEvents } from "./export-events";
import { recordEdit } from "./history";
import { jsonEvents } from "./json-events";
import { actionMoveTarget, dropRefusal, keyboardTarget } from "../../shared/pipeline/placement";
import type { AppState } from "./state";

/** Why the designer does not edit a document whose file has members of the wrong kind. */
export const DAMAGED_DOCUMENT =
  "This file has members of the wrong type (see Problems): fix them in the JSON view, then edit here.";

type Get = () => AppState;
type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

/** Index of the action in `stage` of `after` that `before` did not have (by name), or -1. */
function addedActionIndex(before: PipelineDeclaration, after: PipelineDeclaration, stage: number): number {
  const old = new Set((before.stages[stage]?.actions ?? []).map((a) => a.name));
  return after.stages[stage]?.actions.findIndex((a) => !old.has(a.name)) ?? -1;
}

function actionSelection(stage: number, index: number): Selection {
  return index < 0 ? { kind: "stage", stage } : { kind: "actions", stage, actions: [index] };
}

/** The selection after an action lands at `target` in `after` (by name when it moved in place). */
function landedSelection(
  before: PipelineDeclaration,
  after: PipelineDeclaration,
  target: DropTarget,
  name?: string,
): Selection {
  const stage = target.kind === "group" ? target.stage : target.index;
  if (target.kind === "new-stage") return actionSelection(stage, 0);
  const index = addedActionIndex(before, after, stage);
  if (index >= 0 || name === undefined) return actionSelection(stage, index);
  return actionSelection(stage, after.stages[stage]?.actions.findIndex((a) => a.name === name) ?? -1);
}

/** Shared by drops and the keyboard: adds an action of `spec` at `target`, or explains a refusal. */
function addActionAt(get: Get, set: Set, spec: ActionTypeSpec, target: DropTarget): void {
  const doc = get().doc;
  if (doc === null) return;
  const pipeline = doc.document.pipeline;
  const refusal = dropRefusal(pipeline, spec.category, target);
  if (refusal !== undefined) {
    set({ canvasMessage: refusal, dropPreview: null });
    return;
  }
  const edit: Edit = (p) =>
    target.kind === "group" ? addAction(p, spec, target) : addStageWithAction(p, target.index, spec);
  const after = edit(pipeline);
  get().documentEdited(() => after, { select: landedSelection(pipeline, after, target) });
  set({ canvasMessage: null, dropPreview: null });
}

/** History, selection and the designer's editing events. */
export function createDesignerSlice(
  now: () => number = Date.now,
): StateCreator<AppState, [], [], DesignerSlice> {
  return (set, get) => ({
    past: [],
    future: [],
    lastEdit: null,
    selection: { kind: "pipeline" },
    collapsedStages: [],
    showArtifactEdges: true,
    dropPreview: null,
    canvasMessage: null,
    clipboard: null,
    jsonDraft: null,
    bottomTab: "problems",
    commandPaletteOpen: false,
    exportPrompt: null,
    exportReady: null,
    reveal: null,

    documentEdited: (edit: Edit, options: EditOptions = {}) =>
      set((s) => {
        const doc = s.doc;
        if (doc === null) return {};
        // The file has members of the wrong kind, which the designer shows repaired: an edit here
        // would save the repair. The JSON view fixes them (its text replaces the document).
        if (doc.document.damaged !== undefined) return { canvasMessage: DAMAGED_DOCUMENT };
        const document = updateDocumentPipeline(doc.document, edit);
        if (document === doc.document)
          return options.select === undefined ? {} : { selection: options.select };
        const history = recordEdit(s, doc.document, s.selection, options.coalesce, now());
        return {
          ...history,
          doc: { ...doc, document, dirty: true },
          selection: options.select ?? s.selection,
          // An edit from anywhere but the JSON view makes the view show the new document.
          jsonDraft: options.coalesce === "json" || s.jsonDraft?.error != null ? s.jsonDraft : null,
        };
      }),

    undoRequested: () =>
      set((s) => {
        const entry = s.past[s.past.length - 1];
        if (s.doc === null || entry === undefined) return {};
        return {
          past: s.past.slice(0, -1),
          future: [{ document: s.doc.document, selection: s.selection }, ...s.future],
          doc: { ...s.doc, document: entry.document, dirty: true },
          selection: entry.selection,
          lastEdit: null,
          // Unparsed JSON text is the user's work in progress: undo does not throw it away.
          jsonDraft: s.jsonDraft?.error != null ? s.jsonDraft : null,
        };
      }),

    redoRequested: () =>
      set((s) => {
        const entry = s.future[0];
        if (s.doc === null || entry === undefined) return {};
        return {
          past: [...s.past, { document: s.doc.document, selection: s.selection }],
          future: s.future.slice(1),
          doc: { ...s.doc, document: entry.document, dirty: true },
          selection: entry.selection,
          lastEdit: null,
          // Unparsed JSON text is the user's work in progress: undo does not throw it away.
          jsonDraft: s.jsonDraft?.error != null ? s.jsonDraft : null,
        };
      }),

    selectionChanged: (selection) => set({ selection, lastEdit: null }),

    actionTypeDropped: (spec, target) => addActionAt(get, set, spec, target),

    actionTypeAdded: (spec) => {
      const doc = get().doc;
      if (doc === null) return;
      addActionAt(get, set, spec, keyboardTarget(doc.document.pipeline, get().selection, spec.category));
    },

    stageItemDropped: (target) => {
      const doc = get().doc;
      if (doc === null) return;
      const index = target.kind === "new-stage" ? target.index : target.stage + 1;
      get().documentEdited((p) => addStage(p, index), { select: { kind: "stage", stage: index } });
      set({ dropPreview: null, canvasMessage: null });
    },

    stageAdded: () => {
      const doc = get().doc;
      if (doc === null) return;
      const s = get().selection;
      const index = s.kind === "pipeline" ? doc.document.pipeline.stages.length : s.stage + 1;
      get().documentEdited((p) => addStage(p, index), { select: { kind: "stage", stage: index } });
    },

    actionDropped: (from, target) => {
      const doc = get().doc;
      if (doc === null) return;
      const pipeline = doc.document.pipeline;
      const action = pipeline.stages[from.stage]?.actions[from.action];
      if (action === undefined) return;
      const category = String(action.actionTypeId?.category);
      const refusal = dropRefusal(pipeline, category, target, from.stage);
      if (refusal !== undefined) {
        set({ canvasMessage: refusal, dropPreview: null });
        return;
      }
      let after: PipelineDeclaration;
      if (target.kind === "group") after = moveAction(pipeline, from, target);
      else {
        // A drop between stages: a new stage holding the action, as one step.
        const withStage = addStage(pipeline, target.index, { name: category, actions: [] });
        const source = target.index <= from.stage ? { ...from, stage: from.stage + 1 } : from;
        after = moveAction(withStage, source, { stage: target.index, runOrder: 1, mode: "parallel" });
      }
      get().documentEdited(() => after, { select: landedSelection(pipeline, after, target, action.name) });
      set({ canvasMessage: null, dropPreview: null });
    },

    stageDropped: (from, to) => {
      const doc = get().doc;
      if (doc === null) return;
      // `to` is a gap index (0..n); removing the stage first shifts later gaps by one.
      const index = to > from ? to - 1 : to;
      get().documentEdited((p) => moveStage(p, from, index), { select: { kind: "stage", stage: index } });
      set({ dropPreview: null, canvasMessage: null });
    },

    selectionMoved: (direction) => {
      const doc = get().doc;
      const s = get().selection;
      if (doc === null) return;
      const pipeline = doc.document.pipeline;
      if (s.kind === "stage") {
        const to = s.stage + (direction === "left" || direction === "up" ? -1 : 1);
        if (to < 0 || to >= pipeline.stages.length) return;
        get().documentEdited((p) => moveStage(p, s.stage, to), { select: { kind: "stage", stage: to } });
        return;
      }
      if (s.kind !== "actions" || s.actions.length !== 1) return;
      const from = { stage: s.stage, action: s.actions[0] ?? -1 };
      const placement = actionMoveTarget(pipeline, from, direction);
      if (placement === undefined) return;
      get().actionDropped(from, { kind: "group", ...placement });
    },

    stageCollapseToggled: (stageId) =>
      set((s) => ({
        collapsedStages: s.collapsedStages.includes(stageId)
          ? s.collapsedStages.filter((id) => id !== stageId)
          : [...s.collapsedStages, stageId],
      })),
    artifactEdgesToggled: () => set((s) => ({ showArtifactEdges: !s.showArtifactEdges })),
    dropPreviewed: (dropPreview) => set({ dropPreview }),
    canvasMessageShown: (canvasMessage) => set({ canvasMessage }),
    bottomTabChosen: (bottomTab) => set({ bottomTab }),
    commandPaletteToggled: (open) => set((s) => ({ commandPaletteOpen: open ?? !s.commandPaletteOpen })),

    ...clipboardEvents(set, get),
    ...jsonEvents(set, get),
    ...exportEvents(set, get),
  });
}
