/**
 * Events on the selection: delete, cut/copy/paste/duplicate, select all in stage, reveal a problem.
 * Each document change is one operation and one undo step.
 */
import { parseModelJson, stringifyCanonical } from "../../shared/formats";
import { layout, nodeForPath } from "../../shared/layout";
import type {
  ActionDeclaration,
  JsonPath,
  PipelineDeclaration,
  StageDeclaration,
} from "../../shared/pipeline/model";
import { insertAction, removeAction, removeStage } from "../../shared/pipeline/operations";
import { withMember } from "../../shared/pipeline/members";
import { uniqueName } from "../../shared/pipeline/names";
import type { Clipboard, DesignerSlice, Selection } from "./designer-state";
import { appendPlacement } from "../../shared/pipeline/placement";
import type { AppState } from "./state";

type Get = () => AppState;
type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

/** Marks clipboard text as ours, so pasting some other JSON never lands in the document. */
const CLIPBOARD_TAG = "pipewright/clipboard";

function selectedActions(pipeline: PipelineDeclaration, s: Selection): ActionDeclaration[] {
  if (s.kind !== "actions") return [];
  const stage = pipeline.stages[s.stage];
  return s.actions.flatMap((i) => (stage?.actions[i] === undefined ? [] : [stage.actions[i]]));
}

/** What the selection copies as, or null when nothing copyable is selected. */
function copyOf(pipeline: PipelineDeclaration, s: Selection): Clipboard | null {
  if (s.kind === "stage") {
    const stage = pipeline.stages[s.stage];
    return stage === undefined ? null : { kind: "stage", stage };
  }
  const actions = selectedActions(pipeline, s);
  return actions.length === 0 ? null : { kind: "actions", actions };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isAction(value: unknown): value is ActionDeclaration {
  return isRecord(value) && typeof value["name"] === "string" && isRecord(value["actionTypeId"]);
}

/** Reads clipboard text written by {@link clipboardText}; anything else is not ours and gives null. */
export function parseClipboardText(text: string): Clipboard | null {
  // Marked like a file, so integer-like configuration keys keep their order (member-keys.ts).
  const value = parseModelJson(text);
  if (!isRecord(value) || value["type"] !== CLIPBOARD_TAG) return null;
  const stage = value["stage"];
  if (
    isRecord(stage) &&
    typeof stage["name"] === "string" &&
    Array.isArray(stage["actions"]) &&
    stage["actions"].every(isAction)
  ) {
    return { kind: "stage", stage: stage as unknown as StageDeclaration };
  }
  const actions = value["actions"];
  if (Array.isArray(actions) && actions.length > 0 && actions.every(isAction))
    return { kind: "actions", actions };
  return null;
}

/** The clipboard as text for the system clipboard. */
export function clipboardText(clipboard: Clipboard): string {
  return stringifyCanonical(
    clipboard.kind === "stage"
      ? { type: CLIPBOARD_TAG, stage: clipboard.stage }
      : { type: CLIPBOARD_TAG, actions: clipboard.actions },
  );
}

/** The pipeline without the selection, and where the selection goes afterwards. */
function withoutSelection(pipeline: PipelineDeclaration, s: Selection): [PipelineDeclaration, Selection] {
  if (s.kind === "stage") return [removeStage(pipeline, s.stage), { kind: "pipeline" }];
  if (s.kind !== "actions") return [pipeline, s];
  const next = [...s.actions]
    .sort((a, b) => b - a)
    .reduce((p, i) => removeAction(p, { stage: s.stage, action: i }), pipeline);
  return [next, { kind: "stage", stage: s.stage }];
}

/** Pastes `clip` next to the selection: a stage after the selected one, actions into the selected stage. */
function pasted(
  pipeline: PipelineDeclaration,
  s: Selection,
  clip: Clipboard,
): [PipelineDeclaration, Selection] {
  if (clip.kind === "stage") {
    const index = s.kind === "pipeline" ? pipeline.stages.length : s.stage + 1;
    const name = uniqueName(
      clip.stage.name,
      pipeline.stages.map((st) => st.name),
      /[A-Za-z0-9.@_-]/,
    );
    const stages = [...pipeline.stages];
    stages.splice(index, 0, { ...clip.stage, name });
    const full = withMember(pipeline, "stages", stages);
    return [full, { kind: "stage", stage: index }];
  }
  const stage = s.kind === "pipeline" ? pipeline.stages.length - 1 : s.stage;
  if (pipeline.stages[stage] === undefined) return [pipeline, s];
  const placement = appendPlacement(pipeline, stage);
  let next = pipeline;
  clip.actions.forEach((action, i) => {
    next = insertAction(
      next,
      action,
      i === 0
        ? placement
        : {
            ...placement,
            runOrder: placement.mode === "after" ? placement.runOrder + 1 : placement.runOrder,
            mode: "parallel",
          },
    );
  });
  const count = next.stages[stage]?.actions.length ?? 0;
  const before = pipeline.stages[stage]?.actions.map((a) => a.name) ?? [];
  const added = (next.stages[stage]?.actions ?? []).flatMap((a, i) => (before.includes(a.name) ? [] : [i]));
  return [next, count === 0 ? s : { kind: "actions", stage, actions: added }];
}

/** The selection events of the designer slice. */
export function clipboardEvents(
  set: Set,
  get: Get,
): Pick<
  DesignerSlice,
  | "selectionDeleted"
  | "selectionCopied"
  | "selectionCut"
  | "clipboardPasted"
  | "selectionDuplicated"
  | "stageActionsSelected"
  | "problemRevealed"
> {
  const pipelineOf = () => get().doc?.document.pipeline;
  return {
    selectionDeleted: () => {
      const pipeline = pipelineOf();
      if (pipeline === undefined) return;
      const [next, selection] = withoutSelection(pipeline, get().selection);
      get().documentEdited(() => next, { select: selection });
    },
    selectionCopied: () => {
      const pipeline = pipelineOf();
      if (pipeline === undefined) return;
      const clipboard = copyOf(pipeline, get().selection);
      if (clipboard === null) return;
      set({ clipboard });
      void globalThis.navigator?.clipboard?.writeText(clipboardText(clipboard)).catch(() => undefined);
    },
    selectionCut: () => {
      get().selectionCopied();
      if (get().clipboard !== null) get().selectionDeleted();
    },
    clipboardPasted: (text) => {
      const pipeline = pipelineOf();
      if (pipeline === undefined) return;
      // Text from the system clipboard wins when it is ours; anything else falls back to our own copy.
      const clip = (text === undefined ? null : parseClipboardText(text)) ?? get().clipboard;
      if (clip === null) {
        set({ canvasMessage: "Nothing to paste: the clipboard holds no Pipewright stage or action." });
        return;
      }
      const [next, selection] = pasted(pipeline, get().selection, clip);
      get().documentEdited(() => next, { select: selection });
    },
    selectionDuplicated: () => {
      const pipeline = pipelineOf();
      if (pipeline === undefined) return;
      const s = get().selection;
      const clip = copyOf(pipeline, s);
      if (clip === null) return;
      const [next, selection] = pasted(pipeline, s, clip);
      get().documentEdited(() => next, { select: selection });
    },
    stageActionsSelected: () => {
      const pipeline = pipelineOf();
      const s = get().selection;
      if (pipeline === undefined || s.kind === "pipeline") return;
      const count = pipeline.stages[s.stage]?.actions.length ?? 0;
      set({ selection: { kind: "actions", stage: s.stage, actions: [...Array(count).keys()] } });
    },
    problemRevealed: (path: JsonPath) => {
      const pipeline = pipelineOf();
      if (pipeline === undefined) return;
      const rel = path[0] === "pipeline" ? path.slice(1) : path;
      const [root, s, member, a] = rel;
      let selection: Selection = { kind: "pipeline" };
      if (root === "stages" && typeof s === "number" && pipeline.stages[s] !== undefined) {
        selection =
          member === "actions" && typeof a === "number" && pipeline.stages[s]?.actions[a] !== undefined
            ? { kind: "actions", stage: s, actions: [a] }
            : { kind: "stage", stage: s };
      }
      const nodeId = nodeForPath(layout(pipeline), path);
      const seq = (get().reveal?.seq ?? 0) + 1;
      set({ selection, reveal: nodeId === undefined ? null : { nodeId, seq } });
    },
  };
}
