import { ReactFlowProvider } from "@xyflow/react";
import { X } from "lucide-react";
import "@xyflow/react/dist/style.css";
import "../styles/canvas.css";
import "../styles/canvas-zoom.css";
import "../styles/panels.css";
import { useAppStore } from "../store";
import { FlowCanvas } from "../canvas/FlowCanvas";

function CanvasMessage() {
  const message = useAppStore((s) => s.dropPreview?.refusal ?? s.canvasMessage);
  const dismiss = useAppStore((s) => s.canvasMessageShown);
  return (
    <div className="canvas-message" role="status" aria-live="polite">
      {message !== null && (
        <>
          <span>{message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss the message"
            title="Dismiss the message"
            onClick={() => dismiss(null)}
          >
            <X aria-hidden="true" size={14} />
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
  const native = useAppStore((s) => s.info?.nativeDialogs === true);
  const openFile = useAppStore((s) => s.openRequested);
  const openRequested = () => (native ? void openFile() : newRequested("open"));
  if (!hasDocument) {
    return (
      <main className="canvas canvas-empty" aria-label="Canvas" id="canvas" tabIndex={-1}>
        <p>No document is open.</p>
        <button type="button" className="primary" onClick={() => newRequested("new")}>
          Create a pipeline from a template
        </button>
        <button type="button" onClick={() => openRequested()}>
          Open a pipeline file
        </button>
      </main>
    );
  }
  return (
    <main className="canvas" aria-label="Canvas" id="canvas" tabIndex={-1} data-focus-key="canvas">
      <ReactFlowProvider>
        <FlowCanvas />
      </ReactFlowProvider>
      <CanvasMessage />
    </main>
  );
}
