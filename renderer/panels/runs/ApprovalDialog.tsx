import { useId, useState } from "react";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import type { RunsDialog } from "../../store/runs-dialog-slice";
import { RunLink } from "./RunLink";

/** "Maximum length of 512" (ApprovalResult.summary, API_ApprovalResult.html). */
const COMMENT_MAX = 512;

/**
 * A manual approval's review, as the console's: what the approval asks (its custom data and the
 * link to review, as configured for the run that waits), a comment, and Approve or Reject. The
 * comment becomes the approval's summary, kept with the run (the action's details show it).
 */
export function ApprovalDialog({ dialog }: { dialog: Extract<RunsDialog, { kind: "approval" }> }) {
  const { stageName, actionName, pipelineExecutionId } = dialog;
  const closed = useAppStore((s) => s.runsDialogClosed);
  const request = useAppStore((s) => s.runControlRequested);
  const loaded = useAppStore((s) => s.approvalExecution);
  const openLink = useAppStore((s) => s.runLinkOpened);
  // Until the run's own configuration arrives, the document's (the same pipeline, maybe edited since).
  const declared = useAppStore(
    (s) =>
      s.doc?.document.pipeline.stages
        .find((st) => st.name === stageName)
        ?.actions.find((a) => a.name === actionName)?.configuration,
  );
  const live = useAppStore((s) =>
    s.runsLive?.state?.stageStates
      ?.find((st) => st.stageName === stageName)
      ?.actionStates?.find((a) => a.actionName === actionName),
  );
  const [comment, setComment] = useState("");
  const ids = useId();
  const configuration = loaded.value?.input?.configuration ?? declared ?? {};
  const customData = configuration["CustomData"];
  const link = configuration["ExternalEntityLink"];
  const summary = live?.latestExecution?.summary;
  const waiting = live?.latestExecution?.status === "InProgress" && Boolean(live.latestExecution.token);
  const answer = (status: "Approved" | "Rejected") => {
    closed();
    void request(
      { kind: "approve", stageName, actionName, status, summary: comment.trim() },
      { confirmed: true },
    );
  };
  return (
    <Dialog
      title={`Review ${stageName}/${actionName}`}
      onClose={closed}
      actions={
        <>
          <button type="button" className="danger" disabled={!waiting} onClick={() => answer("Rejected")}>
            Reject
          </button>
          <button type="button" className="primary" disabled={!waiting} onClick={() => answer("Approved")}>
            Approve
          </button>
        </>
      }
    >
      <dl className="review-facts">
        {pipelineExecutionId !== null && (
          <div>
            <dt>Run</dt>
            <dd>
              <RunLink id={pipelineExecutionId} onFollow={closed} />
            </dd>
          </div>
        )}
        <div>
          <dt>Status</dt>
          <dd>
            {waiting ? "Waiting for your review" : "No longer waiting: someone answered, or the run moved on"}
          </dd>
        </div>
        {summary !== undefined && summary !== "" && (
          <div>
            <dt>Summary</dt>
            <dd>{summary}</dd>
          </div>
        )}
        <div>
          <dt>Comments for the reviewer</dt>
          <dd>{customData ?? <span className="muted">None configured (CustomData)</span>}</dd>
        </div>
        <div>
          <dt>URL for review</dt>
          <dd>
            {link === undefined ? (
              <span className="muted">None configured (ExternalEntityLink)</span>
            ) : (
              <span className="review-link">
                <code>{link}</code>
                <button
                  type="button"
                  className="link"
                  onClick={() => void globalThis.navigator?.clipboard?.writeText(link).catch(() => undefined)}
                >
                  Copy link
                </button>
                {/^https:\/\/([a-z0-9-]+\.)*aws\.amazon\.com\//.test(link) && (
                  <button type="button" className="link" onClick={() => void openLink(link)}>
                    Open
                  </button>
                )}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {loaded.loading && <p className="muted">Reading the approval as configured for this run…</p>}
      {loaded.error !== null && (
        <p className="muted">
          The run could not be read ({loaded.error.message}); showing the document&apos;s settings.
        </p>
      )}
      <div className="field">
        <label htmlFor={`${ids}-input`}>Comment</label>
        <textarea
          id={`${ids}-input`}
          value={comment}
          rows={3}
          maxLength={COMMENT_MAX}
          data-autofocus
          aria-describedby={`${ids}-comment`}
          onChange={(e) => setComment(e.target.value)}
        />
        <p className="field-description" id={`${ids}-comment`}>
          Kept with the run as the approval&apos;s summary ({comment.length} of {COMMENT_MAX} characters).
        </p>
      </div>
    </Dialog>
  );
}
