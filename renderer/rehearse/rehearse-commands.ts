import type { Command } from "../commands/registry";

/** Rehearse mode's commands: the toolbar, the command palette and the menu read them. */
export const REHEARSE_COMMANDS: readonly Command[] = [
  {
    id: "rehearse",
    label: "Rehearse",
    enabled: (s) => s.doc !== null,
    run: (s) => void s.rehearseModeToggled(),
  },
  {
    id: "rehearseAddWhatIf",
    label: "New what-if",
    enabled: (s) => s.rehearseMode,
    run: (s) => s.whatIfAdded(),
  },
  {
    id: "rehearsePlay",
    label: "Play or pause the rehearsal",
    enabled: (s) => s.rehearseMode,
    run: (s) => s.playbackToggled(),
  },
];
