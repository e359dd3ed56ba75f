import { ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "../styles/canvas.css";
import "../styles/panels.css";
import { useAppStore } from "../store";
import { DesignerToolbar } from "../canvas/DesignerToolbar";
import { FlowCanvas } from "../canvas/FlowCanvas";

function CanvasMessage() {
  const message = useAppStore((s) => s.dropPreview?.refusal ?? s.canvasMessage);
  const dismiss = useAppStore((s) => s.canvasMessageShown);
  return (
    <div className="canvas-message" role="status" aria-live="polite">
      {message !== null && (
        <>
          <span>{message}</span>
          <button type="button" aria-label="Dismiss the message" onClick={() => dismiss(null)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}

/** The centre area: the designer's toolbar and the pipeline canvas. */
export function CanvasArea() {
  const hasDocument = useAppStore((s) => s.doc !== null);
  const newRequested = useAppStore((s) => s.dialogOpened);
  if (!hasDocument) {
    return (
      <main className="canvas canvas-empty" aria-label="Canvas">
        <p>No document is open.</p>
        <button type="button" onClick={() => newRequested("new")}>
          Create a pipeline from a template
        </button>
      </main>
    );
  }
  return (
    <main className="canvas" aria-label="Canvas">
      <DesignerToolbar />
      <ReactFlowProvider>
        <FlowCanvas />
      </ReactFlowProvider>
      <CanvasMessage />
    </main>
  );
}
