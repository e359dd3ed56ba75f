import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useAppStore, type AppState } from "../../store";
import type { RunControl } from "../../store/runs-slice";

/** Open approvals, failed stages and transitions of the watched pipeline, from its latest state. */
function stateFacts(s: AppState) {
  const stages = s.runsLive?.state?.stageStates ?? [];
  return {
    approvals: stages.flatMap((st) =>
      (st.actionStates ?? [])
        .filter((a) => a.latestExecution?.token && a.latestExecution.status === "InProgress")
        .map((a) => `${st.stageName ?? ""}/${a.actionName ?? ""}`),
    ),
    // A stage kept out by its entry conditions ran nothing to retry: a new run is the way on.
    failed: stages
      .filter(
        (st) =>
          st.latestExecution?.status === "Failed" &&
          st.beforeEntryConditionState?.latestExecution?.status !== "Failed",
      )
      .map((st) => `${st.stageName ?? ""}|${st.latestExecution?.pipelineExecutionId ?? ""}`),
    // Entry and success checks still being evaluated can be overridden (V2).
    checking: stages.flatMap((st) =>
      (
        [
          ["BEFORE_ENTRY", st.beforeEntryConditionState],
          ["ON_SUCCESS", st.onSuccessConditionState],
        ] as const
      )
        .filter(([, check]) => check?.latestExecution?.status === "InProgress")
        .map(([type]) => `${st.stageName ?? ""}|${type}|${st.latestExecution?.pipelineExecutionId ?? ""}`),
    ),
    transitions: stages.map(
      (st) => `${st.inboundTransitionState?.enabled === false ? "off" : "on"}|${st.stageName ?? ""}`,
    ),
    active: (s.runsLive?.runs ?? [])
      .filter((r) => r.status === "InProgress" || r.status === "Stopping")
      .map((r) => r.pipelineExecutionId ?? ""),
  };
}

/** Parses "NAME=value" lines; a line without "=" is skipped. */
function parseVariables(text: string): { name: string; value: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.includes("="))
    .map((line) => ({
      name: line.slice(0, line.indexOf("=")).trim(),
      value: line.slice(line.indexOf("=") + 1).trim(),
    }));
}

/**
 * Release change, stop, retry, approve or reject, transitions and rollback. Each asks for
 * confirmation (the store's confirm) and shows what happened.
 */
export function RunControls() {
  // One shallow-compared list per fact: a fresh object of arrays would re-render on every store change.
  const facts = {
    approvals: useAppStore(useShallow((s) => stateFacts(s).approvals)),
    failed: useAppStore(useShallow((s) => stateFacts(s).failed)),
    transitions: useAppStore(useShallow((s) => stateFacts(s).transitions)),
    active: useAppStore(useShallow((s) => stateFacts(s).active)),
    checking: useAppStore(useShallow((s) => stateFacts(s).checking)),
  };
  const request = useAppStore((s) => s.runControlRequested);
  const busy = useAppStore((s) => s.runsControl.busy);
  const result = useAppStore((s) => s.runsControl.result);
  const error = useAppStore((s) => s.runsControl.error);
  const v2 = useAppStore((s) => s.doc?.document.pipeline.pipelineType === "V2");
  const selected = useAppStore((s) => s.runsSelected?.detail?.execution ?? null);
  const stageNames = useAppStore(
    useShallow((s) => (s.runsLive?.state?.stageStates ?? []).map((st) => st.stageName ?? "")),
  );
  const [variables, setVariables] = useState("");
  const [revisionAction, setRevisionAction] = useState("");
  const [revision, setRevision] = useState("");
  const [reason, setReason] = useState("");
  const [summary, setSummary] = useState("");
  const run = (control: RunControl) => void request(control);
  const release = () => {
    const vars = parseVariables(variables);
    run({
      kind: "start",
      ...(vars.length ? { variables: vars } : {}),
      ...(revisionAction && revision
        ? {
            sourceRevisions: [
              { actionName: revisionAction, revisionType: "COMMIT_ID" as const, revisionValue: revision },
            ],
          }
        : {}),
    });
  };
  return (
    <section className="run-controls" aria-label="Run controls">
      <div className="run-control-row">
        <button type="button" disabled={busy} onClick={release}>
          Release change
        </button>
        <details>
          <summary>Release options</summary>
          <label>
            Variables (NAME=value, one a line)
            <textarea value={variables} rows={2} onChange={(e) => setVariables(e.target.value)} />
          </label>
          <label>
            Source action
            <input value={revisionAction} onChange={(e) => setRevisionAction(e.target.value)} />
          </label>
          <label>
            Commit id
            <input value={revision} onChange={(e) => setRevision(e.target.value)} />
          </label>
        </details>
        <label>
          Reason or summary
          <input
            value={reason}
            maxLength={300}
            onChange={(e) => {
              setReason(e.target.value);
              setSummary(e.target.value);
            }}
          />
        </label>
      </div>
      {facts.active.map((id) => (
        <div key={id} className="run-control-row">
          <span>Run {id.slice(0, 8)} is in progress:</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => run({ kind: "stop", pipelineExecutionId: id, abandon: false, reason })}
          >
            Stop and wait
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => run({ kind: "stop", pipelineExecutionId: id, abandon: true, reason })}
          >
            Stop and abandon
          </button>
        </div>
      ))}
      {facts.approvals.map((key) => {
        const [stageName = "", actionName = ""] = key.split("/");
        return (
          <div key={key} className="run-control-row run-approval" role="group" aria-label={`Approval ${key}`}>
            <span>⏸ {key} waits for approval:</span>
            <button
              type="button"
              disabled={busy}
              onClick={() => run({ kind: "approve", stageName, actionName, status: "Approved", summary })}
            >
              Approve {actionName}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => run({ kind: "approve", stageName, actionName, status: "Rejected", summary })}
            >
              Reject {actionName}
            </button>
          </div>
        );
      })}
      {facts.failed.map((key) => {
        const [stageName = "", id = ""] = key.split("|");
        return (
          <div key={key} className="run-control-row">
            <span>
              ✕ {stageName} failed in run {id.slice(0, 8)}:
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run({ kind: "retry", stageName, pipelineExecutionId: id, retryMode: "FAILED_ACTIONS" })
              }
            >
              Retry failed actions of {stageName}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run({ kind: "retry", stageName, pipelineExecutionId: id, retryMode: "ALL_ACTIONS" })
              }
            >
              Retry all actions of {stageName}
            </button>
          </div>
        );
      })}
      {facts.checking.map((key) => {
        const [stageName = "", type = "", id = ""] = key.split("|");
        const hook = type === "BEFORE_ENTRY" ? "entry" : "success";
        return (
          <div key={key} className="run-control-row">
            <span>
              ◆ {stageName} {hook} conditions are being checked in run {id.slice(0, 8)}:
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run({
                  kind: "override",
                  stageName,
                  pipelineExecutionId: id,
                  conditionType: type === "BEFORE_ENTRY" ? "BEFORE_ENTRY" : "ON_SUCCESS",
                })
              }
            >
              Override {hook} conditions of {stageName}
            </button>
          </div>
        );
      })}
      <details>
        <summary>Transitions{v2 && selected?.status === "Succeeded" ? " and rollback" : ""}</summary>
        {facts.transitions.slice(1).map((key) => {
          const [on, stageName = ""] = key.split("|");
          const enabled = on === "on";
          return (
            <div key={key} className="run-control-row">
              <button
                type="button"
                disabled={busy || (enabled && !reason.trim())}
                title={enabled && !reason.trim() ? "Type a reason first" : undefined}
                onClick={() =>
                  run({
                    kind: "transition",
                    stageName,
                    transitionType: "Inbound",
                    enabled: !enabled,
                    ...(enabled ? { reason } : {}),
                  })
                }
              >
                {enabled ? "Disable" : "Enable"} transition into {stageName}
              </button>
            </div>
          );
        })}
        {v2 &&
          selected?.status === "Succeeded" &&
          selected.pipelineExecutionId &&
          stageNames.slice(1).map((stageName) => (
            <div key={stageName} className="run-control-row">
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run({
                    kind: "rollback",
                    stageName,
                    targetPipelineExecutionId: selected.pipelineExecutionId ?? "",
                  })
                }
              >
                Roll back {stageName} to run {selected.pipelineExecutionId?.slice(0, 8)}
              </button>
            </div>
          ))}
      </details>
      <p role="status" className="run-result">
        {busy ? "Working…" : (result?.message ?? "")}
      </p>
      {error !== null && (
        <p role="alert" className="run-alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
