import type { MenuCommand } from "../../shared/ipc";
import type { AppState } from "../store/state";

/** A command of the shell: the toolbar, the app menu and keyboard shortcuts all run these. */
export interface Command {
  id: MenuCommand;
  label: string;
  /** Shown in tooltips; matched by {@link commandForKey}. `Mod` is Ctrl, or Cmd on macOS. */
  shortcut?: string;
  enabled(state: AppState): boolean;
  run(state: AppState): void;
}

function whenOpen(state: AppState): boolean {
  return state.doc !== null && !state.busy;
}

/** The commands, in toolbar order. */
export const COMMANDS: readonly Command[] = [
  { id: "new", label: "New", enabled: (s) => !s.busy, run: (s) => s.dialogOpened("new") },
  {
    id: "open",
    label: "Open",
    shortcut: "Mod+O",
    enabled: (s) => !s.busy,
    run: (s) => (s.info?.nativeDialogs === true ? void s.openRequested() : s.dialogOpened("open")),
  },
  { id: "save", label: "Save", shortcut: "Mod+S", enabled: whenOpen, run: (s) => void s.saveRequested() },
  {
    id: "saveAs",
    label: "Save as",
    shortcut: "Mod+Shift+S",
    enabled: whenOpen,
    run: (s) => (s.info?.nativeDialogs === true ? void s.saveAsRequested() : s.dialogOpened("saveAs")),
  },
];

/** The command with this id (the app menu sends ids). */
export function findCommand(id: string): Command | undefined {
  return COMMANDS.find((c) => c.id === id);
}

/** The command a key press triggers, if any. */
export function commandForKey(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
): Command | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const combo = `Mod+${event.shiftKey ? "Shift+" : ""}${event.key.toUpperCase()}`;
  return COMMANDS.find((c) => c.shortcut === combo);
}
