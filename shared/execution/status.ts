/**
 * One vocabulary for pipeline, stage and action statuses, so every view colours and labels them
 * the same way and an unknown status (one AWS adds later) still has a place.
 */

/**
 * What a status means to a person watching:
 * - `waiting`: blocked on something other than work (a manual approval, a queue, a transition);
 * - `pending`: not reached yet in a run still going; `not-run`: never reached in a finished run.
 */
export type Phase =
  | "pending"
  | "waiting"
  | "running"
  | "stopping"
  | "succeeded"
  | "failed"
  | "stopped"
  | "abandoned"
  | "superseded"
  | "cancelled"
  | "skipped"
  | "not-run"
  | "unknown";

const PHASES: Readonly<Record<string, Phase>> = {
  InProgress: "running",
  Stopping: "stopping",
  Succeeded: "succeeded",
  Failed: "failed",
  Stopped: "stopped",
  Abandoned: "abandoned",
  Superseded: "superseded",
  Cancelled: "cancelled",
  Skipped: "skipped",
  // Stage condition checks: a rule that could not be evaluated fails the check.
  Errored: "failed",
};

/** The phase of a pipeline, stage or action status string; anything unrecognised is `unknown`. */
export function phaseOf(status: string | null | undefined): Phase {
  if (typeof status !== "string" || !Object.prototype.hasOwnProperty.call(PHASES, status)) return "unknown";
  return PHASES[status] ?? "unknown";
}

/** True for phases after which nothing more happens in that run, stage or action. */
export function isFinished(phase: Phase): boolean {
  return (
    phase === "succeeded" ||
    phase === "failed" ||
    phase === "stopped" ||
    phase === "abandoned" ||
    phase === "superseded" ||
    phase === "cancelled" ||
    phase === "skipped" ||
    phase === "not-run"
  );
}

/** True for phases in which time is still passing (an open bar on a time axis). */
export function isActive(phase: Phase): boolean {
  return phase === "running" || phase === "waiting" || phase === "stopping" || phase === "pending";
}
