import { useAppStore } from "../store";

/** The centre area: the pipeline's stages and actions in order (React Flow arrives with the designer). */
export function CanvasArea() {
  const pipeline = useAppStore((s) => s.doc?.document.pipeline);
  const newRequested = useAppStore((s) => s.dialogOpened);
  if (pipeline === undefined) {
    return (
      <main className="canvas canvas-empty" aria-label="Canvas">
        <p>No document is open.</p>
        <button type="button" onClick={() => newRequested("new")}>
          Create a pipeline from a template
        </button>
      </main>
    );
  }
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
  return (
    <main className="canvas" aria-label="Canvas">
      <ol className="stages" aria-label={`Stages of ${pipeline.name}`}>
        {stages.map((stage, i) => (
          <li key={`${i}-${stage.name}`} className="stage" aria-label={`Stage ${stage.name}`}>
            <h3>{stage.name}</h3>
            <ul>
              {(Array.isArray(stage.actions) ? stage.actions : []).map((action, j) => (
                <li key={`${j}-${action.name}`} className="action">
                  <strong>{action.name}</strong>
                  <span className="muted">{action.actionTypeId?.provider}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </main>
  );
}
