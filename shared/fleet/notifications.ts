import type { FleetConnection } from "./fleet-rows";

/**
 * Notifications of the fleet: what a person is told (a pipeline waits for their approval, fails,
 * or succeeds again after a failure), and their choice of which pipelines and events tell them.
 */

/** What happened to a watched pipeline. */
export type NotificationKind = "approval" | "failed" | "recovered";

export const NOTIFICATION_KINDS: readonly { kind: NotificationKind; label: string }[] = [
  { kind: "approval", label: "Waits for approval" },
  { kind: "failed", label: "Fails" },
  { kind: "recovered", label: "Succeeds after a failure" },
];

/** Which events notify, each on or off. */
export type NotificationEvents = Record<NotificationKind, boolean>;

/** A pipeline's own choice, overriding the fleet-wide one for the events it names. */
export interface PipelineNotificationChoice {
  /** The fleet row key of the pipeline (`["profile","region","name"]`). */
  pipeline: string;
  events: Partial<NotificationEvents>;
}

/** The user's notification settings. */
export interface NotificationSettings {
  /** Fleet-wide: which events notify. */
  events: NotificationEvents;
  /** Per pipeline, overriding `events`. */
  pipelines: PipelineNotificationChoice[];
  /** Besides the in-app list: a desktop notification (app) or a browser notification (web mode). */
  popups: boolean;
  /** Watch the fleet from the app's start, not only once the Fleet view was opened. */
  watchOnStart: boolean;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  events: { approval: true, failed: true, recovered: true },
  pipelines: [],
  popups: true,
  watchOnStart: false,
};

/** Whether `kind` of the pipeline with row key `pipeline` notifies. */
export function notifies(settings: NotificationSettings, pipeline: string, kind: NotificationKind): boolean {
  const own = settings.pipelines.find((p) => p.pipeline === pipeline)?.events[kind];
  return own ?? settings.events[kind];
}

/** Where a notification leads: the pipeline's run, and for an approval, the action to answer. */
export interface NotificationTarget {
  /** The fleet row key. */
  pipeline: string;
  profile: string;
  account: string | null;
  region: string;
  pipelineName: string;
  /** How the app reaches the pipeline, as the renderer names connections. */
  connection: FleetConnection;
  pipelineExecutionId: string | null;
  stageName: string | null;
  actionName: string | null;
}

/** One notification of the in-app list. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Epoch ms it was raised. */
  createdAt: number;
  read: boolean;
  target: NotificationTarget;
}
