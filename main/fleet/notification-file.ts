/**
 * `notifications.json`, a state file of the app data folder (main/storage/state-file: versioned,
 * written by the one atomic write, set aside when it cannot be understood): format 1 is
 * `{ "format": 1, "settings", "watchedSince", "delivered", "inbox" }`. Each member falls back to
 * its default on its own, so a damaged entry loses itself, not the file.
 */
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NOTIFICATION_KINDS,
  type NotificationItem,
  type NotificationKind,
  type NotificationSettings,
  type PipelineNotificationChoice,
} from "../../shared/fleet/notifications";
import { StateFile, type StateData, type StateReporter } from "../storage/state-file";

/** What the file holds, in memory (maps keyed by strings from pipeline names). */
export interface NotificationState {
  settings: NotificationSettings;
  /** Row key → epoch ms the fleet first saw the pipeline. */
  watchedSince: Map<string, number>;
  /** Event key → epoch ms it was recorded. */
  delivered: Map<string, number>;
  /** Newest first. */
  inbox: NotificationItem[];
}

export const NOTIFICATION_FORMAT = 1;

const KINDS = new Set<string>(NOTIFICATION_KINDS.map((k) => k.kind));

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A map of times from a JSON object; entries that are not numbers are dropped. */
function times(value: unknown): Map<string, number> {
  const map = new Map<string, number>();
  for (const [key, at] of Object.entries(record(value)))
    if (typeof at === "number" && Number.isFinite(at)) map.set(key, at);
  return map;
}

function events(value: unknown): Partial<Record<NotificationKind, boolean>> {
  const out: Partial<Record<NotificationKind, boolean>> = {};
  for (const [kind, on] of Object.entries(record(value)))
    if (KINDS.has(kind) && typeof on === "boolean") out[kind as NotificationKind] = on;
  return out;
}

function settings(value: unknown): NotificationSettings {
  const r = record(value);
  const pipelines: PipelineNotificationChoice[] = [];
  for (const entry of Array.isArray(r["pipelines"]) ? (r["pipelines"] as unknown[]) : []) {
    const e = record(entry);
    if (typeof e["pipeline"] === "string" && !pipelines.some((p) => p.pipeline === e["pipeline"]))
      pipelines.push({ pipeline: e["pipeline"], events: events(e["events"]) });
  }
  return {
    events: { ...DEFAULT_NOTIFICATION_SETTINGS.events, ...events(r["events"]) },
    pipelines,
    popups: typeof r["popups"] === "boolean" ? r["popups"] : DEFAULT_NOTIFICATION_SETTINGS.popups,
    watchOnStart: typeof r["watchOnStart"] === "boolean" ? r["watchOnStart"] : DEFAULT_NOTIFICATION_SETTINGS.watchOnStart,
  };
}

function item(value: unknown): NotificationItem | undefined {
  const r = record(value);
  const t = record(r["target"]);
  const c = record(t["connection"]);
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  if (typeof r["id"] !== "string" || !KINDS.has(String(r["kind"])) || typeof r["createdAt"] !== "number") return undefined;
  if (typeof t["pipeline"] !== "string" || typeof t["pipelineName"] !== "string" || typeof t["region"] !== "string")
    return undefined;
  const connection: NotificationItem["target"]["connection"] =
    c["kind"] === "sandbox"
      ? { kind: "sandbox" }
      : typeof c["profile"] === "string"
        ? { kind: "aws", profile: c["profile"], region: t["region"] }
        : { kind: "aws", region: t["region"] };
  return {
    id: r["id"],
    kind: r["kind"] as NotificationKind,
    title: text(r["title"]) ?? "",
    body: text(r["body"]) ?? "",
    createdAt: r["createdAt"],
    read: r["read"] === true,
    target: {
      pipeline: t["pipeline"],
      profile: text(t["profile"]) ?? "",
      account: text(t["account"]),
      region: t["region"],
      pipelineName: t["pipelineName"],
      connection,
      pipelineExecutionId: text(t["pipelineExecutionId"]),
      stageName: text(t["stageName"]),
      actionName: text(t["actionName"]),
    },
  };
}

/** The state a file's members (format 1) hold. */
export function decodeNotificationState(raw: unknown): NotificationState {
  const r = record(raw);
  return {
    settings: settings(r["settings"]),
    watchedSince: times(r["watchedSince"]),
    delivered: times(r["delivered"]),
    inbox: (Array.isArray(r["inbox"]) ? (r["inbox"] as unknown[]) : []).flatMap((i) => item(i) ?? []),
  };
}

function emptyState(): NotificationState {
  return {
    settings: structuredClone(DEFAULT_NOTIFICATION_SETTINGS),
    watchedSince: new Map(),
    delivered: new Map(),
    inbox: [],
  };
}

function encode(state: NotificationState): StateData {
  return {
    settings: state.settings,
    watchedSince: Object.fromEntries(state.watchedSince),
    delivered: Object.fromEntries(state.delivered),
    inbox: state.inbox,
  };
}

/** The file, read and written whole (atomically, serialized). */
export class NotificationFile {
  private readonly file: StateFile<NotificationState>;

  constructor(path: string, report?: StateReporter) {
    this.file = new StateFile(
      path,
      {
        what: "The notification list",
        format: NOTIFICATION_FORMAT,
        migrations: { 0: (data: StateData) => data },
        decode: decodeNotificationState,
        fallback: emptyState,
      },
      report,
    );
  }

  read(): Promise<NotificationState> {
    return this.file.read();
  }

  /** Resolves once the state is durable on disk. */
  async write(state: NotificationState): Promise<void> {
    await this.file.update(() => state, encode);
  }
}
