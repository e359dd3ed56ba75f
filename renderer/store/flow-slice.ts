import type { StateCreator } from "zustand";
import type { OpenedDocument, Result } from "../../shared/ipc";
import type { PipelineDocument } from "../../shared/pipeline/model";
import type { ApiClient } from "../api/client";
import type { AppState, FlowSlice } from "./state";

/** What the flows need from outside the store; injected so tests run without a browser or main. */
export interface FlowDeps {
  api: ApiClient;
  /** Asks the user a yes/no question (window.confirm in the app). */
  confirm(message: string): boolean;
}

type Get = () => AppState;
type Set = (partial: Partial<AppState>) => void;

/** Unwraps a Result: the value, or undefined after putting the error in state. */
function settle<T>(set: Set, result: Result<T>): T | undefined {
  if (result.ok) return result.value;
  // Closing a file dialog is a choice, not a failure: nothing to report.
  set(result.error.code === "cancelled" ? { busy: false } : { error: result.error, busy: false });
  return undefined;
}

/** True when there is nothing unsaved to lose, or the user agreed to drop it. */
function mayReplace(get: Get, confirm: FlowDeps["confirm"]): boolean {
  const doc = get().doc;
  return doc === null || !doc.dirty || confirm("Discard the unsaved changes of the open document?");
}

/** The document is leaving the window: its recovery copy goes, and main stops watching its file. */
async function release(get: Get, api: ApiClient): Promise<void> {
  const doc = get().doc;
  if (doc !== null) await api.recovery.discard({ id: doc.recoveryId });
}

async function load(
  get: Get,
  set: Set,
  api: ApiClient,
  opened: OpenedDocument,
  recoveryId?: string,
): Promise<void> {
  get().documentLoaded(opened, recoveryId);
  set({ dialog: null, error: null, busy: false });
  await api.documents.watch({ path: opened.path, version: opened.version });
  const recent = await api.documents.recent({});
  if (recent.ok) set({ recent: recent.value });
}

/** The flows: each calls main through the api client and ends in sync state events. */
export function createFlowSlice({ api, confirm }: FlowDeps): StateCreator<AppState, [], [], FlowSlice> {
  return (set, get) => {
    async function afterSave(
      result: Result<{ path: string; version: string }>,
      written: PipelineDocument,
    ): Promise<void> {
      const saved = settle(set, result);
      if (saved === undefined) {
        if (!result.ok && result.error.code === "changed-on-disk") {
          const path = get().doc?.path;
          if (path !== null && path !== undefined) set({ diskChange: { path, change: "modified" } });
        }
        return;
      }
      get().documentSaved(saved, written);
      set({ dialog: null, busy: false, notice: `Saved: ${saved.path}` });
      const doc = get().doc;
      if (doc !== null) await api.recovery.discard({ id: doc.recoveryId });
      await api.documents.watch({ path: saved.path, version: saved.version });
      const recent = await api.documents.recent({});
      if (recent.ok) set({ recent: recent.value });
    }

    return {
      startupRequested: async () => {
        const [info, templates, recent, recovery, settings] = await Promise.all([
          api.app.info({}),
          api.documents.templates({}),
          api.documents.recent({}),
          api.recovery.list({}),
          api.settings.get({}),
        ]);
        const launchFile = await api.app.launchFile({});
        // After the reads above, so what they found unusable (and set aside) is among the notices.
        const notices = await api.app.notices({});
        const first = [info, templates, recent, recovery, settings, launchFile].find((r) => !r.ok);
        if (first !== undefined && !first.ok) set({ error: first.error });
        set({
          info: info.ok ? info.value : null,
          templates: templates.ok ? templates.value : [],
          recent: recent.ok ? recent.value : [],
          recovery: recovery.ok ? recovery.value : [],
          ...(settings.ok ? { settings: settings.value } : {}),
          ...(notices.ok && notices.value.length > 0 ? { notice: notices.value.join("\n") } : {}),
        });
        if (launchFile.ok && launchFile.value !== null) await get().openRequested(launchFile.value);
      },

      newDocumentRequested: async (templateId) => {
        if (!mayReplace(get, confirm)) return;
        set({ busy: true });
        const opened = settle(set, await api.documents.create({ templateId }));
        if (opened === undefined) return;
        await release(get, api);
        await load(get, set, api, opened);
      },

      openRequested: async (path, resource) => {
        if (resource === undefined && !mayReplace(get, confirm)) return;
        set({ busy: true });
        const result = await api.documents.open({
          ...(path === undefined ? {} : { path }),
          ...(resource === undefined ? {} : { resource }),
        });
        // A template with several pipelines: the user picks one, then the open goes on.
        if (!result.ok && result.error.code === "choose-resource" && result.error.file !== undefined) {
          get().resourceChoiceShown({ file: result.error.file, choices: result.error.choices ?? [] });
          set({ dialog: null });
          return;
        }
        const opened = settle(set, result);
        if (opened === undefined) return;
        await release(get, api);
        await load(get, set, api, opened);
      },

      saveRequested: async () => {
        const doc = get().doc;
        if (doc === null) return;
        if (doc.path === null) {
          if (get().info?.nativeDialogs === true) await get().saveAsRequested();
          else get().dialogOpened("saveAs");
          return;
        }
        set({ busy: true });
        await afterSave(
          await api.documents.save({
            path: doc.path,
            document: doc.document,
            expectedVersion: doc.version,
            overwrite: doc.overwriteOnSave,
          }),
          doc.document,
        );
      },

      saveAsRequested: async (path) => {
        const doc = get().doc;
        if (doc === null) return;
        set({ busy: true });
        if (path === undefined) {
          await afterSave(await api.documents.saveAs({ document: doc.document }), doc.document);
          return;
        }
        let result = await api.documents.saveAs({ path, document: doc.document });
        if (
          !result.ok &&
          result.error.code === "file-exists" &&
          confirm(`${result.error.message}. Replace it?`)
        ) {
          result = await api.documents.saveAs({ path, document: doc.document, overwrite: true });
        }
        if (!result.ok && result.error.code === "file-exists") {
          // The user kept the other file: back to the dialog to pick another name.
          set({ busy: false });
          return;
        }
        await afterSave(result, doc.document);
      },

      recoveryRestoreRequested: async (id) => {
        if (!mayReplace(get, confirm)) return;
        const opened = settle(set, await api.recovery.restore({ id }));
        if (opened === undefined) return;
        await release(get, api);
        // Keep the entry's id: the restored edits stay recoverable until they are saved.
        await load(get, set, api, opened, id);
        set({ recovery: get().recovery.filter((e) => e.id !== id) });
      },

      recoveryDeclined: async (id) => {
        settle(set, await api.recovery.discard({ id }));
        set({ recovery: get().recovery.filter((e) => e.id !== id) });
      },

      diskChangeReported: async (change) => {
        const doc = get().doc;
        if (doc === null || doc.path !== change.path) return;
        // Nothing of the user's to lose: follow the file, as editors do.
        if (!doc.dirty && change.change === "modified") {
          await get().diskReloadRequested();
          set({ notice: `Reloaded after a change on disk: ${change.path}` });
          return;
        }
        set({ diskChange: change });
      },

      diskReloadRequested: async () => {
        const doc = get().doc;
        if (doc === null || doc.path === null) return;
        const opened = settle(set, await api.documents.open({ path: doc.path }));
        if (opened === undefined) return;
        await api.recovery.discard({ id: doc.recoveryId });
        await load(get, set, api, opened, doc.recoveryId);
      },

      diskChangeKept: () => {
        const doc = get().doc;
        set({
          diskChange: null,
          ...(doc === null ? {} : { doc: { ...doc, dirty: true, overwriteOnSave: true } }),
        });
      },

      themeChosen: async (theme) => {
        const settings = settle(set, await api.settings.update({ theme }));
        if (settings !== undefined) set({ settings });
      },
    };
  };
}
