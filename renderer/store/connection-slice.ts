import type { StateCreator } from "zustand";
import type { ActionTypeSpec } from "../../shared/catalog";
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
  /**
   * The connection's own action types (custom and partner types its ListActionTypes lists beyond
   * the catalog): the palette offers them, the inspector shows their properties, validation checks them.
   */
  accountActionTypes: readonly ActionTypeSpec[];
  /** Loading the account's action types: not asked yet, in flight, done, or why it failed. */
  accountActionTypesLoad: "idle" | "loading" | "loaded" | { error: AppError };
  accountActionTypesRequested(): Promise<void>;
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
    async function loadActionTypes(): Promise<void> {
      const connection = get().connection;
      set({ accountActionTypesLoad: "loading" });
      const result = await api.aws.listActionTypes({ connection });
      // A pick made meanwhile makes the answer another account's.
      if (get().connection !== connection) return;
      set(
        result.ok
          ? { accountActionTypes: result.value, accountActionTypesLoad: "loaded" }
          : { accountActionTypesLoad: { error: result.error } },
      );
    }
    return {
      connection: { kind: "sandbox" },
      accountActionTypes: [],
      accountActionTypesLoad: "idle",
      accountActionTypesRequested: loadActionTypes,
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
        // The types belong to the account they came from; the new one lists its own when asked
        // (Load in the palette, Test connection, or opening one of its pipelines).
        set({
          connection,
          connectionChosen: true,
          connectionTest: { status: "idle" },
          accountActionTypes: [],
          accountActionTypesLoad: "idle",
        });
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
        if (result.ok) void loadActionTypes();
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
        // Opened from the account, so it exists there: show its live status on the canvas at once,
        // and know the account's own action types its actions may use.
        void get().runsWatchRequested();
        if (get().accountActionTypesLoad === "idle") void loadActionTypes();
      },
    };
  };
}
