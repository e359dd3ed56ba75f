import { useAppStore } from "../store";

/** The right area: properties of the selection; for now the pipeline's own. */
export function InspectorPanel() {
  const name = useAppStore((s) => s.doc?.document.pipeline.name);
  const type = useAppStore((s) => s.doc?.document.pipeline.pipelineType);
  const path = useAppStore((s) => s.doc?.path);
  const renamed = useAppStore((s) => s.pipelineRenamed);
  return (
    <aside className="panel inspector" aria-label="Inspector">
      <h2>Pipeline</h2>
      {name === undefined ? (
        <p className="muted">Nothing selected.</p>
      ) : (
        <form onSubmit={(e) => e.preventDefault()}>
          <label>
            Pipeline name
            <input value={name} onChange={(e) => renamed(e.target.value)} spellCheck={false} />
          </label>
          <p>
            Type: <span>{type ?? "V1 (not set)"}</span>
          </p>
          <p className="path">File: {path ?? "not saved yet"}</p>
        </form>
      )}
    </aside>
  );
}
