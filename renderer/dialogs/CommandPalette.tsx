import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { ALL_COMMANDS } from "../commands/registry";
import { useAppStore, useStoreApi } from "../store";
import { Dialog } from "./Dialog";

/** Ctrl/Cmd+Shift+P: every command of the registry with its shortcut; type to filter, Enter to run. */
export function CommandPalette() {
  const store = useStoreApi();
  const close = useAppStore((s) => s.commandPaletteToggled);
  const enabled = useAppStore(useShallow((s) => ALL_COMMANDS.map((c) => c.enabled(s))));
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const shown = useMemo(
    () =>
      ALL_COMMANDS.map((command, i) => ({ command, enabled: enabled[i] === true })).filter(({ command }) =>
        command.label.toLowerCase().includes(query.trim().toLowerCase()),
      ),
    [enabled, query],
  );
  const run = (index: number) => {
    const entry = shown[index];
    if (entry === undefined || !entry.enabled) return;
    close(false);
    entry.command.run(store.getState());
  };
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  return (
    <Dialog title="Command palette" onClose={() => close(false)}>
      <input
        aria-label="Search commands"
        role="combobox"
        aria-expanded="true"
        aria-controls="command-list"
        aria-activedescendant={shown.length > 0 ? `command-${activeIndex}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((activeIndex + 1) % Math.max(1, shown.length));
          else if (e.key === "ArrowUp")
            setActive((activeIndex - 1 + shown.length) % Math.max(1, shown.length));
          else if (e.key === "Enter") run(activeIndex);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="command-list" role="listbox" aria-label="Commands" className="command-list">
        {shown.map(({ command, enabled: on }, i) => (
          <li
            key={command.id}
            id={`command-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            aria-disabled={!on}
            className={i === activeIndex ? "is-active" : undefined}
            onClick={() => run(i)}
          >
            <span>{command.label}</span>
            {command.shortcut !== undefined && <kbd>{command.shortcut}</kbd>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
