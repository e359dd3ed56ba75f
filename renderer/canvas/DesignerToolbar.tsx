import { useShallow } from "zustand/react/shallow";
import { findCommand, type Command } from "../commands/registry";
import { useAppStore, useStoreApi } from "../store";

const TOOLBAR = ["undo", "redo", "addStage", "exportV1", "exportV2", "copyJson", "commandPalette"]
  .map((id) => findCommand(id))
  .filter((c): c is Command => c !== undefined);

/** The designer's toolbar: undo/redo, add a stage, export and copy, artifact-flow edges. */
export function DesignerToolbar() {
  const store = useStoreApi();
  const enabled = useAppStore(useShallow((s) => TOOLBAR.map((c) => c.enabled(s))));
  const showEdges = useAppStore((s) => s.showArtifactEdges);
  const toggleEdges = useAppStore((s) => s.artifactEdgesToggled);
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Designer">
      {TOOLBAR.map((command, i) => (
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
      <label className="toggle">
        <input type="checkbox" checked={showEdges} onChange={toggleEdges} />
        Artifact flow
      </label>
    </div>
  );
}
