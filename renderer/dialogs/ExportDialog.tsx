import { useEffect } from "react";
import { useAppStore } from "../store";
import { pipelinePath } from "../store/derived";
import { Dialog } from "./Dialog";

/** Hands an export to the browser as a file download (web mode and the desktop app alike). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export: downloads the file, or explains a refusal and offers the explicit drop. */
export function ExportDialog() {
  const prompt = useAppStore((s) => s.exportPrompt);
  const ready = useAppStore((s) => s.exportReady);
  const requested = useAppStore((s) => s.exportRequested);
  const dismissed = useAppStore((s) => s.exportDismissed);

  useEffect(() => {
    if (ready !== null) download(ready.fileName, ready.text);
  }, [ready]);

  if (prompt !== null) {
    const v2 = prompt.diagnostics.some((d) => d.code === "v2-feature-in-v1");
    return (
      <Dialog title={`Export ${prompt.pipelineType} refused`} onClose={dismissed}>
        <p>
          {v2
            ? "A V1 pipeline cannot hold these V2-only features, so the export would not be accepted by CodePipeline:"
            : "The export was refused:"}
        </p>
        <ul className="export-findings">
          {prompt.diagnostics.map((d, i) => (
            <li key={i}>
              {d.message} <code className="muted">{pipelinePath(d.path).join(".")}</code>
            </li>
          ))}
        </ul>
        {v2 && (
          <button type="button" onClick={() => requested("V1", true)}>
            Export V1 without these features
          </button>
        )}
      </Dialog>
    );
  }
  if (ready !== null && ready.dropped.length > 0) {
    return (
      <Dialog title="Exported without V2 features" onClose={dismissed}>
        <p>{ready.fileName} was saved without:</p>
        <ul>
          {ready.dropped.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      </Dialog>
    );
  }
  return null;
}
