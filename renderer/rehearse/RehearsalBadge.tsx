/**
 * Rehearse mode on the canvas: what the active what-if says an action does (its mark), and where
 * the playback is (status at the current step, retries, rollbacks, checks). Status is never told
 * by colour alone: every chip has an icon and words.
 */
import { Pencil } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import { phaseOf } from "../../shared/execution";
import { actionKey, actionMark, hasActionMark, ruleMark, type WhatIf } from "../../shared/rehearse";
import { PHASE_LOOK, StatusIcon } from "../design/status";
import { useAppStore, type AppState } from "../store";
import { selectPlaybackFrame } from "./playback-frame";
import "../styles/rehearse.css";

const HOOK_WORDS = { beforeEntry: "entry", onSuccess: "success", onFailure: "failure" } as const;

function activeWhatIf(s: AppState): WhatIf {
  return s.whatIfs.find((w) => w.name === s.activeWhatIf)?.whatIf ?? {};
}

/** The words of an action's mark, or null when it has none (it then succeeds by default). */
export function markWords(whatIf: WhatIf, stage: string, action: string, approval: boolean): string | null {
  if (!hasActionMark(whatIf, stage, action)) return null;
  const mark = actionMark(whatIf, stage, action);
  const parts: string[] = [];
  if (approval) parts.push(mark.outcome === "fail" ? "rejected" : "approved");
  else if (mark.outcome === "fail") parts.push(mark.failFirstAttemptOnly ? "fails once" : "fails");
  else parts.push("succeeds");
  if (mark.minutes !== undefined) parts.push(`takes ${mark.minutes} min`);
  const vars = Object.keys(mark.outputVariables ?? {});
  if (vars.length > 0) parts.push(`emits ${vars.join(", ")}`);
  // The approval editor writes "Rejected: <comment>"; the chip says "rejected" already.
  const message = approval ? (mark.errorMessage ?? "").replace(/^Rejected(: )?/, "") : mark.errorMessage;
  return parts.join(", ") + (mark.outcome === "fail" && message ? `: ${message}` : "");
}

/** An action's mark and its status at the playback's step. */
export function ActionRehearsalBadge({
  stageIndex,
  actionName,
  approval,
}: {
  stageIndex: number;
  actionName: string;
  approval: boolean;
}) {
  const stageName = useAppStore((s) => s.doc?.document.pipeline.stages[stageIndex]?.name ?? "");
  const on = useAppStore((s) => s.rehearseMode);
  const mark = useAppStore((s) =>
    s.rehearseMode ? markWords(activeWhatIf(s), stageName, actionName, approval) : null,
  );
  const state = useAppStore(
    useShallow((s) => {
      const action = selectPlaybackFrame(s)?.actions.get(actionKey(stageName, actionName));
      return action
        ? { status: action.status, attempt: action.attempt, role: action.role, message: action.message ?? "" }
        : null;
    }),
  );
  if (!on) return null;
  const look = state ? PHASE_LOOK[phaseOf(state.status)] : null;
  return (
    <div className="rehearse-badge">
      {mark !== null && (
        <span
          className={`rehearse-mark${mark.startsWith("fails") || mark.startsWith("rejected") ? " is-fail" : ""}`}
          aria-label={`Marked: ${mark}`}
          title={mark}
        >
          <Pencil aria-hidden="true" size={11} /> {mark}
        </span>
      )}
      {state && look && (
        <span
          className={`rehearse-status run-${phaseOf(state.status)}`}
          role="status"
          aria-label={`Rehearsal of ${actionName}: ${look.label}${state.attempt > 1 ? `, attempt ${state.attempt}` : ""}${state.role === "rollback" ? " (rollback)" : ""}`}
          title={state.message || look.label}
        >
          <StatusIcon phase={phaseOf(state.status)} size={12} /> {look.label}
          {state.attempt > 1 ? ` ×${state.attempt}` : ""}
          {state.role === "rollback" ? " · rollback" : ""}
        </span>
      )}
    </div>
  );
}

/** A stage's status at the playback's step: entered, skipped, retried (how), rolled back (to which run). */
export function StageRehearsalBadge({ stageName }: { stageName: string }) {
  const on = useAppStore((s) => s.rehearseMode);
  const marks = useAppStore((s) => {
    if (!s.rehearseMode) return "";
    const whatIf = activeWhatIf(s);
    const stage = s.doc?.document.pipeline.stages.find((st) => st.name === stageName);
    return (["beforeEntry", "onSuccess", "onFailure"] as const)
      .flatMap((hook) =>
        (stage?.[hook]?.conditions ?? []).flatMap((c) =>
          (c.rules ?? []).map((r) => {
            const m = ruleMark(whatIf, stageName, hook, r.name);
            return m.outcome === "fail" ? `${HOOK_WORDS[hook]} rule ${r.name} fails` : "";
          }),
        ),
      )
      .filter((x) => x !== "")
      .join("; ");
  });
  const stage = useAppStore(useShallow((s) => selectPlaybackFrame(s)?.stages.get(stageName) ?? null));
  if (!on) return null;
  const look = stage ? PHASE_LOOK[phaseOf(stage.status)] : null;
  const details = stage
    ? [
        stage.checking ? `checking ${HOOK_WORDS[stage.checking]} conditions` : "",
        stage.retryMode ? `retried ${stage.retryMode}` : "",
        stage.rolledBackTo ? `rolled back to ${stage.rolledBackTo.slice(0, 8)}` : "",
      ].filter((d) => d !== "")
    : [];
  return (
    <div className="rehearse-badge rehearse-stage">
      {marks !== "" && (
        <span className="rehearse-mark is-fail" aria-label={`Marked: ${marks}`} title={marks}>
          <Pencil aria-hidden="true" size={11} /> {marks}
        </span>
      )}
      {stage && look && (
        <span
          className={`rehearse-status run-${phaseOf(stage.status)}`}
          role="status"
          aria-label={`Rehearsal of stage ${stageName}: ${look.label}${details.length ? `, ${details.join(", ")}` : ""}`}
          title={stage.message ?? look.label}
        >
          <StatusIcon phase={phaseOf(stage.status)} size={12} /> {look.label}
          {details.length > 0 ? ` · ${details.join(" · ")}` : ""}
        </span>
      )}
    </div>
  );
}
