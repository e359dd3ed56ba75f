import { CirclePause, Diamond, OctagonX, Settings2 } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import { MenuButton } from "../../design/MenuButton";
import { useAppStore, type AppState } from "../../store";
import type { RunControl } from "../../store/run-control";
import { RunLink } from "./RunLink";

/** Open approvals, failed stages, checks and transitions of the watched pipeline, from its latest state. */
function stateFacts(s: AppState) {
  const stages = s.runsLive?.state?.stageStates ?? [];
  return {
    approvals: stages.flatMap((st) =>
      (st.actionStates ?? [])
        .filter((a) => a.latestExecution?.token && a.latestExecution.status === "InProgress")
        .map(
          (a) =>
            `${st.stageName ?? ""}|${a.actionName ?? ""}|${st.latestExecution?.pipelineExecutionId ?? ""}`,
        ),
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

/** Transitions and rollback, per stage, in one menu (each opens its dialog). */
function StageActions({ transitions }: { transitions: readonly string[] }) {
  const opened = useAppStore((s) => s.runsDialogOpened);
  const busy = useAppStore((s) => s.runsControl.busy);
  const pipeline = useAppStore((s) => s.doc?.document.pipeline);
  // Rollback is V2 only, never of the source stage, and not in PARALLEL mode (stage-rollback.html).
  const rollback = pipeline?.pipelineType === "V2" && pipeline.executionMode !== "PARALLEL";
  const items = transitions.slice(1).flatMap((key) => {
    const [on, stageName = ""] = key.split("|");
    const enabled = on === "on";
    return [
      {
        id: `transition-${stageName}`,
        label: `${enabled ? "Disable" : "Enable"} transition into ${stageName}…`,
        disabled: busy,
        section: true,
        run: () => opened({ kind: "transition", stageName, enable: !enabled }),
      },
      ...(rollback
        ? [
            {
              id: `rollback-${stageName}`,
              label: `Roll back ${stageName}…`,
              disabled: busy,
              run: () => opened({ kind: "rollback", stageName }),
            },
          ]
        : []),
    ];
  });
  if (items.length === 0) return null;
  return (
    <MenuButton
      label={rollback ? "Transitions and rollback" : "Transitions"}
      icon={<Settings2 aria-hidden="true" size={14} />}
      items={items}
    />
  );
}

/**
 * What needs the user now: approvals waiting (each opens its review), failed stages to retry, runs
 * in progress to stop, checks to override; plus the stages' transitions and rollback. A control
 * that needs more than a yes (a comment, a reason, a target) opens its own dialog.
 */
export function RunAttention() {
  // One shallow-compared list per fact: a fresh object of arrays would re-render on every store change.
  const facts = {
    approvals: useAppStore(useShallow((s) => stateFacts(s).approvals)),
    failed: useAppStore(useShallow((s) => stateFacts(s).failed)),
    transitions: useAppStore(useShallow((s) => stateFacts(s).transitions)),
    active: useAppStore(useShallow((s) => stateFacts(s).active)),
    checking: useAppStore(useShallow((s) => stateFacts(s).checking)),
  };
  const request = useAppStore((s) => s.runControlRequested);
  const opened = useAppStore((s) => s.runsDialogOpened);
  const busy = useAppStore((s) => s.runsControl.busy);
  const result = useAppStore((s) => s.runsControl.result);
  const error = useAppStore((s) => s.runsControl.error);
  const run = (control: RunControl) => void request(control);
  return (
    <section className="run-attention" aria-label="Run controls">
      {facts.approvals.map((key) => {
        const [stageName = "", actionName = "", id = ""] = key.split("|");
        return (
          <div
            key={key}
            className="attention-row tone-waiting"
            role="group"
            aria-label={`Approval ${stageName}/${actionName}`}
          >
            <CirclePause aria-hidden="true" size={16} className="status-icon run-waiting" />
            <span className="attention-text">
              {stageName}/{actionName} waits for approval
              {id !== "" && (
                <>
                  {" "}
                  in run <RunLink id={id} />
                </>
              )}
            </span>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                opened({ kind: "approval", stageName, actionName, pipelineExecutionId: id || null })
              }
            >
              Review {actionName}
            </button>
          </div>
        );
      })}
      {facts.failed.map((key) => {
        const [stageName = "", id = ""] = key.split("|");
        return (
          <div
            key={key}
            className="attention-row tone-failed"
            role="group"
            aria-label={`Failed stage ${stageName}`}
          >
            <OctagonX aria-hidden="true" size={16} className="status-icon run-failed" />
            <span className="attention-text">
              {stageName} failed in run <RunLink id={id} />
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
          <div key={key} className="attention-row" role="group" aria-label={`Check of ${stageName}`}>
            <Diamond aria-hidden="true" size={14} className="status-icon run-running" />
            <span className="attention-text">
              {stageName} {hook} conditions are being checked in run <RunLink id={id} />
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
      <div className="attention-row attention-tools">
        {facts.active.map((id) => (
          <span key={id} className="attention-inline">
            Run <RunLink id={id} /> is in progress
            <button
              type="button"
              disabled={busy}
              onClick={() => opened({ kind: "stop", pipelineExecutionId: id })}
            >
              Stop…
            </button>
          </span>
        ))}
        <StageActions transitions={facts.transitions} />
        <p role="status" className="run-result">
          {busy ? "Working…" : (result?.message ?? "")}
        </p>
      </div>
      {error !== null && (
        <p role="alert" className="run-alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
