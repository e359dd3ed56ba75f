import { useShallow } from "zustand/react/shallow";
import { OwnershipBanner } from "../panels/iac/OwnershipBanner";
import { useAppStore } from "../store";

/** Errors, notices, recovery offers and disk changes, all read from store state. */
export function Banners() {
  const error = useAppStore((s) => s.error);
  const notice = useAppStore((s) => s.notice);
  const recovery = useAppStore((s) => s.recovery);
  const diskChange = useAppStore((s) => s.diskChange);
  const actions = useAppStore(
    useShallow((s) => ({
      errorDismissed: s.errorDismissed,
      noticeDismissed: s.noticeDismissed,
      recoveryRestoreRequested: s.recoveryRestoreRequested,
      recoveryDeclined: s.recoveryDeclined,
      diskReloadRequested: s.diskReloadRequested,
      diskChangeKept: s.diskChangeKept,
    })),
  );
  return (
    <div className="banners">
      <OwnershipBanner />
      {error !== null && (
        <div className="banner banner-error" role="alert">
          <span>{error.message}</span>
          <button type="button" onClick={actions.errorDismissed}>
            Dismiss error
          </button>
        </div>
      )}
      {notice !== null && (
        <div className="banner" role="status">
          <span>{notice}</span>
          <button type="button" onClick={actions.noticeDismissed}>
            Dismiss notice
          </button>
        </div>
      )}
      {recovery.map((entry) => (
        <div
          key={entry.id}
          className="banner banner-warning"
          role="region"
          aria-label={`Unsaved work: ${entry.title}`}
        >
          <span>
            Unsaved edits of “{entry.title}” {entry.path === null ? "" : `(${entry.path}) `}were kept from{" "}
            {new Date(entry.savedAt).toLocaleString()}.
          </span>
          <button type="button" onClick={() => void actions.recoveryRestoreRequested(entry.id)}>
            Restore
          </button>
          <button type="button" onClick={() => void actions.recoveryDeclined(entry.id)}>
            Discard
          </button>
        </div>
      ))}
      {diskChange !== null && (
        <div className="banner banner-warning" role="alertdialog" aria-label="File changed on disk">
          <span>
            {diskChange.change === "deleted"
              ? `The file was deleted by another program: ${diskChange.path}`
              : `Another program changed the file: ${diskChange.path}`}
          </span>
          {diskChange.change === "modified" && (
            <button type="button" onClick={() => void actions.diskReloadRequested()}>
              Reload from disk
            </button>
          )}
          <button type="button" onClick={actions.diskChangeKept}>
            Keep my version
          </button>
        </div>
      )}
    </div>
  );
}
