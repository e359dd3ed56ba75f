/**
 * The state of a rehearsal at one step of its path: what the canvas paints and the timeline marks
 * while the user steps or scrubs through it. Pure: the state after step `n` is the fold of events
 * 0..n, so stepping back is as cheap as stepping forward and replay needs no engine.
 */
import type { RehearsalEvent, RehearsalRole } from "./types";

/** A stage as the playback shows it. */
export interface PlaybackStage {
  /** `StageExecutionStatus` of the latest run in the stage at this step. */
  readonly status: string;
  /** Which run is in (or last left) the stage. */
  readonly role: RehearsalRole;
  /** Times the rehearsed run has entered the stage so far. */
  readonly attempt: number;
  readonly retryMode?: "FAILED_ACTIONS" | "ALL_ACTIONS";
  /** Set once a rollback of the stage started: the execution it returns to. */
  readonly rolledBackTo?: string;
  /** A condition check in progress: its hook. */
  readonly checking?: "beforeEntry" | "onSuccess" | "onFailure";
  readonly message?: string;
}

/** An action as the playback shows it. */
export interface PlaybackAction {
  readonly status: string;
  readonly role: RehearsalRole;
  readonly attempt: number;
  readonly message?: string;
  readonly resolvedConfiguration?: Readonly<Record<string, string>>;
  readonly outputVariables?: Readonly<Record<string, string>>;
}

/** Everything the canvas needs at one step. */
export interface PlaybackFrame {
  /** Index of the last event applied (-1: before the first). */
  readonly step: number;
  readonly atMs: number;
  /** The run's status at this step (`InProgress` until it ends). */
  readonly runStatus: string;
  readonly stages: ReadonlyMap<string, PlaybackStage>;
  /** Keyed by {@link actionKey}. */
  readonly actions: ReadonlyMap<string, PlaybackAction>;
  /** The event of this step, for the caption. */
  readonly event?: RehearsalEvent;
}

/** The key of an action in {@link PlaybackFrame.actions}. */
export function actionKey(stage: string, action: string): string {
  return JSON.stringify([stage, action]);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The frame after applying events 0..`step` (clamped to the path). */
export function frameAt(events: readonly RehearsalEvent[], step: number): PlaybackFrame {
  const last = Math.min(Math.max(step, -1), events.length - 1);
  const stages = new Map<string, PlaybackStage>();
  const actions = new Map<string, PlaybackAction>();
  const attempts = new Map<string, number>();
  let runStatus = "InProgress";
  for (let i = 0; i <= last; i++) {
    const event = events[i] as RehearsalEvent;
    const stage = event.stage;
    const before = stage === undefined ? undefined : stages.get(stage);
    switch (event.kind) {
      case "run-started":
        if (event.role === "rollback" && stage !== undefined && before) {
          stages.set(stage, { ...before, ...optional("rolledBackTo", event.rollbackTargetExecutionId) });
        }
        break;
      case "run-finished":
        if (event.role === "rehearsal") runStatus = event.status ?? runStatus;
        break;
      case "stage-entered":
      case "stage-retried":
        if (stage === undefined) break;
        stages.set(stage, {
          status: "InProgress",
          role: event.role,
          attempt: event.role === "rehearsal" ? (event.attempt ?? 1) : (before?.attempt ?? 1),
          ...optional("retryMode", event.retryMode ?? before?.retryMode),
          ...optional("rolledBackTo", before?.rolledBackTo),
        });
        break;
      case "condition-started":
        if (stage !== undefined && before)
          stages.set(stage, { ...before, ...optional("checking", event.hook) });
        break;
      case "condition-finished":
        if (stage !== undefined && before) {
          const { checking: _done, ...rest } = before;
          stages.set(stage, { ...rest, ...optional("message", event.message) });
        }
        break;
      case "stage-skipped":
      case "stage-succeeded":
      case "stage-failed":
      case "stage-ended":
        if (stage === undefined) break;
        stages.set(stage, {
          ...(before ?? { attempt: 0 }),
          status: event.status ?? "Failed",
          role: event.role,
          ...optional("message", event.message ?? before?.message),
        });
        break;
      case "action-started": {
        if (stage === undefined || event.action === undefined) break;
        const key = actionKey(stage, event.action);
        const attempt =
          event.role === "rehearsal" ? (attempts.get(key) ?? 0) + 1 : (actions.get(key)?.attempt ?? 1);
        if (event.role === "rehearsal") attempts.set(key, attempt);
        actions.set(key, {
          status: "InProgress",
          role: event.role,
          attempt,
          ...optional("resolvedConfiguration", event.resolvedConfiguration),
        });
        break;
      }
      case "action-finished": {
        if (stage === undefined || event.action === undefined) break;
        const key = actionKey(stage, event.action);
        const started = actions.get(key);
        actions.set(key, {
          ...(started ?? { attempt: 1 }),
          role: event.role,
          status: event.status ?? "Failed",
          ...optional("message", event.message),
          ...optional("outputVariables", event.outputVariables),
        });
        break;
      }
      case "rule-finished":
        break;
    }
  }
  const event = last >= 0 ? events[last] : undefined;
  return { step: last, atMs: event?.atMs ?? 0, runStatus, stages, actions, ...optional("event", event) };
}

/** The last step at or before `atMs` (for a time scrubber); -1 before the first event. */
export function stepAtTime(events: readonly RehearsalEvent[], atMs: number): number {
  let step = -1;
  for (let i = 0; i < events.length && (events[i]?.atMs ?? Infinity) <= atMs; i++) step = i;
  return step;
}
