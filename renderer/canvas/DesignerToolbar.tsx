import { CommandButtons } from "../commands/CommandButtons";
import { findCommand, type Command } from "../commands/registry";
import { useAppStore } from "../store";

const TOOLBAR = [
  "undo",
  "redo",
  "addStage",
  "changesSinceSave",
  "exportV1",
  "exportV2",
  "exportTemplate",
  "copyJson",
  "rehearse",
  "commandPalette",
]
  .map((id) => findCommand(id))
  .filter((c): c is Command => c !== undefined);

/** The designer's toolbar: undo/redo, add a stage, export and copy, artifact-flow edges. */
export function DesignerToolbar() {
  const showEdges = useAppStore((s) => s.showArtifactEdges);
  const toggleEdges = useAppStore((s) => s.artifactEdgesToggled);
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Designer">
      <CommandButtons commands={TOOLBAR} />
      <label className="toggle">
        <input type="checkbox" checked={showEdges} onChange={toggleEdges} />
        Artifact flow
      </label>
    </div>
  );
}
