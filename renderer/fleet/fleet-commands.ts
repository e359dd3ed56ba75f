import type { Command } from "../commands/registry";

/** The Fleet view, from the command palette (the toolbar has its own button with the notifications). */
export const FLEET_COMMANDS: readonly Command[] = [
  {
    id: "fleet.toggle",
    label: "Fleet: show every pipeline of every profile and region",
    enabled: () => true,
    run: (s) => void s.fleetToggled(),
  },
  {
    id: "fleet.notifications",
    label: "Notifications",
    enabled: () => true,
    run: (s) => s.notificationsToggled(),
  },
];
