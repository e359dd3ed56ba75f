import type { StateCreator } from "zustand";
import type {
  AppError,
  ConnectionChoice,
  RunControlResult,
  RunDetail,
  RunsAttention,
  RunsUpdate,
} from "../../shared/ipc";
import type { ApiPipelineExecutionSummary } from "../../shared/execution";
import type { FlowDeps } from "./flow-slice";
import { describeControl, type RunControl } from "./run-control";
import { followRun, mergeRuns } from "./runs-merge";
import type { AppState } from "./state";

export { followRun, mergeRuns } from "./runs-merge";
export { describeControl, type RunControl } from "./run-control";

/** Statuses the history can be filtered by ("all" shows every run). */
export type RunsFilter =
  "all" | "InProgress" | "Succeeded" | "Failed" | "Stopped" | "Stopping" | "Superseded" | "Cancelled";

/** A run's detail as loaded for the timeline. */
export interface LoadedRun {
  id: string;
  detail: RunDetail | null;
  loading: boolean;
  error: AppError | null;
}

/** The runs slice: the watched pipeline's live state, its history, the selected runs and controls. */
export interface RunsSlice {
  runsOpen: boolean;
  /** The pipeline watched and where; null when nothing is watched. */
  runsWatch: { pipelineName: string; connection: ConnectionChoice } | null;
  /** The latest poll of the watched pipeline. */
  runsLive: RunsUpdate | null;
  runsHistory: {
    summaries: ApiPipelineExecutionSummary[];
    nextToken: string | null;
    loading: boolean;
    error: AppError | null;
    filter: RunsFilter;
  };
  runsSelected: LoadedRun | null;
  runsCompared: LoadedRun | null;
  runsSelectedAction: { stageName: string; actionName: string } | null;
  runsControl: { busy: boolean; result: RunControlResult | null; error: AppError | null };
  runsAttention: RunsAttention[];
  runsToggled(open?: boolean): void;
  runsWatchRequested(): Promise<void>;
  runsUnwatched(): Promise<void>;
  runsUpdated(update: RunsUpdate): void;
  runsAttentionReceived(attention: RunsAttention): void;
  runsFilterChanged(filter: RunsFilter): Promise<void>;
  runsMoreRequested(): Promise<void>;
  runSelected(pipelineExecutionId: string | null): Promise<void>;
  runCompared(pipelineExecutionId: string | null): Promise<void>;
  runActionSelected(action: { stageName: string; actionName: string } | null): void;
  runControlRequested(control: RunControl): Promise<boolean>;
  /** The window was hidden or shown: main polls hidden windows slowly. */
  runsVisibilityChanged(visible: boolean): Promise<void>;
  /** Opens a provider, revision or log link in the system browser (main checks it is an AWS https link). */
  runLinkOpened(url: string): Promise<void>;
  /** Selects and scrolls to where the watched pipeline's latest run failed (its action, else its stage). */
  runFailureRevealed(): void;
}

/**
 * Where the latest state says a run failed, as a path into the document: the failed action of the
 * first failed stage, or the stage when none of its actions failed (an entry check kept it out).
 */
export function failurePath(state: AppState): (string | number)[] | null {
  const pipeline = state.doc?.document.pipeline;
  const stages = state.runsLive?.state?.stageStates ?? [];
  const failed = stages.find((st) => st.latestExecution?.status === "Failed");
  if (pipeline === undefined || failed === undefined) return null;
  const s = pipeline.stages.findIndex((st) => st.name === failed.stageName);
  if (s < 0) return null;
  const action = failed.actionStates?.find((a) => a.latestExecution?.status === "Failed");
  const a = pipeline.stages[s]?.actions.findIndex((x) => x.name === action?.actionName) ?? -1;
  return a < 0 ? ["pipeline", "stages", s] : ["pipeline", "stages", s, "actions", a];
}

export function createRunsSlice({ api, confirm }: FlowDeps): StateCreator<AppState, [], [], RunsSlice> {
  return (set, get) => {
    // One view per window: several browser tabs on one web host each watch, and hide, on their own.
    const VIEW_ID = `window-${Math.random().toString(36).slice(2, 12)}`;
    let offEvents: (() => void) | null = null;

    async function loadHistory(append: boolean): Promise<void> {
      const watch = get().runsWatch;
      if (watch === null) return;
      const history = get().runsHistory;
      const nextToken = append ? history.nextToken : null;
      if (append && nextToken === null) return;
      set({ runsHistory: { ...history, loading: true, error: null } });
      const result = await api.runs.list({
        connection: watch.connection,
        pipelineName: watch.pipelineName,
        ...(nextToken !== null ? { nextToken } : {}),
        ...(history.filter !== "all" ? { status: history.filter } : {}),
      });
      const now = get().runsHistory;
      if (get().runsWatch !== watch || now.filter !== history.filter) return;
      set({
        runsHistory: result.ok
          ? {
              ...now,
              loading: false,
              summaries: mergeRuns(append ? now.summaries : [], result.value.summaries),
              nextToken: result.value.nextToken,
            }
          : { ...now, loading: false, error: result.error },
      });
    }

    async function loadRun(id: string, key: "runsSelected" | "runsCompared"): Promise<void> {
      const watch = get().runsWatch;
      if (watch === null) return;
      set({
        [key]: {
          id,
          detail: get()[key]?.id === id ? (get()[key]?.detail ?? null) : null,
          loading: true,
          error: null,
        },
      });
      const result = await api.runs.detail({
        connection: watch.connection,
        pipelineName: watch.pipelineName,
        pipelineExecutionId: id,
      });
      if (get()[key]?.id !== id) return;
      set({
        [key]: result.ok
          ? { id, detail: result.value, loading: false, error: null }
          : { id, detail: get()[key]?.detail ?? null, loading: false, error: result.error },
      });
    }

    return {
      runsOpen: false,
      runsWatch: null,
      runsLive: null,
      runsHistory: { summaries: [], nextToken: null, loading: false, error: null, filter: "all" },
      runsSelected: null,
      runsCompared: null,
      runsSelectedAction: null,
      runsControl: { busy: false, result: null, error: null },
      runsAttention: [],

      runsToggled: (open) => {
        const next = open ?? !get().runsOpen;
        set({ runsOpen: next });
        if (next) void get().runsWatchRequested();
      },

      runsWatchRequested: async () => {
        const name = get().doc?.document.pipeline.name;
        if (!name) return;
        const connection = get().connection;
        const current = get().runsWatch;
        if (
          current?.pipelineName === name &&
          JSON.stringify(current.connection) === JSON.stringify(connection)
        ) {
          // Asked again (the panel opened, a deploy finished): main polls the pipeline now.
          await Promise.all([
            api.runs.watch({ connection, pipelineName: name, viewId: VIEW_ID }),
            loadHistory(false),
          ]);
          return;
        }
        offEvents ??= (() => {
          const offs = [
            api.events.on("runs.updated", (u) => get().runsUpdated(u)),
            api.events.on("runs.attention", (a) => get().runsAttentionReceived(a)),
          ];
          return () => offs.forEach((off) => off());
        })();
        set({
          runsWatch: { pipelineName: name, connection },
          runsLive: null,
          runsSelected: null,
          runsCompared: null,
          runsSelectedAction: null,
          runsHistory: { ...get().runsHistory, summaries: [], nextToken: null, error: null },
        });
        // The first page is read alongside starting the watch, not after it: one round trip less
        // before the history shows.
        const watched = (async () => {
          const result = await api.runs.watch({ connection, pipelineName: name, viewId: VIEW_ID });
          if (typeof document !== "undefined")
            await get().runsVisibilityChanged(document.visibilityState === "visible");
          return result;
        })();
        const [result] = await Promise.all([watched, loadHistory(false)]);
        if (!result.ok && get().runsHistory.error === null)
          set({ runsHistory: { ...get().runsHistory, error: result.error } });
      },

      runsUnwatched: async () => {
        offEvents?.();
        offEvents = null;
        set({ runsWatch: null, runsLive: null });
        await api.runs.unwatch({ viewId: VIEW_ID });
      },

      runsUpdated: (update) => {
        const watch = get().runsWatch;
        if (
          watch === null ||
          update.pipelineName !== watch.pipelineName ||
          JSON.stringify(update.connection) !== JSON.stringify(watch.connection)
        )
          return;
        const history = get().runsHistory;
        // New and changed runs from the poll go into the list in place, so it stays live.
        const fresh =
          history.filter === "all" ? update.runs : update.runs.filter((r) => r.status === history.filter);
        set({
          runsLive: update,
          runsHistory: { ...history, summaries: mergeRuns(fresh, history.summaries) },
        });
        // The timeline follows its run from the poll (main reads the run's executions only when the
        // state shows it moved), so it stays live without re-reading the whole run.
        const selected = get().runsSelected;
        if (selected?.detail) {
          const detail = followRun(selected.detail, update, selected.id);
          if (detail !== selected.detail) set({ runsSelected: { ...selected, detail } });
        }
      },

      runsAttentionReceived: (attention) => {
        set({ runsAttention: [...get().runsAttention.slice(-19), attention] });
        notify(attention);
      },

      runsFilterChanged: async (filter) => {
        set({ runsHistory: { ...get().runsHistory, filter, summaries: [], nextToken: null } });
        await loadHistory(false);
      },

      runsMoreRequested: () => loadHistory(true),

      runSelected: async (id) => {
        set({ runsSelectedAction: null });
        // Followed before it is read, so no change between the read and the follow is missed.
        if (get().runsWatch !== null) await api.runs.follow({ viewId: VIEW_ID, pipelineExecutionId: id });
        if (id === null) {
          set({ runsSelected: null });
          return;
        }
        await loadRun(id, "runsSelected");
      },

      runCompared: async (id) => {
        if (id === null) {
          set({ runsCompared: null });
          return;
        }
        await loadRun(id, "runsCompared");
      },

      runActionSelected: (action) => set({ runsSelectedAction: action }),

      runsVisibilityChanged: async (visible) => {
        await api.runs.visibility({ visible, viewId: VIEW_ID });
      },

      runFailureRevealed: () => {
        const path = failurePath(get());
        if (path !== null) get().problemRevealed(path);
      },

      runLinkOpened: async (url) => {
        const result = await api.app.openExternal({ url });
        if (!result.ok) get().errorShown(result.error);
      },

      runControlRequested: async (control) => {
        const watch = get().runsWatch;
        if (watch === null || get().runsControl.busy) return false;
        if (!confirm(describeControl(control, watch.pipelineName))) return false;
        set({ runsControl: { busy: true, result: null, error: null } });
        const target = { connection: watch.connection, pipelineName: watch.pipelineName };
        const { kind: _kind, ...args } = control;
        const result = await (() => {
          switch (control.kind) {
            case "start":
              return api.runs.start({ ...target, ...(args as Omit<typeof control, "kind">) });
            case "stop":
              return api.runs.stop({ ...target, ...(args as Omit<typeof control, "kind">) });
            case "retry":
              return api.runs.retry({ ...target, ...(args as Omit<typeof control, "kind">) });
            case "approve":
              return api.runs.approve({ ...target, ...(args as Omit<typeof control, "kind">) });
            case "transition":
              return api.runs.transition({ ...target, ...(args as Omit<typeof control, "kind">) });
            case "rollback":
              return api.runs.rollback({ ...target, ...(args as Omit<typeof control, "kind">) });
            case "override":
              return api.runs.override({ ...target, ...(args as Omit<typeof control, "kind">) });
          }
        })();
        set({
          runsControl: result.ok
            ? { busy: false, result: result.value, error: null }
            : { busy: false, result: null, error: result.error },
        });
        // Main polls the pipeline at once after a control; that poll updates the history and the
        // selected run, so nothing is read again from here.
        return result.ok;
      },
    };
  };
}

/** A desktop notification (Electron's renderer and browsers both implement the API), when permitted. */
function notify(attention: RunsAttention): void {
  if (typeof Notification === "undefined") return;
  const show = () => {
    new Notification(
      attention.kind === "failed"
        ? `${attention.pipelineName}: run failed`
        : `${attention.pipelineName}: approval waiting`,
      {
        body: attention.message,
        tag: `${attention.pipelineName}:${attention.kind}:${attention.pipelineExecutionId ?? ""}`,
      },
    );
  };
  if (Notification.permission === "granted") show();
  else if (Notification.permission === "default")
    void Notification.requestPermission().then((p) => (p === "granted" ? show() : undefined));
}
