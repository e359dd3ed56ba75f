import { useShallow } from "zustand/react/shallow";
import { conditionChecks, phaseOf, type ConditionCheck, type Phase } from "../../shared/execution";
import { useAppStore, type AppState } from "../store";

const HOOK_LABEL: Readonly<Record<ConditionCheck["hook"], string>> = {
  entry: "Entry conditions",
  success: "Success conditions",
  failure: "Failure conditions",
};

/**
 * The stage's latest condition checks as chips: how each hook's check came out and, for one that did
 * not pass, which rules and why. The selector returns JSON so an unchanged check does not re-render.
 */
function ConditionChips({ stageName }: { stageName: string }) {
  const json = useAppStore((s) => {
    const stage = s.runsLive?.state?.stageStates?.find((st) => st.stageName === stageName);
    return stage ? JSON.stringify(conditionChecks(stage)) : "[]";
  });
  const checks = JSON.parse(json) as ConditionCheck[];
  return checks.map((check) => {
    const look = PHASE_LOOK[check.phase];
    const status = check.status === "Overridden" ? "Overridden" : look.label;
    const why = check.pending.map((r) => `${r.ruleName}: ${r.reason ?? r.status ?? "no result"}`).join("; ");
    const text = `${HOOK_LABEL[check.hook]} of ${stageName}: ${status}${why ? ` (${why})` : ""}`;
    return (
      <span
        key={check.hook}
        className={`run-condition run-${check.phase}`}
        role="img"
        aria-label={text}
        title={text}
      >
        <span aria-hidden="true">{look.icon}</span> {HOOK_LABEL[check.hook].split(" ")[0]} check
      </span>
    );
  });
}

/** Icon and words per phase: status is never told by colour alone. */
export const PHASE_LOOK: Readonly<Record<Phase, { icon: string; label: string }>> = {
  pending: { icon: "○", label: "Pending" },
  waiting: { icon: "⏸", label: "Waiting for approval" },
  running: { icon: "◐", label: "In progress" },
  stopping: { icon: "◑", label: "Stopping" },
  succeeded: { icon: "✓", label: "Succeeded" },
  failed: { icon: "✕", label: "Failed" },
  stopped: { icon: "■", label: "Stopped" },
  abandoned: { icon: "⊘", label: "Abandoned" },
  superseded: { icon: "↷", label: "Superseded" },
  cancelled: { icon: "⊘", label: "Cancelled" },
  skipped: { icon: "↷", label: "Skipped" },
  "not-run": { icon: "–", label: "Not run" },
  unknown: { icon: "?", label: "Unknown" },
};

interface StageRun {
  phase: Phase;
  runId: string | null;
  transitionDisabled: string | null;
  revisionId: string | null;
  revisionSummary: string | null;
  revisionUrl: string | null;
}

interface ActionRun {
  phase: Phase;
  error: string | null;
  url: string | null;
}

function stageRun(s: AppState, stageName: string): StageRun | null {
  const stage = s.runsLive?.state?.stageStates?.find((st) => st.stageName === stageName);
  if (!stage) return null;
  const latest = stage.latestExecution;
  const waiting = stage.actionStates?.some(
    (a) => a.latestExecution?.token && a.latestExecution.status === "InProgress",
  );
  const runId = latest?.pipelineExecutionId ?? null;
  const run = s.runsLive?.runs.find((r) => r.pipelineExecutionId === runId);
  const rev = run?.sourceRevisions?.[0];
  const transition = stage.inboundTransitionState;
  return {
    phase: waiting ? "waiting" : latest ? phaseOf(latest.status) : "not-run",
    runId,
    transitionDisabled: transition && transition.enabled === false ? (transition.disabledReason ?? "") : null,
    revisionId: rev?.revisionId
      ? /^[0-9a-f]{40}$/i.test(rev.revisionId)
        ? rev.revisionId.slice(0, 7)
        : rev.revisionId
      : null,
    revisionSummary: rev?.revisionSummary ?? null,
    revisionUrl:
      rev?.revisionUrl !== undefined && /^https:\/\//.test(rev.revisionUrl) ? rev.revisionUrl : null,
  };
}

function actionRun(s: AppState, stageName: string, actionName: string): ActionRun | null {
  const stage = s.runsLive?.state?.stageStates?.find((st) => st.stageName === stageName);
  const latest = stage?.actionStates?.find((a) => a.actionName === actionName)?.latestExecution;
  if (!latest) return null;
  const waiting = Boolean(latest.token) && latest.status === "InProgress";
  return {
    phase: waiting ? "waiting" : phaseOf(latest.status),
    error: latest.errorDetails?.message ?? null,
    url: latest.externalExecutionUrl ?? null,
  };
}

/**
 * The latest run's status on a stage lane or an action node of the canvas: colour, icon and text,
 * the source revision the stage ran, a disabled inbound transition, and an action's failure reason
 * (in full when the action is selected, on hover otherwise). Nothing shows until runs are watched.
 */
export function RunStatusBadge(props: {
  /** A stage lane names its stage; an action node gives its stage's index in the document. */
  stageName?: string;
  stageIndex?: number;
  actionName?: string;
  selected?: boolean;
}) {
  const { actionName, selected } = props;
  const openLink = useAppStore((s) => s.runLinkOpened);
  const stageName = useAppStore(
    (s) => props.stageName ?? s.doc?.document.pipeline.stages[props.stageIndex ?? -1]?.name ?? "",
  );
  const stage = useAppStore(useShallow((s) => (actionName === undefined ? stageRun(s, stageName) : null)));
  const action = useAppStore(
    useShallow((s) => (actionName === undefined ? null : actionRun(s, stageName, actionName))),
  );
  // Rehearse mode paints the rehearsal instead of the latest real run.
  const rehearsing = useAppStore((s) => s.rehearseMode);
  if (rehearsing) return null;
  if (action) {
    const look = PHASE_LOOK[action.phase];
    return (
      <div className={`run-badge run-${action.phase}`} title={action.error ?? look.label}>
        <span role="status" aria-label={`Latest run of ${actionName}: ${look.label}`}>
          <span aria-hidden="true">{look.icon}</span> {look.label}
        </span>
        {action.error !== null && selected === true && <p className="run-error">{action.error}</p>}
      </div>
    );
  }
  if (!stage) return null;
  const look = PHASE_LOOK[stage.phase];
  return (
    <div className={`run-badge run-stage run-${stage.phase}`}>
      <span role="status" aria-label={`Latest run of stage ${stageName}: ${look.label}`}>
        <span aria-hidden="true">{look.icon}</span> {look.label}
      </span>
      {stage.revisionId !== null && (
        <span
          className="run-revision"
          aria-label={`Source revision ${stage.revisionId}`}
          title={stage.revisionSummary ?? stage.revisionId}
        >
          {stage.revisionId}
          {stage.revisionUrl !== null && (
            <button
              type="button"
              className="run-link nodrag"
              aria-label={`Open revision ${stage.revisionId}`}
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => void openLink(stage.revisionUrl ?? "")}
            >
              ↗
            </button>
          )}
          {stage.revisionSummary !== null ? ` ${stage.revisionSummary.split("\n")[0] ?? ""}` : ""}
        </span>
      )}
      <ConditionChips stageName={stageName} />
      {stage.transitionDisabled !== null && (
        <span
          className="run-transition"
          role="img"
          aria-label={`Transition into ${stageName} disabled${stage.transitionDisabled ? `: ${stage.transitionDisabled}` : ""}`}
          title={`Transition disabled${stage.transitionDisabled ? `: ${stage.transitionDisabled}` : ""}`}
        >
          ⛔
        </span>
      )}
    </div>
  );
}
