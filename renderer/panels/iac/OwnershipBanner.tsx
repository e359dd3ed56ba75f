import { describeIacSource, iacSourceOf } from "../../../shared/iac";
import { describeOwner } from "../../../shared/iac/ownership";
import { useAppStore } from "../../store";

/**
 * Who the open pipeline belongs to: the stack or tool that manages it (a direct deploy drifts from
 * it), or the template it was imported from (export writes the change back into it).
 */
export function OwnershipBanner() {
  const owner = useAppStore((s) => s.doc?.owner ?? null);
  const importedFrom = useAppStore((s) => s.doc?.importedFrom ?? null);
  const source = useAppStore((s) => (s.doc === null ? undefined : iacSourceOf(s.doc.document)));
  const exportOpened = useAppStore((s) => s.iacExportOpened);
  if (owner !== null) {
    return (
      <div className="banner banner-warning" role="region" aria-label="Pipeline owner">
        <span>
          Managed by {describeOwner(owner)}. Deploying from here drifts from it, and{" "}
          {owner.kind === "tag" ? "its next apply" : "the next stack update"} reverts the change; export the
          change as a template for its repository instead.
        </span>
        <button type="button" onClick={() => exportOpened()}>
          Export as template
        </button>
      </div>
    );
  }
  if (source !== undefined) {
    return (
      <div className="banner" role="region" aria-label="Imported template">
        <span>
          Imported from the {describeIacSource(source)}
          {importedFrom === null ? "" : ` in ${importedFrom.path}`}. Values the template resolves at deploy
          time are shown as written and kept; Export writes the change back into the template.
        </span>
        <button type="button" onClick={() => exportOpened()}>
          Export as template
        </button>
      </div>
    );
  }
  return null;
}
