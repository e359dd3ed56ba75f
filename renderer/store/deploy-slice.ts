import type { StateCreator } from "zustand";
import type { AppError, DeployOutcome, DeployPreviewView, EventPayloads } from "../../shared/ipc";
import { setPipelineMembers } from "../../shared/pipeline/operations";
import type { FlowDeps } from "./flow-slice";
import type { AppState } from "./state";

/** The deploy dialog, one phase at a time. */
export type DeployDialogState =
  | { phase: "previewing" }
  | { phase: "preview"; preview: DeployPreviewView; waitUntilIdle: boolean }
  | {
      phase: "deploying";
      preview: DeployPreviewView;
      progress: EventPayloads["aws.deployProgress"] | null;
    }
  | { phase: "done"; outcome: DeployOutcome; run: { id: string } | { error: AppError } | null }
  | { phase: "failed"; error: AppError; preview?: DeployPreviewView };

/** The deploy slice: preview, confirm (overwrite on a conflict), progress, result, release change. */
export interface DeploySlice {
  deploy: DeployDialogState | null;
  deployRequested(): Promise<void>;
  deployWaitToggled(wait: boolean): void;
  deployConfirmed(options?: { overwrite?: boolean }): Promise<void>;
  /** Conflict: replace the document's pipeline with the remote one (an undoable edit). */
  deployRemoteReloaded(): Promise<void>;
  deployCancelled(): Promise<void>;
  releaseChangeRequested(): Promise<void>;
}

export function createDeploySlice({ api }: FlowDeps): StateCreator<AppState, [], [], DeploySlice> {
  return (set, get) => {
    async function preview(): Promise<void> {
      const doc = get().doc;
      if (doc === null) return;
      set({ deploy: { phase: "previewing" } });
      const result = await api.aws.previewDeploy({ connection: get().connection, document: doc.document });
      if (get().deploy?.phase !== "previewing") return;
      set({
        deploy: result.ok
          ? { phase: "preview", preview: result.value, waitUntilIdle: false }
          : { phase: "failed", error: result.error },
      });
    }
    return {
      deploy: null,
      deployRequested: preview,
      deployWaitToggled: (waitUntilIdle) => {
        const deploy = get().deploy;
        if (deploy?.phase === "preview") set({ deploy: { ...deploy, waitUntilIdle } });
      },
      deployConfirmed: async (options = {}) => {
        const deploy = get().deploy;
        if (deploy?.phase !== "preview") return;
        const { preview: plan, waitUntilIdle } = deploy;
        set({ deploy: { phase: "deploying", preview: plan, progress: null } });
        const off = api.events.on("aws.deployProgress", (progress) => {
          const now = get().deploy;
          if (now?.phase === "deploying" && progress.planId === plan.planId)
            set({ deploy: { ...now, progress } });
        });
        const result = await api.aws.deploy({
          planId: plan.planId,
          ...(options.overwrite === true ? { overwrite: true } : {}),
          ...(waitUntilIdle ? { waitUntilIdle: true } : {}),
        });
        off();
        if (!result.ok) {
          // The document is untouched; a structure error points at its element on the canvas.
          if (result.error.code === "invalid-structure" && result.error.path !== undefined)
            get().problemRevealed(result.error.path);
          set({ deploy: { phase: "failed", error: result.error, preview: plan } });
          return;
        }
        const outcome = result.value;
        if (get().doc?.document.pipeline.version !== outcome.version) {
          get().documentEdited((p) => setPipelineMembers(p, { version: outcome.version }));
          if (get().doc?.path !== null) await get().saveRequested();
        }
        set({ deploy: { phase: "done", outcome, run: null } });
        // A deployed pipeline is one the user will want to watch: its status shows on the canvas
        // from now on, without opening the runs panel first.
        void get().runsWatchRequested();
      },
      deployRemoteReloaded: async () => {
        const doc = get().doc;
        if (doc === null) return;
        const result = await api.aws.openPipeline({
          connection: get().connection,
          name: doc.document.pipeline.name,
        });
        if (!result.ok) {
          set({ deploy: { phase: "failed", error: result.error } });
          return;
        }
        const remote = result.value.document.pipeline;
        get().documentEdited(() => remote, { select: { kind: "pipeline" } });
        set({ deploy: null });
      },
      deployCancelled: async () => {
        const deploy = get().deploy;
        if (deploy?.phase === "deploying") {
          // Only a wait for idle can stop; the result of the deploy call then closes the dialog.
          await api.aws.cancelDeploy({ planId: deploy.preview.planId });
          return;
        }
        set({ deploy: null });
      },
      releaseChangeRequested: async () => {
        const deploy = get().deploy;
        if (deploy?.phase !== "done") return;
        const result = await api.aws.startRun({ connection: get().connection, name: deploy.outcome.name });
        const now = get().deploy;
        if (now?.phase !== "done") return;
        set({
          deploy: {
            ...now,
            run: result.ok ? { id: result.value.pipelineExecutionId } : { error: result.error },
          },
        });
      },
    };
  };
}
