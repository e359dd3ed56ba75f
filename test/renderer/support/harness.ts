/**
 * Parts of the app frame for component tests: the toolbar's AWS group with the dialogs it opens,
 * and the runs tab as the bottom panel shows it (with its toolbar toggle and dialogs).
 */
import { createElement, Fragment } from "react";
import { CommandButton } from "../../../renderer/commands/CommandButtons";
import { findCommand } from "../../../renderer/commands/registry";
import { ConfirmDialog } from "../../../renderer/dialogs/ConfirmDialog";
import { BrowseDialog } from "../../../renderer/panels/browse/BrowseDialog";
import { ConnectionPicker } from "../../../renderer/panels/connection/ConnectionPicker";
import { DeployDialog } from "../../../renderer/panels/deploy/DeployDialog";
import { RunDialogs } from "../../../renderer/panels/runs/RunDialogs";
import { RunsPanel } from "../../../renderer/panels/runs/RunsPanel";
import { useAppStore } from "../../../renderer/store";
import { selectRunsOpen } from "../../../renderer/store/runs-slice";

// jsdom has no layout, so no ResizeObserver; the docked panels and React Flow need one to mount.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

function command(id: string) {
  const found = findCommand(id);
  if (found === undefined) throw new Error(`no command ${id}`);
  return found;
}

/** The toolbar's AWS group (connection, Browse, Deploy) and the dialogs it opens. */
export function DeployControls() {
  return createElement(
    Fragment,
    null,
    createElement(ConnectionPicker),
    createElement(CommandButton, { command: command("browse") }),
    createElement(CommandButton, { command: command("deploy") }),
    createElement(BrowseDialog),
    createElement(DeployDialog),
    createElement(ConfirmDialog),
  );
}

function RunsTab() {
  const open = useAppStore(selectRunsOpen);
  return open ? createElement(RunsPanel) : null;
}

/** The toolbar's Runs toggle, the runs tab while it is shown, and the runs dialogs. */
export function RunsControls() {
  return createElement(
    Fragment,
    null,
    createElement(CommandButton, { command: command("toggleRuns") }),
    createElement(RunsTab),
    createElement(RunDialogs),
    createElement(ConfirmDialog),
  );
}
