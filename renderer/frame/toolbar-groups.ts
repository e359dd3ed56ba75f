import { FileDown, type LucideIcon } from "lucide-react";

/** An entry of a toolbar group: a command of the registry, a menu of commands, or a named widget. */
export type ToolbarItem =
  /** `short`: a shorter visible text; the command's full label stays its accessible name. */
  | { kind: "command"; command: string; iconOnly?: boolean; short?: string }
  | { kind: "menu"; label: string; icon: LucideIcon; commands: readonly string[] }
  /** A control with its own state (the connection picker); see `SLOTS` in Toolbar. */
  | { kind: "slot"; slot: "connection" };

/** A named group of the top toolbar. */
export interface ToolbarGroup {
  id: string;
  /** The group's accessible name. */
  label: string;
  /**
   * When the window is too narrow, groups move into the "More" menu from the highest number down;
   * 0 never moves (it holds a widget a menu cannot show).
   */
  priority: number;
  items: readonly ToolbarItem[];
}

/**
 * The top toolbar as data: what each group holds, in order. Panels added later (export formats,
 * rehearse, fleet) add a group or an item here, and the overflow menu picks them up.
 */
export const TOOLBAR_GROUPS: readonly ToolbarGroup[] = [
  {
    id: "file",
    label: "File",
    priority: 1,
    items: [
      { kind: "command", command: "new" },
      { kind: "command", command: "open" },
      { kind: "command", command: "save" },
      { kind: "command", command: "saveAs", iconOnly: true },
    ],
  },
  {
    id: "edit",
    label: "Edit",
    priority: 3,
    items: [
      { kind: "command", command: "undo", iconOnly: true },
      { kind: "command", command: "redo", iconOnly: true },
    ],
  },
  {
    id: "design",
    label: "Design",
    priority: 4,
    items: [
      { kind: "command", command: "addStage" },
      { kind: "command", command: "changesSinceSave", short: "Changes" },
      {
        kind: "menu",
        label: "Export",
        icon: FileDown,
        commands: ["exportV2", "exportV1", "exportTemplate", "copyJson"],
      },
    ],
  },
  {
    id: "aws",
    label: "AWS",
    priority: 0,
    items: [
      { kind: "slot", slot: "connection" },
      { kind: "command", command: "browse", iconOnly: true },
      { kind: "command", command: "deploy" },
    ],
  },
  {
    id: "watch",
    label: "Watch",
    priority: 2,
    items: [
      { kind: "command", command: "toggleRuns" },
      { kind: "command", command: "rehearse" },
      { kind: "command", command: "fleet.toggle" },
    ],
  },
];

/** The right end of the toolbar: the docked panels' toggles (always shown, icons only). */
export const VIEW_TOGGLES: readonly string[] = ["togglePalette", "toggleBottomPanel", "toggleInspector"];

/**
 * Which groups fit: the lowest priorities first, each while the sum of widths stays within `room`.
 * Groups without a measured width count as fitting (they are measured once shown).
 */
export function visibleGroups(
  groups: readonly ToolbarGroup[],
  widths: ReadonlyMap<string, number>,
  room: number,
): Set<string> {
  const shown = new Set<string>();
  let used = 0;
  for (const group of [...groups].sort((a, b) => a.priority - b.priority)) {
    const width = widths.get(group.id) ?? 0;
    if (group.priority === 0 || used + width <= room) {
      shown.add(group.id);
      used += width;
    } else break;
  }
  return shown;
}
