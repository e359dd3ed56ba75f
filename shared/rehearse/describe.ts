/**
 * Rehearsal events in words, the same in the terminal and in the app: "Deploy: retried
 * (automatic, FAILED_ACTIONS), attempt 2".
 */
import type { RehearsalEvent } from "./types";

const HOOK_WORDS: Readonly<Record<string, string>> = {
  beforeEntry: "entry conditions",
  onSuccess: "success conditions",
  onFailure: "failure conditions",
};

function where(event: RehearsalEvent): string {
  if (event.action !== undefined) return `${event.stage ?? "?"}.${event.action}`;
  return event.stage ?? "run";
}

function because(event: RehearsalEvent): string {
  return event.message ? `: ${event.message}` : "";
}

function short(id: string): string {
  return id.slice(0, 8);
}

/** One sentence for an event, without its time. */
export function describeEvent(event: RehearsalEvent): string {
  switch (event.kind) {
    case "run-started":
      return event.role === "rollback"
        ? `Rollback of ${event.stage ?? "a stage"} to execution ${short(event.rollbackTargetExecutionId ?? "?")} started`
        : `Run ${short(event.executionId)} started`;
    case "run-finished":
      return `${event.role === "rollback" ? "Rollback" : "Run"} ${event.status ?? "ended"}${because(event)}`;
    case "stage-entered":
      return `${where(event)}: entered`;
    case "stage-retried": {
      const how = event.retryTrigger === "ManualStageRetry" ? "manual" : "automatic";
      return `${where(event)}: retried (${how}${event.retryMode ? `, ${event.retryMode}` : ""}), attempt ${event.attempt ?? "?"}`;
    }
    case "stage-skipped":
      return `${where(event)}: skipped by its entry conditions`;
    case "stage-succeeded":
      return `${where(event)}: succeeded`;
    case "stage-failed":
      return `${where(event)}: failed${because(event)}`;
    case "stage-ended":
      return `${where(event)}: ${event.status ?? "ended"}`;
    case "action-started": {
      const config = Object.entries(event.resolvedConfiguration ?? {})
        .filter(([, value]) => !value.includes("#{"))
        .filter(([key]) => key !== "EnvironmentVariables");
      return `${where(event)}: started${config.length > 0 ? ` (${config.map(([k, v]) => `${k}=${v}`).join(", ")})` : ""}`;
    }
    case "action-finished": {
      const vars = Object.entries(event.outputVariables ?? {});
      const emitted =
        event.status === "Succeeded" && vars.length > 0
          ? `, emitted ${vars.map(([k, v]) => `${k}=${v}`).join(", ")}`
          : "";
      return `${where(event)}: ${event.status ?? "ended"}${event.status === "Succeeded" ? "" : because(event)}${emitted}`;
    }
    case "condition-started":
      return `${where(event)}: checking ${HOOK_WORDS[event.hook ?? ""] ?? "conditions"}`;
    case "condition-finished": {
      const met = event.status === "Succeeded" ? "met" : event.status === "Failed" ? "not met" : event.status;
      return `${where(event)}: ${HOOK_WORDS[event.hook ?? ""] ?? "conditions"} ${met}${event.status === "Failed" ? because(event) : ""}`;
    }
    case "rule-finished":
      return `${where(event)}: rule ${event.rule ?? "?"} ${event.status ?? "ended"}${event.status === "Failed" ? because(event) : ""}`;
  }
}

/** Simulated time as m:ss (or h:mm:ss past an hour). */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
