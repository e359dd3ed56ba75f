import { formatConflictValue, formatPath, type MergeConflict } from "../../../shared/diff";
import type { DeployPreviewView } from "../../../shared/ipc";
import { useAppStore } from "../../store";
import { mergeUnavailableReason } from "../../store/deploy-slice";
import { DiffView } from "./DiffView";

/** The conflict guard's screen: what changed remotely, and overwrite, reload or merge. */
export function ConflictView({ preview }: { preview: DeployPreviewView }) {
  const confirmed = useAppStore((s) => s.deployConfirmed);
  const reloaded = useAppStore((s) => s.deployRemoteReloaded);
  const mergeRequested = useAppStore((s) => s.deployMergeRequested);
  const conflict = preview.conflict!;
  const noMerge = mergeUnavailableReason(conflict);
  return (
    <div className="deploy-conflict" role="alert">
      <p>{conflict.message}</p>
      <p className="muted">
        Document based on version {conflict.documentVersion ?? "none"}; remote is version{" "}
        {conflict.remoteVersion}
        {conflict.remoteUpdated !== undefined
          ? `, updated ${new Date(conflict.remoteUpdated).toLocaleString()}`
          : ""}
        .
      </p>
      {conflict.remoteChanges !== undefined && (
        <DiffView diff={conflict.remoteChanges} label="Changed remotely" />
      )}
      {preview.diff !== undefined && <DiffView diff={preview.diff} label="Overwriting would change" />}
      {noMerge !== null && <p className="muted">{noMerge}</p>}
      <div className="deploy-buttons">
        {noMerge === null && (
          <button type="button" className="primary" onClick={() => void mergeRequested()}>
            Merge their changes
          </button>
        )}
        <button type="button" className="danger" onClick={() => void confirmed({ overwrite: true })}>
          Overwrite
        </button>
        <button type="button" onClick={() => void reloaded()}>
          Reload remote
        </button>
      </div>
    </div>
  );
}

/** The parts both sides changed differently, and which side wins them; everything else merges. */
export function MergeConflictsView({
  preview,
  conflicts,
}: {
  preview: DeployPreviewView;
  conflicts: MergeConflict[];
}) {
  const resolved = useAppStore((s) => s.deployMergeResolved);
  const left = useAppStore((s) => s.deployMergeLeft);
  const remoteVersion = preview.conflict?.remoteVersion;
  return (
    <div className="deploy-merge">
      <p>
        The remote pipeline and the document both changed{" "}
        {conflicts.length === 1 ? "this part" : "these parts"} differently. Every other change, remote or
        yours, is merged either way.
      </p>
      <table className="merge-conflicts" aria-label="Merge conflicts">
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Theirs (version {remoteVersion ?? "?"})</th>
            <th scope="col">Mine (document)</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c, i) => (
            <tr key={i} title={c.message}>
              <th scope="row">
                {c.subject}
                <br />
                <code className="muted">{formatPath(c.path)}</code>
              </th>
              <td>
                <code>{formatConflictValue(c, "theirs")}</code>
              </td>
              <td>
                <code>{formatConflictValue(c, "ours")}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="deploy-buttons">
        <button type="button" className="primary" onClick={() => void resolved("ours")}>
          Keep mine where both changed
        </button>
        <button type="button" onClick={() => void resolved("theirs")}>
          Take theirs where both changed
        </button>
        <button type="button" onClick={left}>
          Back
        </button>
      </div>
    </div>
  );
}
