/**
 * The notifications of the fleet: events found in the fleet's reads pass the user's choice
 * (fleet-wide or per pipeline), are recorded, and only then delivered (the in-app list, and a
 * desktop or browser notification), so an event is told once, also after a restart or a reload.
 * Everything lives in `notifications.json` of the app data folder: the settings, when each
 * pipeline was first watched, the events already told, and the in-app list.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  notifies,
  type NotificationItem,
  type NotificationSettings,
} from "../../shared/fleet/notifications";
import { eventsOf } from "./fleet-events";
import type { Observation } from "./fleet-lane";
import { decodeNotificationState, NotificationFile, type NotificationState } from "./notification-file";

/** Events remembered as told; the oldest are forgotten first (they will not come back). */
const MAX_DELIVERED = 5_000;
/** Notifications kept in the in-app list. */
const MAX_INBOX = 200;

export interface NotificationCenterOptions {
  dataDir: string;
  /** Shows a notification: the event to the renderer(s), and a desktop one where there is one. */
  deliver(item: NotificationItem, popup: boolean): void;
  now?: () => number;
  /** Set-aside files and other problems a person should know. */
  report?: (message: string) => void;
}

export class NotificationCenter {
  private readonly file: NotificationFile;
  private state: NotificationState | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: NotificationCenterOptions) {
    this.file = new NotificationFile(join(options.dataDir, "notifications.json"), options.report);
    this.now = options.now ?? Date.now;
  }

  /** Runs `step` after every earlier one, so reads and writes of the file never interleave. */
  private serial<T>(step: (state: NotificationState) => Promise<T> | T): Promise<T> {
    const run = this.queue.then(async () => {
      this.state ??= await this.file.read();
      return step(this.state);
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** A pipeline was read: its new events are told (each once), as the settings say. */
  observe(observation: Observation): Promise<void> {
    return this.serial(async (state) => {
      const { row, runs } = observation;
      let changed = false;
      let watchedSince = state.watchedSince.get(row.key);
      if (watchedSince === undefined) {
        watchedSince = this.now();
        state.watchedSince.set(row.key, watchedSince);
        changed = true;
      }
      const fresh: NotificationItem[] = [];
      for (const event of eventsOf(row, runs, watchedSince)) {
        if (state.delivered.has(event.key)) continue;
        state.delivered.set(event.key, this.now());
        changed = true;
        // An event the user chose not to hear about is still recorded: turning it on later does
        // not bring back old events.
        if (!notifies(state.settings, row.key, event.kind)) continue;
        fresh.push({
          id: randomUUID(),
          kind: event.kind,
          title: event.title,
          body: event.body,
          createdAt: this.now(),
          read: false,
          target: event.target,
        });
      }
      if (!changed) return;
      state.inbox = [...[...fresh].reverse(), ...state.inbox].slice(0, MAX_INBOX);
      trim(state.delivered, MAX_DELIVERED);
      // Recorded before it is shown: a crash in between loses a notification, never repeats one.
      await this.file.write(state);
      for (const item of fresh) this.options.deliver(item, state.settings.popups);
    });
  }

  settings(): Promise<NotificationSettings> {
    return this.serial((state) => structuredClone(state.settings));
  }

  /** Changes the settings; what the patch leaves out stays. */
  updateSettings(patch: Partial<NotificationSettings>): Promise<NotificationSettings> {
    return this.serial(async (state) => {
      state.settings = decodeNotificationState({ settings: { ...state.settings, ...patch } }).settings;
      await this.file.write(state);
      return structuredClone(state.settings);
    });
  }

  /** The in-app list, newest first, and how many are unread. */
  list(): Promise<{ items: NotificationItem[]; unread: number }> {
    return this.serial((state) => ({
      items: structuredClone(state.inbox),
      unread: state.inbox.filter((i) => !i.read).length,
    }));
  }

  /** Marks notifications read: these ids, or all of them. */
  markRead(ids: readonly string[] | "all"): Promise<{ items: NotificationItem[]; unread: number }> {
    return this.serial(async (state) => {
      let changed = false;
      for (const item of state.inbox) {
        if (!item.read && (ids === "all" || ids.includes(item.id))) {
          item.read = true;
          changed = true;
        }
      }
      if (changed) await this.file.write(state);
      return { items: structuredClone(state.inbox), unread: state.inbox.filter((i) => !i.read).length };
    });
  }

  /** Waits for everything observed so far to be recorded and told (tests, shutdown). */
  settled(): Promise<void> {
    return this.serial(() => undefined);
  }
}

/** Keeps the `max` newest entries of a map of times. */
function trim(map: Map<string, number>, max: number): void {
  if (map.size <= max) return;
  const oldest = [...map.entries()].sort((a, b) => a[1] - b[1]).slice(0, map.size - max);
  for (const [key] of oldest) map.delete(key);
}

export { DEFAULT_NOTIFICATION_SETTINGS };
