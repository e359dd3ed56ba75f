import { CommandButtons } from "../commands/CommandButtons";
import { COMMANDS } from "../commands/registry";
import { DeployControls } from "../panels/deploy/DeployControls";
import { FleetButtons } from "../fleet/NotificationList";
import { useAppStore } from "../store";
import type { ThemePreference } from "../../shared/ipc";

/** The top bar: the shell's commands, the document title and the theme choice. */
export function Toolbar({ title }: { title: string }) {
  const theme = useAppStore((s) => s.settings.theme);
  const themeChosen = useAppStore((s) => s.themeChosen);
  return (
    <header className="toolbar" role="toolbar" aria-label="Document">
      <CommandButtons commands={COMMANDS} />
      <DeployControls />
      <FleetButtons />
      <h1 className="toolbar-title">{title}</h1>
      <label className="toolbar-theme">
        Theme
        <select value={theme} onChange={(e) => void themeChosen(e.target.value as ThemePreference)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>
  );
}
