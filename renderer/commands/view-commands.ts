import { History, PanelBottom, PanelLeft, PanelRight, Play } from "lucide-react";
import { selectRunsOpen } from "../store/runs-slice";
import type { Command } from "./registry";

/** The frame's views: the docked panels and the runs tab, each a toggle; and releasing a change. */
export const VIEW_COMMANDS: readonly Command[] = [
  {
    id: "togglePalette",
    label: "Palette",
    icon: PanelLeft,
    shortcut: "Mod+Alt+B",
    global: true,
    enabled: () => true,
    pressed: (s) => s.panels.palette,
    run: (s) => s.panelToggled("palette"),
  },
  {
    id: "toggleBottomPanel",
    label: "Bottom panel",
    icon: PanelBottom,
    shortcut: "Mod+J",
    global: true,
    enabled: () => true,
    pressed: (s) => s.panels.bottom,
    run: (s) => s.panelToggled("bottom"),
  },
  {
    id: "toggleInspector",
    label: "Inspector",
    icon: PanelRight,
    shortcut: "Mod+Alt+I",
    global: true,
    enabled: () => true,
    pressed: (s) => s.panels.inspector,
    run: (s) => s.panelToggled("inspector"),
  },
  {
    id: "toggleRuns",
    label: "Runs",
    icon: History,
    // A pipeline needs a name before there is anything to watch.
    enabled: (s) => (s.doc?.document.pipeline.name ?? "") !== "",
    pressed: (s) => selectRunsOpen(s),
    run: (s) => s.runsToggled(),
  },
  {
    // From anywhere (the command palette): the same dialog as the runs tab's button, whose release
    // goes through the runs channel, so the run shows on the canvas at once.
    id: "releaseChange",
    label: "Release change",
    icon: Play,
    enabled: (s) => (s.doc?.document.pipeline.name ?? "") !== "" && !s.runsControl.busy,
    run: (s) => {
      s.runsToggled(true);
      s.runsDialogOpened({ kind: "release" });
    },
  },
];
