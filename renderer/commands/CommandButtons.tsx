import { useShallow } from "zustand/react/shallow";
import { useAppStore, useStoreApi } from "../store";
import type { Command } from "./registry";

/**
 * One button per command, enabled from the store and run through the registry, so a toolbar is a
 * list of command ids and never a second implementation of what they do.
 */
export function CommandButtons({ commands }: { commands: readonly Command[] }) {
  const store = useStoreApi();
  const enabled = useAppStore(useShallow((s) => commands.map((c) => c.enabled(s))));
  return (
    <>
      {commands.map((command, i) => (
        <button
          key={command.id}
          type="button"
          disabled={enabled[i] !== true}
          title={command.shortcut === undefined ? command.label : `${command.label} (${command.shortcut})`}
          onClick={() => command.run(store.getState())}
        >
          {command.label}
        </button>
      ))}
    </>
  );
}
