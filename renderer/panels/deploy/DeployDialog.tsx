import type { AppError } from "../../../shared/ipc";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import { connectionLabel } from "../../store/connection-slice";
import type { DeployDialogState } from "../../store/deploy-slice";
import { ConflictView, MergeConflictsView } from "./ConflictView";
import { DiffView } from "./DiffView";
import { DriftGuard, ownerWarning } from "../iac/DriftGuard";
import { pipelineNameLabel } from "../../../shared/iac/deploy-time-values";

const STEP_TEXT = {
  "waiting-for-idle": "Waiting for runs in progress to finish",
  "checking-remote": "Checking that the remote pipeline has not changed",
  creating: "Creating the pipeline",
  updating: "Updating the pipeline",
} as const;

function ErrorView({ error }: { error: AppError }) {
  const reveal = useAppStore((s) => s.problemRevealed);
  const errors = (error.diagnostics ?? []).filter((d) => d.severity === "error");
  return (
    <div className="deploy-error" role="alert">
      <p>{error.message}</p>
      {errors.length > 0 && (
        <ul className="deploy-findings">
          {errors.map((d, i) => (
            <li key={i}>
              <button type="button" className="link" onClick={() => reveal(d.path)}>
                {d.message}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error.code === "invalid-structure" && error.path !== undefined && (
        <p className="muted">The element AWS named is selected on the canvas.</p>
      )}
      {error.code === "conflict" && <p className="muted">Preview again to see what changed remotely.</p>}
      <p className="muted">The document was not changed.</p>
    </div>
  );
}

function PreviewView({ state }: { state: Extract<DeployDialogState, { phase: "preview" }> }) {
  const confirmed = useAppStore((s) => s.deployConfirmed);
  const waitToggled = useAppStore((s) => s.deployWaitToggled);
  const reveal = useAppStore((s) => s.problemRevealed);
  const { preview } = state;
  const running = preview.warnings.some((w) => w.code === "executions-in-progress");
  const owned = ownerWarning(preview.warnings);
  return (
    <>
      {preview.diagnostics.length > 0 && (
        <section aria-label="Validation warnings">
          <p>Validation found no errors, and these warnings:</p>
          <ul className="deploy-findings">
            {preview.diagnostics.map((d, i) => (
              <li key={i} className={`severity-${d.severity}`}>
                <button type="button" className="link" onClick={() => reveal(d.path)}>
                  {d.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.warnings.length > 0 && (
        <ul className="deploy-warnings" aria-label="Impact warnings">
          {preview.warnings.map((w, i) => (
            <li key={i} role="note" className={`warning-${w.code}`}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
      {preview.conflict !== undefined ? (
        <ConflictView preview={preview} />
      ) : (
        <>
          {preview.action === "create" ? (
            <p>
              <strong>{preview.name}</strong> does not exist yet: it will be created.
            </p>
          ) : preview.upToDate ? (
            <p>The remote pipeline (version {preview.remoteVersion}) already matches the document.</p>
          ) : (
            preview.diff !== undefined && (
              <DiffView diff={preview.diff} label={`Changes to version ${preview.remoteVersion ?? "?"}`} />
            )
          )}
          {running && (
            <label className="deploy-wait">
              <input
                type="checkbox"
                checked={state.waitUntilIdle}
                onChange={(e) => waitToggled(e.target.checked)}
              />
              Wait until idle (no run is stopped)
            </label>
          )}
          {owned !== undefined && !preview.upToDate ? (
            <DriftGuard warning={owned} label="Deploy changes" />
          ) : (
            <div className="deploy-buttons">
              <button type="button" className="primary" onClick={() => void confirmed()}>
                {preview.action === "create"
                  ? "Create pipeline"
                  : preview.upToDate
                    ? "Done"
                    : "Deploy changes"}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

/** The deploy dialog: preview (validation, diff, warnings, conflict), progress, result. */
export function DeployDialog() {
  const state = useAppStore((s) => s.deploy);
  const connection = useAppStore((s) => s.connection);
  const name = useAppStore((s) => (s.doc === null ? "" : pipelineNameLabel(s.doc.document.pipeline)));
  const cancelled = useAppStore((s) => s.deployCancelled);
  const requested = useAppStore((s) => s.deployRequested);
  const release = useAppStore((s) => s.releaseChangeRequested);
  if (state === null) return null;
  const where = connectionLabel(connection);
  const title =
    (state.phase === "preview" && state.preview.conflict !== undefined) || state.phase === "merge"
      ? `Deploy conflict: ${name}`
      : state.phase === "done"
        ? `Deployed ${state.outcome.name}`
        : state.phase === "failed"
          ? `Deploy failed: ${name}`
          : `Deploy ${name} to ${where}`;
  return (
    <Dialog
      title={title}
      onClose={() => void cancelled()}
      closeLabel={state.phase === "done" || state.phase === "failed" ? "Close" : "Cancel"}
    >
      <div className="deploy-dialog" data-phase={state.phase}>
        <p className="muted">Connection: {where}</p>
        {state.phase === "previewing" && (
          <p role="status">Validating and comparing with the remote pipeline…</p>
        )}
        {state.phase === "preview" && <PreviewView state={state} />}
        {state.phase === "merge" && (
          <MergeConflictsView preview={state.preview} conflicts={state.conflicts} />
        )}
        {state.phase === "deploying" && (
          <p role="status">{state.progress === null ? "Deploying…" : `${STEP_TEXT[state.progress.step]}…`}</p>
        )}
        {state.phase === "failed" && (
          <>
            <ErrorView error={state.error} />
            <div className="deploy-buttons">
              <button type="button" onClick={() => void requested()}>
                Preview again
              </button>
            </div>
          </>
        )}
        {state.phase === "done" && (
          <div role="status">
            <p>
              {state.outcome.action === "create"
                ? "Created"
                : state.outcome.action === "update"
                  ? "Updated"
                  : "Unchanged"}
              : {state.outcome.name} is now at version {state.outcome.version}.
            </p>
            <div className="deploy-buttons">
              <button
                type="button"
                disabled={state.run !== null && "id" in state.run}
                onClick={() => void release()}
              >
                Release change
              </button>
            </div>
            {state.run !== null &&
              ("id" in state.run ? (
                <p>Run started: {state.run.id}</p>
              ) : (
                <p role="alert">{state.run.error.message}</p>
              ))}
          </div>
        )}
      </div>
    </Dialog>
  );
}
