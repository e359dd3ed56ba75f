import type { MenuCommand } from "../../shared/ipc";
import type { AppState } from "../store/state";
import { DEPLOY_COMMAND } from "../panels/deploy/deploy-command";
import { REHEARSE_COMMANDS } from "../rehearse/rehearse-commands";
import { DESIGNER_COMMANDS } from "./designer-commands";
import { IAC_COMMANDS } from "./iac-commands";

/** A command of the shell: the toolbar, the app menu and keyboard shortcuts all run these. */
export interface Command {
  /** Shell commands use the app menu's ids; the designer adds its own. */
  id: MenuCommand | (string & {});
  label: string;
  /** Shown in tooltips; matched by {@link commandForKey}. `Mod` is Ctrl, or Cmd on macOS. */
  shortcut?: string;
  /** The key works while typing in a field too (others leave keys to the field). */
  global?: boolean;
  /** The key arrives as a copy/cut/paste event instead (see the designer's clipboard listener). */
  clipboardKey?: boolean;
  enabled(state: AppState): boolean;
  run(state: AppState): void;
}

function whenOpen(state: AppState): boolean {
  return state.doc !== null && !state.busy;
}

/** The shell's commands, in toolbar order. */
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

/** Every command: the command palette lists these, and keys are looked up among them. */
export const ALL_COMMANDS: readonly Command[] = [
  ...COMMANDS,
  ...DESIGNER_COMMANDS,
  ...IAC_COMMANDS,
  DEPLOY_COMMAND,
  ...REHEARSE_COMMANDS,
];

const MENU_COMMANDS = new Set<string>(COMMANDS.map((c) => c.id));

/** True for the commands the desktop app's menu runs (with its own accelerators). */
export function isMenuCommand(command: Command): boolean {
  return MENU_COMMANDS.has(command.id);
}

/** True when keys typed at `target` belong to a text field. */
function isEditable(target: unknown): boolean {
  if (typeof target !== "object" || target === null || !("closest" in target)) return false;
  const element = target as Element;
  return (
    element.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], .cm-editor") !==
    null
  );
}

/** The command with this id (the app menu sends ids). */
export function findCommand(id: string): Command | undefined {
  return ALL_COMMANDS.find((c) => c.id === id);
}

/** The command a key press triggers, if any. */
export function commandForKey(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey"> & { target?: unknown },
): Command | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key =
    event.key === "Backspace" ? "Delete" : event.key.length === 1 ? event.key.toUpperCase() : event.key;
  const combo = `${mod ? "Mod+" : ""}${event.altKey ? "Alt+" : ""}${event.shiftKey ? "Shift+" : ""}${key}`;
  const command = ALL_COMMANDS.find((c) => c.shortcut === combo);
  if (command === undefined || command.clipboardKey === true) return undefined;
  // The shell's file commands (Save, Open…) work from a text field, as in every editor.
  if (command.global !== true && !isMenuCommand(command) && isEditable(event.target)) return undefined;
  return command;
}
