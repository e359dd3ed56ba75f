import { useEffect } from "react";
import { describePlace } from "../panels/problem-place";
import { useAppStore } from "../store";
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

/** "2.4 kB": a file's size as people read it. */
function size(text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  return bytes < 1000 ? `${bytes} bytes` : `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * Export: downloads the file and says what was written and where, or explains a refusal. A V1
 * export of a pipeline with V2 features offers, beside Cancel, to export without them; what was
 * dropped is listed afterwards.
 */
export function ExportDialog() {
  const prompt = useAppStore((s) => s.exportPrompt);
  const ready = useAppStore((s) => s.exportReady);
  const pipeline = useAppStore((s) => s.doc?.document.pipeline);
  const requested = useAppStore((s) => s.exportRequested);
  const dismissed = useAppStore((s) => s.exportDismissed);
  const noticeShown = useAppStore((s) => s.noticeShown);
  const web = useAppStore((s) => s.info?.mode === "web");

  useEffect(() => {
    if (ready === null) return;
    download(ready.fileName, ready.text);
    noticeShown(
      `Exported ${ready.fileName} (${size(ready.text)})${web ? ": your browser saved it in its downloads folder." : "."}`,
    );
    // Nothing was dropped: there is nothing more to say than the notice.
    if (ready.dropped.length === 0) dismissed();
  }, [ready, noticeShown, dismissed, web]);

  if (prompt !== null) {
    const v2 = prompt.diagnostics.some((d) => d.code === "v2-feature-in-v1");
    return (
      <Dialog
        title={`Export ${prompt.pipelineType} refused`}
        onClose={dismissed}
        actions={
          v2 ? (
            <button type="button" className="primary" onClick={() => requested("V1", true)}>
              Export without the V2 features
            </button>
          ) : undefined
        }
      >
        <p>
          {v2
            ? "A V1 pipeline cannot hold these V2 features, so CodePipeline would not accept this export:"
            : "The export was refused:"}
        </p>
        <ul className="export-findings">
          {prompt.diagnostics.map((d, i) => (
            <li key={i}>
              {d.message} <span className="muted">({describePlace(pipeline, d.path)})</span>
            </li>
          ))}
        </ul>
        {v2 && (
          <p className="muted">
            Exporting without them leaves your document as it is; only the exported file goes without them.
          </p>
        )}
      </Dialog>
    );
  }
  if (ready !== null && ready.dropped.length > 0) {
    return (
      <Dialog title="Exported without V2 features" onClose={dismissed} closeLabel="Close">
        <p>{ready.fileName} was exported without:</p>
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
