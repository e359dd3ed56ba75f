import { CircleCheck, X } from "lucide-react";
import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import { MenuButton } from "../design/MenuButton";
import { testOutcome } from "../panels/connection/ConnectionPicker";
import { OwnershipBanner } from "../panels/iac/OwnershipBanner";
import { useAppStore } from "../store";

/**
 * Unsaved work kept from an earlier session: the newest copy with Restore and Discard, and the
 * others in one menu, so a few crashed sessions never stack banners over the canvas.
 */
function RecoveryBanner() {
  const recovery = useAppStore((s) => s.recovery);
  const restore = useAppStore((s) => s.recoveryRestoreRequested);
  const decline = useAppStore((s) => s.recoveryDeclined);
  const [newest, ...older] = [...recovery].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  if (newest === undefined) return null;
  return (
    <div className="banner banner-warning" role="region" aria-label={`Unsaved work: ${newest.title}`}>
      <span>
        Unsaved edits of “{newest.title}” {newest.path === null ? "" : `(${newest.path}) `}were kept from{" "}
        {new Date(newest.savedAt).toLocaleString()}.
      </span>
      <button type="button" onClick={() => void restore(newest.id)}>
        Restore
      </button>
      <button type="button" onClick={() => void decline(newest.id)}>
        Discard
      </button>
      {older.length > 0 && (
        <MenuButton
          label={`${older.length} more`}
          items={[
            ...older.map((entry) => ({
              id: `restore-${entry.id}`,
              label: `Restore “${entry.title}” of ${new Date(entry.savedAt).toLocaleString()}`,
              run: () => void restore(entry.id),
            })),
            {
              id: "discard-older",
              label: `Discard the ${older.length} older cop${older.length === 1 ? "y" : "ies"}`,
              section: true,
              run: () => older.forEach((entry) => void decline(entry.id)),
            },
          ]}
        />
      )}
    </div>
  );
}

/** What "Test connection" found, until dismissed or the connection changes. */
function ConnectionTestBanner() {
  const test = useAppStore((s) => s.connectionTest);
  const dismissed = useAppStore((s) => s.connectionTestDismissed);
  if (test.status !== "ok" && test.status !== "failed") return null;
  const partial = test.status === "ok" && test.identity.identityUnavailable !== undefined;
  return (
    <div
      className={`banner ${test.status === "failed" ? "banner-error" : partial ? "banner-warning" : "banner-success"}`}
      role={test.status === "failed" ? "alert" : "status"}
    >
      <span>{testOutcome(test)}</span>
      <button type="button" onClick={dismissed}>
        Dismiss
      </button>
    </div>
  );
}

/** Errors, notices, recovery offers, disk changes and the connection test, all read from store state. */
export function Banners() {
  const error = useAppStore((s) => s.error);
  const diskChange = useAppStore((s) => s.diskChange);
  const actions = useAppStore(
    useShallow((s) => ({
      errorDismissed: s.errorDismissed,
      diskReloadRequested: s.diskReloadRequested,
      diskChangeKept: s.diskChangeKept,
    })),
  );
  return (
    <div className="banners">
      <OwnershipBanner />
      {error !== null && (
        <div className="banner banner-error" role="alert">
          <span title={error.message}>{error.message}</span>
          <button type="button" onClick={actions.errorDismissed}>
            Dismiss error
          </button>
        </div>
      )}
      <ConnectionTestBanner />
      <RecoveryBanner />
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

/** How long a notice stays before it goes by itself. */
const NOTICE_MS = 8000;

/**
 * What the app just did ("Saved x in /y", "Exported x"), over the corner of the window instead of
 * above it, so a notice never moves the panels; it goes by itself after a few seconds.
 */
export function NoticeToast() {
  const notice = useAppStore((s) => s.notice);
  const dismissed = useAppStore((s) => s.noticeDismissed);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(dismissed, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismissed]);
  return (
    <div className="toast-area" role="status" aria-label="Notice">
      {notice !== null && (
        <div className="toast">
          <CircleCheck aria-hidden="true" size={16} className="tone-success" />
          <span>{notice}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notice"
            title="Dismiss notice"
            onClick={dismissed}
          >
            <X aria-hidden="true" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
