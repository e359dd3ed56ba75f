import type { ActionTypeSpec } from "../../shared/catalog";
import type { ActionPlacement } from "../../shared/pipeline/operations";
import type {
  ActionDeclaration,
  JsonPath,
  PipelineDeclaration,
  PipelineDocument,
  StageDeclaration,
} from "../../shared/pipeline/model";
import type { Diagnostic } from "../../shared/validate/diagnostic";
import type { DropTarget, Rect } from "../../shared/layout";

/** What the inspector shows and commands act on. Indexes, as shared/pipeline addresses elements. */
export type Selection =
  | { kind: "pipeline" }
  | { kind: "stage"; stage: number }
  /** One or more actions of one stage (several after "select all in stage"). */
  | { kind: "actions"; stage: number; actions: number[] };

/** What cut/copy put aside for paste. */
export type Clipboard =
  { kind: "actions"; actions: ActionDeclaration[] } | { kind: "stage"; stage: StageDeclaration };

/** The drop the pointer is over while dragging: where to draw it, or why it is refused. */
export interface DropPreview {
  indicator: Rect;
  refusal?: string;
}

/** A document edit: a pure pipeline operation, or a whole replacement (JSON view). */
export type Edit = (pipeline: PipelineDeclaration) => PipelineDeclaration;

/** Options of one recorded edit. */
export interface EditOptions {
  /** Consecutive edits with the same key within the coalescing window make one undo step (typing). */
  coalesce?: string;
  /** The selection after the edit (undo restores the one before). */
  select?: Selection;
}

/** A past document state with the selection it had. */
export interface HistoryEntry {
  document: PipelineDocument;
  selection: Selection;
}

/** The JSON view's text while it does not parse, so it is never lost or overwritten. */
export interface JsonDraft {
  text: string;
  error: { line: number; column: number; message: string } | null;
}

/** The export dialog: a V1 export refused for V2 features, waiting for the user's choice. */
export interface ExportPrompt {
  pipelineType: "V1" | "V2";
  diagnostics: Diagnostic[];
}

/** A finished export the view hands to the browser (download) and then clears. */
export interface ExportReady {
  fileName: string;
  text: string;
  dropped: string[];
}

/** The designer slice: history, selection, canvas and panel state, and the editing events. */
export interface DesignerSlice {
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Key and time of the last recorded edit, for coalescing typing. */
  lastEdit: { key: string; at: number } | null;
  selection: Selection;
  collapsedStages: string[];
  showArtifactEdges: boolean;
  dropPreview: DropPreview | null;
  /** A short explanation on the canvas (a refused drop, a refused move). */
  canvasMessage: string | null;
  clipboard: Clipboard | null;
  jsonDraft: JsonDraft | null;
  bottomTab: "problems" | "json" | "rehearse";
  commandPaletteOpen: boolean;
  exportPrompt: ExportPrompt | null;
  exportReady: ExportReady | null;
  /** Node the canvas should scroll into view; `seq` changes on every request. */
  reveal: { nodeId: string; seq: number } | null;

  documentEdited(edit: Edit, options?: EditOptions): void;
  undoRequested(): void;
  redoRequested(): void;
  selectionChanged(selection: Selection): void;
  actionTypeDropped(spec: ActionTypeSpec, target: DropTarget): void;
  stageItemDropped(target: DropTarget): void;
  actionDropped(from: { stage: number; action: number }, target: DropTarget): void;
  stageDropped(from: number, to: number): void;
  actionTypeAdded(spec: ActionTypeSpec): void;
  stageAdded(): void;
  selectionMoved(direction: "left" | "right" | "up" | "down"): void;
  selectionDeleted(): void;
  selectionCopied(): void;
  selectionCut(): void;
  clipboardPasted(text?: string): void;
  selectionDuplicated(): void;
  stageActionsSelected(): void;
  stageCollapseToggled(stageId: string): void;
  artifactEdgesToggled(): void;
  dropPreviewed(preview: DropPreview | null): void;
  canvasMessageShown(message: string | null): void;
  jsonTextEdited(text: string): void;
  bottomTabChosen(tab: "problems" | "json" | "rehearse"): void;
  problemRevealed(path: JsonPath): void;
  commandPaletteToggled(open?: boolean): void;
  exportRequested(pipelineType: "V1" | "V2", dropUnsupported?: boolean): void;
  exportDismissed(): void;
}

/** A placement or new stage the designer resolved for a drop. */
export type ResolvedDrop = { placement: ActionPlacement } | { newStage: number };
