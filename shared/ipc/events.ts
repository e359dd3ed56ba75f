import type { FleetSnapshot } from "../fleet/fleet-rows";
import type { NotificationItem } from "../fleet/notifications";
import type { RunsAttention, RunsUpdate } from "./runs-channels";
import type { MenuCommand } from "./types";

/**
 * Events main sends to the renderer: the second map of the contract. Payloads come from main, so
 * they are typed but not schema-checked.
 */
export interface EventPayloads {
  /** The watched file was changed or deleted by another program. */
  "documents.changedOnDisk": { path: string; change: "modified" | "deleted" };
  /** A file should be opened: passed on the command line, to a second instance, or dropped. */
  "documents.openRequested": { path: string };
  /** A menu item was chosen. */
  "menu.command": { command: MenuCommand };
  /** A deploy of preview `planId` reached `step` (waiting for runs, checking, creating, updating). */
  "aws.deployProgress": {
    planId: string;
    step: "waiting-for-idle" | "checking-remote" | "creating" | "updating";
    detail?: string;
  };
  /** A watched pipeline was polled (`runs.watch`): its state and newest runs, or why the poll failed. */
  "runs.updated": RunsUpdate;
  /** A watched run failed or started waiting for an approval. */
  "runs.attention": RunsAttention;
  /** The watched fleet changed (at most a few times a second): everything it shows now. */
  "fleet.updated": FleetSnapshot;
  /**
   * A notification was raised (once per event, ever). `popup`: the user wants it shown outside the
   * app too; the desktop app shows its own, web mode the browser's.
   */
  "notifications.raised": { item: NotificationItem; popup: boolean };
  /** A desktop notification was clicked: open what it is about. */
  "notifications.clicked": { id: string };
}

/** The name of an event. */
export type EventName = keyof EventPayloads;

/** Every event name (the preload allows subscribing to these and no others). */
export const EVENT_NAMES: readonly EventName[] = [
  "documents.changedOnDisk",
  "documents.openRequested",
  "menu.command",
  "aws.deployProgress",
  "runs.updated",
  "runs.attention",
  "fleet.updated",
  "notifications.raised",
  "notifications.clicked",
];

/** Whether a string names an event of the contract. */
export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}

/** A listener for event `E`. */
export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void;

/** Subscribing to main's events; returns a function that unsubscribes. */
export interface EventSource {
  on<E extends EventName>(name: E, listener: EventListener<E>): () => void;
}
