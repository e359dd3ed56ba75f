import { useShallow } from "zustand/react/shallow";
import { useAppStore, useStoreApi } from "../store";
import type { Command } from "./registry";

/** The tooltip of a command: its label and shortcut. */
export function commandTitle(command: Command): string {
  return command.shortcut === undefined ? command.label : `${command.label} (${command.shortcut})`;
}

/**
 * One button for a command: enabled (and pressed, for a toggle) from the store, run through the
 * registry, so a toolbar is a list of command ids and never a second implementation of what they do.
 * `iconOnly` keeps the label as the accessible name and the tooltip.
 */
export function CommandButton({
  command,
  iconOnly = false,
  short,
}: {
  command: Command;
  iconOnly?: boolean;
  /** A shorter visible text ("Changes"); the full label stays the name, and starts with it. */
  short?: string;
}) {
  const store = useStoreApi();
  const [enabled, pressed] = useAppStore(
    useShallow((s) => [command.enabled(s), command.pressed?.(s)] as const),
  );
  const Icon = command.icon;
  return (
    <button
      type="button"
      className={iconOnly ? "icon-button" : undefined}
      disabled={!enabled}
      aria-pressed={pressed}
      aria-label={iconOnly || short !== undefined ? command.label : undefined}
      title={commandTitle(command)}
      data-command={command.id}
      onClick={() => command.run(store.getState())}
    >
      {Icon !== undefined && <Icon aria-hidden="true" size={16} />}
      {!iconOnly && <span>{short ?? command.label}</span>}
    </button>
  );
}

/** One button per command. */
export function CommandButtons({ commands }: { commands: readonly Command[] }) {
  return (
    <>
      {commands.map((command) => (
        <CommandButton key={command.id} command={command} />
      ))}
    </>
  );
}
