import { awsRemedy, type AppError } from "../../../shared/ipc";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import { connectionLabel } from "../../store/connection-slice";
import type { DeployDialogState } from "../../store/deploy-slice";
import { ConflictView, MergeConflictsView } from "./ConflictView";
import { fieldKey } from "../problem-place";
import { RunLink } from "../runs/RunLink";
import { DiffView } from "./DiffView";
import "./deploy.css";
import { DriftGuard, ownerWarning } from "../iac/DriftGuard";
import { pipelineNameLabel } from "../../../shared/iac/deploy-time-values";

const STEP_TEXT = {
  "waiting-for-idle": "Waiting for runs in progress to finish",
  "checking-remote": "Checking that the remote pipeline has not changed",
  creating: "Creating the pipeline",
  updating: "Updating the pipeline",
} as const;

/** A finding's link: closes the dialog, selects the element and puts the keyboard in its field. */
function useShowFinding() {
  const reveal = useAppStore((s) => s.problemRevealed);
  const focus = useAppStore((s) => s.focusRequested);
  const cancelled = useAppStore((s) => s.deployCancelled);
  return (path: readonly (string | number)[]) => {
    void cancelled();
    reveal([...path]);
    focus(fieldKey(path));
  };
}

function ErrorView({ error }: { error: AppError }) {
  const reveal = useShowFinding();
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
      {awsRemedy(error.code) && <p className="muted">{awsRemedy(error.code)}</p>}
      <p className="muted">The document was not changed.</p>
    </div>
  );
}

function PreviewView({ state }: { state: Extract<DeployDialogState, { phase: "preview" }> }) {
  const waitToggled = useAppStore((s) => s.deployWaitToggled);
  const reveal = useShowFinding();
  const { preview } = state;
  // Nothing to deploy: warnings about what a deploy would do (runs it would stop) do not apply.
  const warnings = preview.upToDate ? [] : preview.warnings;
  const running = warnings.some((w) => w.code === "executions-in-progress");
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
      {warnings.length > 0 && (
        <ul className="deploy-warnings" aria-label="Impact warnings">
          {warnings.map((w, i) => (
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
          {/* A pipeline another tool owns: the guard asks before the deploy (and has its own button). */}
          {owned !== undefined && !preview.upToDate && <DriftGuard warning={owned} label="Deploy changes" />}
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
  const confirmed = useAppStore((s) => s.deployConfirmed);
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
      size="lg"
      onClose={() => void cancelled()}
      closeLabel={state.phase === "done" || state.phase === "failed" ? "Close" : "Cancel"}
      actions={
        state.phase === "preview" &&
        state.preview.conflict === undefined &&
        (state.preview.upToDate || ownerWarning(state.preview.warnings) === undefined) ? (
          <button type="button" className="primary" data-autofocus onClick={() => void confirmed()}>
            {state.preview.action === "create"
              ? "Create pipeline"
              : state.preview.upToDate
                ? "Done"
                : "Deploy changes"}
          </button>
        ) : state.phase === "failed" ? (
          <button type="button" className="primary" onClick={() => void requested()}>
            Preview again
          </button>
        ) : state.phase === "done" ? (
          <button
            type="button"
            className="primary"
            disabled={state.run !== null && "id" in state.run}
            onClick={() => void release()}
          >
            Release change
          </button>
        ) : undefined
      }
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
        {state.phase === "failed" && <ErrorView error={state.error} />}
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
            {state.run !== null &&
              ("id" in state.run ? (
                <p>
                  Run started: <RunLink id={state.run.id} onFollow={() => void cancelled()} />. Its progress
                  shows on the canvas.
                </p>
              ) : (
                <p role="alert">{state.run.error.message}</p>
              ))}
          </div>
        )}
      </div>
    </Dialog>
  );
}
