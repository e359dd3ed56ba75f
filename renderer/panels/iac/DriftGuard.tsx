import { useState } from "react";
import type { DeployWarningView } from "../../../shared/ipc";
import { useAppStore } from "../../store";

const OWNED = new Set(["managed-by-cloudformation", "managed-by-cdk", "managed-by-tag"]);

/** The owner warning of a deploy preview, when a stack or another tool owns the pipeline. */
export function ownerWarning(warnings: readonly DeployWarningView[]): DeployWarningView | undefined {
  return warnings.find((w) => OWNED.has(w.code));
}

/**
 * Deploying to a pipeline a stack or another tool owns: the update would be reverted at the
 * owner's next update, so the first offer is to export the change as a template; deploying anyway
 * is a separate, explicit choice.
 */
export function DriftGuard({ warning, label }: { warning: DeployWarningView; label: string }) {
  const confirmed = useAppStore((s) => s.deployConfirmed);
  const exportOpened = useAppStore((s) => s.iacExportOpened);
  const [accepted, setAccepted] = useState(false);
  const format =
    warning.code === "managed-by-cdk"
      ? "cdk-ts"
      : warning.code === "managed-by-tag"
        ? "terraform"
        : "cfn-yaml";
  return (
    <section className="drift-guard" aria-label="Drift warning">
      <p>
        <strong>{warning.owner ?? "Another tool"}</strong> owns this pipeline. A direct update drifts from it
        and is reverted the next time it updates the pipeline.
      </p>
      <div className="deploy-buttons">
        <button type="button" className="primary" onClick={() => exportOpened(format)}>
          Export the change as a template
        </button>
      </div>
      <label className="toggle">
        <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
        Deploy directly anyway, knowing the pipeline drifts from its owner
      </label>
      <div className="deploy-buttons">
        <button type="button" disabled={!accepted} onClick={() => void confirmed({ allowDrift: true })}>
          {label} anyway
        </button>
      </div>
    </section>
  );
}
