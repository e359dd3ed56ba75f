import { Braces, Copy, Diff, FileDown, Plus, Redo2, SquareTerminal, Undo2 } from "lucide-react";
import { serializeDocument } from "../../shared/formats";
import type { AppState } from "../store/state";
import { failurePath } from "../store/run-controls";
import type { Command } from "./registry";

function hasDoc(s: AppState): boolean {
  return s.doc !== null;
}

function hasSelectedElement(s: AppState): boolean {
  return s.doc !== null && s.selection.kind !== "pipeline";
}

function move(direction: "left" | "right" | "up" | "down", label: string, key: string): Command {
  return {
    id: `move${direction[0]?.toUpperCase()}${direction.slice(1)}`,
    label,
    shortcut: `Alt+${key}`,
    enabled: hasSelectedElement,
    run: (s) => s.selectionMoved(direction),
  };
}

/** The designer's commands: editing, clipboard, moves, views and export. */
export const DESIGNER_COMMANDS: readonly Command[] = [
  {
    id: "undo",
    label: "Undo",
    icon: Undo2,
    shortcut: "Mod+Z",
    enabled: (s) => s.past.length > 0,
    run: (s) => s.undoRequested(),
  },
  {
    id: "redo",
    label: "Redo",
    icon: Redo2,
    shortcut: "Mod+Shift+Z",
    enabled: (s) => s.future.length > 0,
    run: (s) => s.redoRequested(),
  },
  // Copy, cut and paste keys reach the page as clipboard events (which carry the system clipboard).
  {
    id: "cut",
    label: "Cut",
    shortcut: "Mod+X",
    clipboardKey: true,
    enabled: hasSelectedElement,
    run: (s) => s.selectionCut(),
  },
  {
    id: "copy",
    label: "Copy",
    shortcut: "Mod+C",
    clipboardKey: true,
    enabled: hasSelectedElement,
    run: (s) => s.selectionCopied(),
  },
  {
    id: "paste",
    label: "Paste",
    shortcut: "Mod+V",
    clipboardKey: true,
    enabled: (s) => s.clipboard !== null,
    run: (s) => s.clipboardPasted(),
  },
  {
    id: "duplicate",
    label: "Duplicate",
    shortcut: "Mod+D",
    enabled: hasSelectedElement,
    run: (s) => s.selectionDuplicated(),
  },
  {
    id: "delete",
    label: "Delete",
    shortcut: "Delete",
    enabled: hasSelectedElement,
    run: (s) => s.selectionDeleted(),
  },
  {
    id: "selectAllInStage",
    label: "Select all in stage",
    shortcut: "Mod+A",
    enabled: hasSelectedElement,
    run: (s) => s.stageActionsSelected(),
  },
  {
    id: "selectPipeline",
    label: "Select the pipeline",
    shortcut: "Escape",
    enabled: hasDoc,
    run: (s) => s.selectionChanged({ kind: "pipeline" }),
  },
  move("left", "Move to the previous stage", "ArrowLeft"),
  move("right", "Move to the next stage", "ArrowRight"),
  move("up", "Move earlier in the stage", "ArrowUp"),
  move("down", "Move later in the stage", "ArrowDown"),
  { id: "addStage", label: "Add a stage", icon: Plus, enabled: hasDoc, run: (s) => s.stageAdded() },
  {
    id: "toggleStageCollapse",
    label: "Collapse or expand the stage",
    enabled: hasSelectedElement,
    run: (s) => {
      const sel = s.selection;
      const stage = sel.kind === "pipeline" ? undefined : s.doc?.document.pipeline.stages[sel.stage];
      if (stage !== undefined) s.stageCollapseToggled(`stage:${stage.name}`);
    },
  },
  {
    id: "toggleArtifactEdges",
    label: "Show or hide artifact flow",
    enabled: hasDoc,
    run: (s) => s.artifactEdgesToggled(),
  },
  {
    id: "showProblems",
    label: "Show problems",
    enabled: hasDoc,
    run: (s) => {
      s.bottomTabChosen("problems");
      s.panelToggled("bottom", true);
    },
  },
  {
    id: "showJson",
    label: "Show JSON",
    icon: Braces,
    enabled: hasDoc,
    run: (s) => {
      s.bottomTabChosen("json");
      s.panelToggled("bottom", true);
    },
  },
  {
    id: "changesSinceSave",
    label: "Changes since save",
    icon: Diff,
    // Only for a file whose content is known; with nothing edited the diff would be empty.
    enabled: (s) => s.doc !== null && s.doc.savedPipeline !== null && s.doc.dirty,
    run: (s) => s.dialogOpened("changes"),
  },
  {
    id: "revealRunFailure",
    label: "Show where the latest run failed",
    enabled: (s) => failurePath(s) !== null,
    run: (s) => s.runFailureRevealed(),
  },
  {
    id: "exportV2",
    label: "Export V2",
    icon: FileDown,
    enabled: hasDoc,
    run: (s) => s.exportRequested("V2"),
  },
  {
    id: "exportV1",
    label: "Export V1",
    icon: FileDown,
    enabled: hasDoc,
    run: (s) => s.exportRequested("V1"),
  },
  {
    id: "copyJson",
    label: "Copy JSON",
    icon: Copy,
    enabled: hasDoc,
    run: (s) => {
      if (s.doc === null) return;
      void globalThis.navigator?.clipboard
        ?.writeText(serializeDocument(s.doc.document))
        .catch(() => undefined);
      s.canvasMessageShown("The document's JSON is on the clipboard.");
    },
  },
  {
    id: "commandPalette",
    label: "Command palette",
    icon: SquareTerminal,
    shortcut: "Mod+Shift+P",
    global: true,
    enabled: () => true,
    run: (s) => s.commandPaletteToggled(true),
  },
];
