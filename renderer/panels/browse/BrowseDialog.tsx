import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import { connectionLabel } from "../../store/connection-slice";

/** The connection's pipelines; opening one loads it into the designer with its version as the base. */
export function BrowseDialog() {
  const browse = useAppStore((s) => s.browse);
  const connection = useAppStore((s) => s.connection);
  const closed = useAppStore((s) => s.browseClosed);
  const openRequested = useAppStore((s) => s.remotePipelineOpenRequested);
  if (browse === null) return null;
  return (
    <Dialog title={`Pipelines in ${connectionLabel(connection)}`} onClose={closed}>
      {browse.loading && <p role="status">Loading…</p>}
      {browse.error !== null && <p role="alert">{browse.error.message}</p>}
      {!browse.loading && browse.error === null && browse.pipelines.length === 0 && (
        <p>There are no pipelines here yet.</p>
      )}
      {browse.pipelines.length > 0 && (
        <table className="browse-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Execution mode</th>
              <th>Version</th>
              <th>Updated</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {browse.pipelines.map((p) => (
              <tr key={p.name}>
                <td>{p.name}</td>
                <td>{p.pipelineType ?? "V1"}</td>
                <td>{p.executionMode ?? "SUPERSEDED"}</td>
                <td>{p.version ?? ""}</td>
                <td>{p.updated === undefined ? "" : new Date(p.updated).toLocaleString()}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Open ${p.name}`}
                    onClick={() => void openRequested(p.name)}
                  >
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
