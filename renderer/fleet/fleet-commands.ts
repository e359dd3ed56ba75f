import { LayoutGrid } from "lucide-react";
import type { Command } from "../commands/registry";

/** The Fleet view (a command of the toolbar's Watch group) and the notification list. */
export const FLEET_COMMANDS: readonly Command[] = [
  {
    id: "fleet.toggle",
    // Short, as the toolbar shows it; the view itself says it lists every profile and region.
    label: "Fleet",
    icon: LayoutGrid,
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
