import type { StateCreator } from "zustand";
import type {
  AppError,
  ConnectionChoice,
  ConnectionIdentity,
  PipelineSummary,
  ProfilesView,
} from "../../shared/ipc";
import { DISCARD_QUESTION, type FlowDeps } from "./flow-slice";
import type { AppState } from "./state";

/** "Test connection": in flight, who answered, or why it failed. */
export type ConnectionTest =
  | { status: "idle" }
  | { status: "testing" }
  | { status: "ok"; identity: ConnectionIdentity }
  | { status: "failed"; error: AppError };

/** The browse dialog: the connection's pipelines, to open one into the designer. */
export interface BrowseState {
  loading: boolean;
  pipelines: PipelineSummary[];
  error: AppError | null;
}

/** The connection slice: where deploys and browsing go. Credentials never come here, only names. */
export interface ConnectionSlice {
  connection: ConnectionChoice;
  /** True once the user picked a connection; the default then stops following the profiles. */
  connectionChosen: boolean;
  profiles: ProfilesView | null;
  connectionTest: ConnectionTest;
  browse: BrowseState | null;
  profilesRequested(): Promise<void>;
  connectionPicked(connection: ConnectionChoice): void;
  connectionTestRequested(): Promise<void>;
  connectionTestDismissed(): void;
  browseOpened(): Promise<void>;
  browseClosed(): void;
  remotePipelineOpenRequested(name: string): Promise<void>;
}

/** Where a new session deploys: the default profile in its region, or the sandbox when there is none. */
export function defaultConnection(profiles: ProfilesView): ConnectionChoice {
  const name = profiles.defaultProfile;
  const profile = profiles.profiles.find((p) => p.name === name);
  if (profile === undefined) return { kind: "sandbox" };
  const region = profile.region ?? profiles.environmentRegion ?? "us-east-1";
  return profile.kind === "env" ? { kind: "aws", region } : { kind: "aws", profile: profile.name, region };
}

/** A short name of a connection for buttons and titles. */
export function connectionLabel(connection: ConnectionChoice): string {
  if (connection.kind === "sandbox") return "Sandbox";
  return `${connection.profile ?? "environment"} · ${connection.region}`;
}

export function createConnectionSlice({
  api,
  confirm,
}: FlowDeps): StateCreator<AppState, [], [], ConnectionSlice> {
  return (set, get) => {
    async function listPipelines(): Promise<void> {
      set({ browse: { loading: true, pipelines: get().browse?.pipelines ?? [], error: null } });
      const result = await api.aws.listPipelines({ connection: get().connection });
      if (get().browse === null) return;
      set({
        browse: result.ok
          ? { loading: false, pipelines: result.value, error: null }
          : { loading: false, pipelines: [], error: result.error },
      });
    }
    return {
      connection: { kind: "sandbox" },
      connectionChosen: false,
      profiles: null,
      connectionTest: { status: "idle" },
      browse: null,
      profilesRequested: async () => {
        const result = await api.aws.profiles({});
        if (!result.ok) {
          set({ error: result.error });
          return;
        }
        set({ profiles: result.value });
        if (!get().connectionChosen) set({ connection: defaultConnection(result.value) });
      },
      connectionPicked: (connection) => {
        set({ connection, connectionChosen: true, connectionTest: { status: "idle" } });
        if (get().browse !== null) void listPipelines();
      },
      connectionTestRequested: async () => {
        const connection = get().connection;
        set({ connectionTest: { status: "testing" } });
        const result = await api.aws.testConnection({ connection });
        // A pick made while the test ran makes its answer stale.
        if (get().connection !== connection) return;
        set({
          connectionTest: result.ok
            ? { status: "ok", identity: result.value }
            : { status: "failed", error: result.error },
        });
      },
      connectionTestDismissed: () => set({ connectionTest: { status: "idle" } }),
      browseOpened: async () => {
        set({ browse: { loading: true, pipelines: [], error: null } });
        await listPipelines();
      },
      browseClosed: () => set({ browse: null }),
      remotePipelineOpenRequested: async (name) => {
        const doc = get().doc;
        if (doc !== null && doc.dirty && !(await confirm(DISCARD_QUESTION))) return;
        const result = await api.aws.openPipeline({ connection: get().connection, name });
        if (!result.ok) {
          const browse = get().browse;
          if (browse !== null) set({ browse: { ...browse, error: result.error } });
          else set({ error: result.error });
          return;
        }
        if (doc !== null) await api.recovery.discard({ id: doc.recoveryId });
        get().documentLoaded(result.value);
        // The document remembers where it came from: the connection stays the one it was opened from.
        set({ browse: null, connectionChosen: true, error: null });
        await api.documents.watch({ path: null, version: null });
        // Opened from the account, so it exists there: show its live status on the canvas at once.
        void get().runsWatchRequested();
      },
    };
  };
}
