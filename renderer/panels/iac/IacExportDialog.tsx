import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { EXPORT_FORMATS, type ExportFormat } from "../../../shared/iac";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import { pipelinePath } from "../../store/derived";
import { iacExportPreview, iacFileName, type IacExportChoice } from "../../store/iac-slice";
import "./iac.css";

const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: "create-pipeline JSON",
  "cfn-yaml": "CloudFormation YAML",
  "cfn-json": "CloudFormation JSON",
  terraform: "Terraform (HCL)",
  "cdk-ts": "CDK stack (TypeScript)",
};

/** Hands the export to the browser as a file download (web mode and the desktop app alike). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export as a template: format, type and parameters, a preview of the text, then Download. */
export function IacExportDialog() {
  const state = useAppStore(useShallow((s) => ({ doc: s.doc, iacExport: s.iacExport })));
  const changed = useAppStore((s) => s.iacExportChanged);
  const dismissed = useAppStore((s) => s.iacExportDismissed);
  const preview = useMemo(() => iacExportPreview(state), [state]);
  const choice = state.iacExport;
  const doc = state.doc;
  if (choice === null || doc === null || preview === null) return null;
  const set = (patch: Partial<IacExportChoice>) => changed(patch);
  const fileName = iacFileName(doc.document, choice.format, doc.importedFrom?.path ?? null);
  return (
    <Dialog title="Export the pipeline" onClose={dismissed} closeLabel="Close">
      <div className="iac-export">
        <div className="iac-export-options">
          <label>
            Format
            <select value={choice.format} onChange={(e) => set({ format: e.target.value as ExportFormat })}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Pipeline type
            <select
              value={choice.pipelineType}
              onChange={(e) => set({ pipelineType: e.target.value as IacExportChoice["pipelineType"] })}
            >
              <option value="as-is">As in the document</option>
              <option value="V1">V1</option>
              <option value="V2">V2</option>
            </select>
          </label>
          <label className="toggle">
            <input
              type="checkbox"
              checked={choice.parameterize}
              disabled={choice.format === "json"}
              onChange={(e) => set({ parameterize: e.target.checked })}
            />
            Parameters for account-specific values
          </label>
          {preview.diagnostics.some((d) => d.code === "v2-feature-in-v1") && (
            <label className="toggle">
              <input
                type="checkbox"
                checked={choice.dropUnsupported}
                onChange={(e) => set({ dropUnsupported: e.target.checked })}
              />
              Leave out the V2-only features
            </label>
          )}
        </div>
        {preview.text === undefined ? (
          <div role="alert" className="iac-export-refusal">
            <p>This export cannot be made:</p>
            <ul>
              {preview.diagnostics.map((d, i) => (
                <li key={i}>
                  {d.message} <code className="muted">{pipelinePath(d.path).join(".")}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <>
            {(preview.notes.length > 0 || preview.dropped.length > 0) && (
              <ul className="iac-export-notes" aria-label="Export notes">
                {preview.dropped.map((f, i) => (
                  <li key={`d${i}`}>Left out: {f.message}</li>
                ))}
                {preview.notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
                {preview.parameters
                  .filter((p) => p.secret)
                  .map((p) => (
                    <li key={p.name}>Secret parameter {p.name}: give its value when deploying.</li>
                  ))}
              </ul>
            )}
            <pre className="iac-export-preview" role="region" aria-label="Export preview" tabIndex={0}>
              {preview.text}
            </pre>
            <div className="deploy-buttons">
              <button
                type="button"
                className="primary"
                onClick={() => download(fileName, preview.text ?? "")}
              >
                Download {fileName}
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
