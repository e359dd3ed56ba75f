import { useId, useState } from "react";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import type { RunControl } from "../../store/run-control";
import { ApprovalDialog } from "./ApprovalDialog";
import { RollbackDialog } from "./RollbackDialog";

const REVISION_TYPES = ["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"] as const;

/**
 * The reason a transition is disabled: "Length Constraints: Minimum length of 1. Maximum length of
 * 300. Pattern: [a-zA-Z0-9!@ \(\)\.\*\?\-]+"
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_DisableStageTransition.html)
 */
const TRANSITION_REASON = /^[a-zA-Z0-9!@ ().*?-]{1,300}$/;

function useSend() {
  const request = useAppStore((s) => s.runControlRequested);
  const closed = useAppStore((s) => s.runsDialogClosed);
  return async (control: RunControl) => {
    closed();
    await request(control, { confirmed: true });
  };
}

/**
 * Release change: StartPipelineExecution, optionally with values for the pipeline's variables (V2)
 * and a source revision to run instead of the latest. The API takes no reason for a release.
 */
function ReleaseDialog() {
  const pipeline = useAppStore((s) => s.doc?.document.pipeline);
  const closed = useAppStore((s) => s.runsDialogClosed);
  const send = useSend();
  const ids = useId();
  const declared = Array.isArray(pipeline?.variables) ? pipeline.variables : [];
  const sources = (pipeline?.stages[0]?.actions ?? []).map((a) => a.name);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(declared.map((v) => [v.name, v.defaultValue ?? ""])),
  );
  const [source, setSource] = useState("");
  const [revisionType, setRevisionType] = useState<(typeof REVISION_TYPES)[number]>("COMMIT_ID");
  const [revision, setRevision] = useState("");
  const release = () => {
    const variables = declared
      .filter((v) => (values[v.name] ?? "") !== (v.defaultValue ?? ""))
      .map((v) => ({ name: v.name, value: values[v.name] ?? "" }));
    void send({
      kind: "start",
      ...(variables.length > 0 ? { variables } : {}),
      ...(source !== "" && revision.trim() !== ""
        ? { sourceRevisions: [{ actionName: source, revisionType, revisionValue: revision.trim() }] }
        : {}),
    });
  };
  return (
    <Dialog
      title={`Release a change: ${pipeline?.name ?? ""}`}
      onClose={closed}
      actions={
        <button type="button" className="primary" data-autofocus onClick={release}>
          Release change
        </button>
      }
    >
      <p>Starts a new run with the latest change of every source, unless you pick a revision below.</p>
      {declared.length > 0 && (
        <fieldset>
          <legend>Pipeline variables</legend>
          {declared.map((v) => (
            <div key={v.name} className="field">
              <label htmlFor={`${ids}-var-${v.name}`}>{v.name}</label>
              <input
                id={`${ids}-var-${v.name}`}
                value={values[v.name] ?? ""}
                maxLength={1000}
                onChange={(e) => setValues({ ...values, [v.name]: e.target.value })}
              />
              {v.description !== undefined && <p className="field-description">{v.description}</p>}
            </div>
          ))}
        </fieldset>
      )}
      {sources.length > 0 && (
        <fieldset>
          <legend>Source revision (optional)</legend>
          <div className="row-inline">
            <label className="field">
              <span>Source action</span>
              <select value={source} onChange={(e) => setSource(e.target.value)}>
                <option value="">Latest of every source</option>
                {sources.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Revision type</span>
              <select
                value={revisionType}
                disabled={source === ""}
                onChange={(e) => setRevisionType(e.target.value as (typeof REVISION_TYPES)[number])}
              >
                {REVISION_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-revision-input`}>Revision</label>
            <input
              id={`${ids}-revision-input`}
              value={revision}
              disabled={source === ""}
              placeholder={revisionType === "COMMIT_ID" ? "for example 3f8e1a2" : undefined}
              aria-describedby={`${ids}-revision`}
              onChange={(e) => setRevision(e.target.value)}
            />
            <p className="field-description" id={`${ids}-revision`}>
              The commit, image digest or S3 object version the source action should use.
            </p>
          </div>
        </fieldset>
      )}
    </Dialog>
  );
}

/** Stop a run: wait for its actions, or abandon them, with an optional reason (at most 200 characters). */
function StopDialog({ id }: { id: string }) {
  const closed = useAppStore((s) => s.runsDialogClosed);
  const send = useSend();
  const [reason, setReason] = useState("");
  const stop = (abandon: boolean) =>
    void send({ kind: "stop", pipelineExecutionId: id, abandon, reason: reason.trim() });
  return (
    <Dialog
      title={`Stop run ${id.slice(0, 8)}`}
      onClose={closed}
      actions={
        <>
          <button type="button" className="danger" onClick={() => stop(true)}>
            Stop and abandon
          </button>
          <button type="button" className="primary" onClick={() => stop(false)}>
            Stop and wait
          </button>
        </>
      }
    >
      <p>
        <strong>Stop and wait</strong> lets the actions in progress finish. <strong>Stop and abandon</strong>{" "}
        abandons them, which can leave their work half done.
      </p>
      <label className="field">
        <span>Reason (optional)</span>
        <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Dialog>
  );
}

/** Disable (with the reason AWS requires) or enable the transition into a stage. */
function TransitionDialog({ stageName, enable }: { stageName: string; enable: boolean }) {
  const closed = useAppStore((s) => s.runsDialogClosed);
  const send = useSend();
  const [reason, setReason] = useState("");
  const ids = useId();
  const valid = enable || TRANSITION_REASON.test(reason);
  const submit = () =>
    void send({
      kind: "transition",
      stageName,
      transitionType: "Inbound",
      enabled: enable,
      ...(enable ? {} : { reason }),
    });
  return (
    <Dialog
      title={`${enable ? "Enable" : "Disable"} the transition into ${stageName}`}
      onClose={closed}
      actions={
        <button type="button" className="primary" disabled={!valid} onClick={submit}>
          {enable ? "Enable transition" : "Disable transition"}
        </button>
      }
    >
      {enable ? (
        <p>Runs waiting before {stageName} go on into it.</p>
      ) : (
        <>
          <p>Runs stop before {stageName} until the transition is enabled again.</p>
          <div className="field">
            <label htmlFor={`${ids}-reason-input`}>Reason</label>
            <input
              id={`${ids}-reason-input`}
              value={reason}
              maxLength={300}
              aria-invalid={reason !== "" && !valid}
              aria-describedby={`${ids}-reason`}
              onChange={(e) => setReason(e.target.value)}
            />
            <p className="field-description" id={`${ids}-reason`}>
              Letters, digits, spaces and ! @ ( ) . * ? - only, for example: Holding for the release review
            </p>
          </div>
        </>
      )}
    </Dialog>
  );
}

/** Whichever runs dialog is open. */
export function RunDialogs() {
  const dialog = useAppStore((s) => s.runsDialog);
  if (dialog === null) return null;
  switch (dialog.kind) {
    case "release":
      return <ReleaseDialog />;
    case "stop":
      return <StopDialog id={dialog.pipelineExecutionId} />;
    case "transition":
      return <TransitionDialog stageName={dialog.stageName} enable={dialog.enable} />;
    case "approval":
      return <ApprovalDialog dialog={dialog} />;
    case "rollback":
      return <RollbackDialog stageName={dialog.stageName} />;
  }
}
