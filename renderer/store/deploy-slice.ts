import type { StateCreator } from "zustand";
import { mergePipelines, type MergeConflict, type MergePreference } from "../../shared/diff";
import type {
  AppError,
  DeployConflict,
  DeployOutcome,
  DeployPreviewView,
  EventPayloads,
} from "../../shared/ipc";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import type { FlowDeps } from "./flow-slice";
import type { AppState } from "./state";

/** The deploy dialog, one phase at a time. */
export type DeployDialogState =
  | { phase: "previewing" }
  | { phase: "preview"; preview: DeployPreviewView; waitUntilIdle: boolean }
  /** "Merge their changes" found parts both sides changed: the user picks the side that wins. */
  | { phase: "merge"; preview: DeployPreviewView; conflicts: MergeConflict[] }
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
  /** `allowDrift`: the user chose to update a pipeline its stack or tool owns. */
  deployConfirmed(options?: { overwrite?: boolean; allowDrift?: boolean }): Promise<void>;
  /** Conflict: replace the document's pipeline with the remote one (an undoable edit). */
  deployRemoteReloaded(): Promise<void>;
  /**
   * Conflict: merge the remote's changes since the base version into the document. Without parts
   * both sides changed, the merge is applied (one undoable edit, the remote's version) and the
   * deploy previewed again; otherwise the dialog lists those parts.
   */
  deployMergeRequested(): Promise<void>;
  /** Merge conflicts: apply the merge with `prefer` winning where both sides changed, preview again. */
  deployMergeResolved(prefer: MergePreference): Promise<void>;
  /** Merge conflicts: back to the conflict's choices, the document untouched. */
  deployMergeLeft(): void;
  deployCancelled(): Promise<void>;
  releaseChangeRequested(): Promise<void>;
}

/** Why a conflict offers no merge, or null when it does. */
export function mergeUnavailableReason(conflict: DeployConflict): string | null {
  if (conflict.basePipeline !== undefined) return null;
  if (conflict.documentVersion === undefined)
    return "Merging is not offered: the document is not based on any version of the remote pipeline, so there is no common base to merge from.";
  return `Merging is not offered: the service did not return version ${conflict.documentVersion}, the document's base, so a merge could not tell which side changed what.`;
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
    /** The merge of the current document with the conflict's base and remote pipeline. */
    function merged(preview: DeployPreviewView, prefer?: MergePreference) {
      const doc = get().doc;
      const conflict = preview.conflict;
      if (doc === null || conflict?.basePipeline === undefined) return undefined;
      const { basePipeline, remotePipeline } = conflict;
      return mergePipelines(basePipeline, remotePipeline, doc.document.pipeline, prefer ? { prefer } : {});
    }
    /** One undoable edit, after which the document is based on the remote version: preview again. */
    async function applied(pipeline: PipelineDeclaration): Promise<void> {
      get().documentEdited(() => pipeline, { select: { kind: "pipeline" } });
      await preview();
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
          ...(options.allowDrift === true ? { allowDrift: true } : {}),
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
        // The document and its file stay as they are: main keeps the deployed version per target.
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
      deployMergeRequested: async () => {
        const deploy = get().deploy;
        if (deploy?.phase !== "preview") return;
        const merge = merged(deploy.preview);
        if (merge === undefined) return;
        if (merge.conflicts.length > 0) {
          set({ deploy: { phase: "merge", preview: deploy.preview, conflicts: merge.conflicts } });
          return;
        }
        await applied(merge.pipeline);
      },
      deployMergeResolved: async (prefer) => {
        const deploy = get().deploy;
        if (deploy?.phase !== "merge") return;
        const merge = merged(deploy.preview, prefer);
        if (merge !== undefined) await applied(merge.pipeline);
      },
      deployMergeLeft: () => {
        const deploy = get().deploy;
        if (deploy?.phase === "merge")
          set({ deploy: { phase: "preview", preview: deploy.preview, waitUntilIdle: false } });
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
        // Through the runs channel, whose handler polls the pipeline at once: the canvas shows the
        // new run without waiting for the watch's next (idle, slow) poll.
        const result = await api.runs.start({
          connection: get().connection,
          pipelineName: deploy.outcome.name,
        });
        const now = get().deploy;
        if (now?.phase !== "done") return;
        const id = result.ok ? result.value.pipelineExecutionId : null;
        set({
          deploy: {
            ...now,
            run: !result.ok
              ? { error: result.error }
              : id === null
                ? { error: { code: "internal", message: "The service started no run: no id came back" } }
                : { id },
          },
        });
      },
    };
  };
}
