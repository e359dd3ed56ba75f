import type { StateCreator } from "zustand";
import type { DeliveryMetrics } from "../../shared/execution/delivery-metrics";
import type { FleetFilter, FleetRow, FleetSnapshot } from "../../shared/fleet/fleet-rows";
import type {
  NotificationItem,
  NotificationSettings,
  NotificationTarget,
} from "../../shared/fleet/notifications";
import type { AppError, EventPayloads, NotificationList } from "../../shared/ipc";
import type { FlowDeps } from "./flow-slice";
import type { AppState } from "./state";

/** The delivery metrics of the selected fleet row, over a period such as `30d`. */
export interface FleetMetricsState {
  key: string;
  since: string;
  loading: boolean;
  value: DeliveryMetrics | null;
  error: AppError | null;
}

/**
 * The fleet slice: the Fleet view (every pipeline of the chosen profiles × regions, watched by main
 * within its call budget), the selected pipeline's delivery metrics, and the notifications.
 */
export interface FleetSlice {
  fleetOpen: boolean;
  fleet: FleetSnapshot | null;
  fleetError: AppError | null;
  fleetFilter: FleetFilter;
  fleetSelected: string | null;
  fleetMetrics: FleetMetricsState | null;
  /** API calls per second per account-region the fleet may make. */
  fleetRate: number;
  notifications: NotificationList;
  notificationsOpen: boolean;
  notificationSettings: NotificationSettings | null;
  /** Opens (and starts watching) or closes the Fleet view; the fleet goes on being watched. */
  fleetToggled(open?: boolean): Promise<void>;
  fleetUpdated(snapshot: FleetSnapshot): void;
  fleetRateChanged(callsPerSecond: number): Promise<void>;
  fleetFilterChanged(patch: Partial<FleetFilter>): void;
  /** Selects a row and loads its delivery metrics. */
  fleetRowSelected(key: string | null): Promise<void>;
  fleetMetricsPeriodChanged(since: string): Promise<void>;
  /** Opens a pipeline of the fleet in the designer, with its runs (and a run, an approval) shown. */
  fleetPipelineOpened(target: Omit<NotificationTarget, "pipeline" | "profile" | "account"> & { pipeline?: string }): Promise<void>;
  /** Subscribes to the fleet and notification events and reads the list (once, at start). */
  notificationsStarted(): Promise<void>;
  notificationRaised(raised: EventPayloads["notifications.raised"]): void;
  notificationsToggled(open?: boolean): void;
  /** Opens what a notification is about and marks it read. */
  notificationOpened(id: string): Promise<void>;
  notificationsMarkedRead(): Promise<void>;
  notificationSettingsChanged(patch: Partial<NotificationSettings>): Promise<void>;
}

/** The row a key names, in the current snapshot. */
export function fleetRow(state: AppState, key: string | null): FleetRow | undefined {
  return key === null ? undefined : state.fleet?.rows.find((r) => r.key === key);
}

export function createFleetSlice({ api }: FlowDeps): StateCreator<AppState, [], [], FleetSlice> {
  return (set, get) => {
    let started = false;

    async function loadMetrics(key: string, since: string): Promise<void> {
      const row = fleetRow(get(), key);
      if (row === undefined) return;
      set({ fleetMetrics: { key, since, loading: true, value: get().fleetMetrics?.value ?? null, error: null } });
      const result = await api.metrics.pipeline({ connection: row.connection, pipelineName: row.name, since });
      const now = get().fleetMetrics;
      if (now?.key !== key || now.since !== since) return;
      set({
        fleetMetrics: result.ok
          ? { key, since, loading: false, value: result.value, error: null }
          : { key, since, loading: false, value: null, error: result.error },
      });
    }

    /** A browser notification in web mode (the desktop app shows its own from main). */
    function popup(item: NotificationItem): void {
      if (get().info?.mode !== "web" || typeof Notification === "undefined") return;
      const show = () => {
        const shown = new Notification(item.title, { body: item.body, tag: item.id });
        shown.onclick = () => {
          window.focus();
          void get().notificationOpened(item.id);
        };
      };
      if (Notification.permission === "granted") show();
      else if (Notification.permission === "default")
        void Notification.requestPermission().then((p) => (p === "granted" ? show() : undefined));
    }

    return {
      fleetOpen: false,
      fleet: null,
      fleetError: null,
      fleetFilter: {},
      fleetSelected: null,
      fleetMetrics: null,
      fleetRate: 1,
      notifications: { items: [], unread: 0 },
      notificationsOpen: false,
      notificationSettings: null,

      fleetToggled: async (open) => {
        const next = open ?? !get().fleetOpen;
        set({ fleetOpen: next, notificationsOpen: false });
        if (!next) return;
        await get().notificationsStarted();
        if (get().fleet !== null) return;
        const result = await api.fleet.start({ callsPerSecond: get().fleetRate });
        if (result.ok) set({ fleet: result.value, fleetError: null });
        else set({ fleetError: result.error });
      },

      fleetRateChanged: async (callsPerSecond) => {
        set({ fleetRate: callsPerSecond });
        const result = await api.fleet.start({ callsPerSecond });
        if (result.ok) set({ fleet: result.value, fleetError: null });
        else set({ fleetError: result.error });
      },

      fleetUpdated: (snapshot) => set({ fleet: snapshot }),

      fleetFilterChanged: (patch) => set({ fleetFilter: { ...get().fleetFilter, ...patch } }),

      fleetRowSelected: async (key) => {
        set({ fleetSelected: key });
        if (key === null) {
          set({ fleetMetrics: null });
          return;
        }
        await loadMetrics(key, get().fleetMetrics?.since ?? "30d");
      },

      fleetMetricsPeriodChanged: async (since) => {
        const key = get().fleetSelected;
        if (key !== null) await loadMetrics(key, since);
      },

      fleetPipelineOpened: async (target) => {
        const before = get().connection;
        get().connectionPicked(target.connection);
        await get().remotePipelineOpenRequested(target.pipelineName);
        if (get().doc?.document.pipeline.name !== target.pipelineName) {
          // Not opened (the user kept unsaved changes, or the read failed): nothing else changes.
          get().connectionPicked(before);
          return;
        }
        set({ fleetOpen: false, notificationsOpen: false });
        get().runsToggled(true);
        if (target.pipelineExecutionId !== null) await get().runSelected(target.pipelineExecutionId);
        if (target.stageName !== null && target.actionName !== null)
          get().runActionSelected({ stageName: target.stageName, actionName: target.actionName });
      },

      notificationsStarted: async () => {
        if (started) return;
        started = true;
        api.events.on("fleet.updated", (snapshot) => get().fleetUpdated(snapshot));
        api.events.on("notifications.raised", (raised) => get().notificationRaised(raised));
        api.events.on("notifications.clicked", ({ id }) => void get().notificationOpened(id));
        const [list, settings, snapshot] = await Promise.all([
          api.notifications.list({}),
          api.notifications.settings({}),
          api.fleet.snapshot({}),
        ]);
        if (list.ok) set({ notifications: list.value });
        if (settings.ok) set({ notificationSettings: settings.value });
        if (snapshot.ok && snapshot.value !== null) set({ fleet: snapshot.value });
        // "Watch from the start": notifications come without opening the Fleet view first.
        if (settings.ok && settings.value.watchOnStart && get().fleet === null) {
          const result = await api.fleet.start({});
          if (result.ok) set({ fleet: result.value });
        }
      },

      notificationRaised: ({ item, popup: wanted }) => {
        const { items, unread } = get().notifications;
        if (items.some((i) => i.id === item.id)) return;
        set({ notifications: { items: [item, ...items].slice(0, 200), unread: unread + 1 } });
        if (wanted) popup(item);
      },

      notificationsToggled: (open) => set({ notificationsOpen: open ?? !get().notificationsOpen }),

      notificationOpened: async (id) => {
        const item = get().notifications.items.find((i) => i.id === id);
        if (item === undefined) return;
        const read = await api.notifications.markRead({ ids: [id] });
        if (read.ok) set({ notifications: read.value });
        await get().fleetPipelineOpened(item.target);
      },

      notificationsMarkedRead: async () => {
        const read = await api.notifications.markRead({});
        if (read.ok) set({ notifications: read.value });
      },

      notificationSettingsChanged: async (patch) => {
        const result = await api.notifications.updateSettings(patch);
        if (result.ok) set({ notificationSettings: result.value });
        else set({ error: result.error });
      },
    };
  };
}
