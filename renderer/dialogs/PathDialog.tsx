import { useState } from "react";
import { useAppStore } from "../store";
import { Dialog } from "./Dialog";
import { pipelineNameLabel } from "../../shared/iac/deploy-time-values";

/**
 * Open and Save As where there is no native file dialog (web mode): the path is typed, or, for Open,
 * picked from the recent files. Paths are on the machine running Pipewright's host.
 */
export function PathDialog({ kind }: { kind: "open" | "saveAs" }) {
  const recent = useAppStore((s) => s.recent);
  const currentPath = useAppStore((s) => s.doc?.path ?? null);
  // A name a template resolves at deploy time suggests its reference (`!Ref PipelineName`).
  const suggested = useAppStore(
    (s) => (s.doc === null ? "" : pipelineNameLabel(s.doc.document.pipeline)) || "pipeline",
  );
  const open = useAppStore((s) => s.openRequested);
  const saveAs = useAppStore((s) => s.saveAsRequested);
  const close = useAppStore((s) => s.dialogClosed);
  const error = useAppStore((s) => s.error);
  const [path, setPath] = useState(kind === "saveAs" ? (currentPath ?? `${suggested}.pipeline.json`) : "");
  const submit = () => void (kind === "open" ? open(path.trim()) : saveAs(path.trim()));
  return (
    <Dialog title={kind === "open" ? "Open a pipeline file" : "Save the pipeline as"} onClose={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim() !== "") submit();
        }}
      >
        <label>
          File path
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        {error !== null && <p role="alert">{error.message}</p>}
        <button type="submit" disabled={path.trim() === ""}>
          {kind === "open" ? "Open file" : "Save file"}
        </button>
      </form>
      {kind === "open" && recent.length > 0 && (
        <section aria-label="Recent files">
          <h3>Recent files</h3>
          <ul>
            {recent.map((f) => (
              <li key={f.path}>
                <button type="button" title={f.path} onClick={() => void open(f.path)}>
                  {f.name}
                </button>{" "}
                <span className="muted">{f.path}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
