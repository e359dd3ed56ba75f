import type { StateCreator } from "zustand";
import type { ApiClient } from "../api/client";
import type { AppState, UiSlice } from "./state";

/** Panel sizes are written this long after the last resize, so a drag saves once. */
const LAYOUT_SAVE_DELAY_MS = 500;

/** Dialogs, errors, notices, the docked panels, questions and focus requests. */
export function createUiSlice(api: ApiClient): StateCreator<AppState, [], [], UiSlice> {
  return (set, get) => {
    let layoutTimer: ReturnType<typeof setTimeout> | undefined;
    return {
      info: null,
      dialog: null,
      error: null,
      notice: null,
      diskChange: null,
      settings: { theme: "system", recentLimit: 10, panelLayout: {} },
      busy: false,
      panels: { palette: true, inspector: true, bottom: false },
      confirmation: null,
      focusRequest: null,
      dragging: null,
      folder: { loading: false, listing: null, error: null },
      folderRequested: async (path) => {
        set({ folder: { ...get().folder, loading: true, error: null } });
        const result = await api.folders.list(path === undefined ? {} : { path });
        set({
          folder: result.ok
            ? { loading: false, listing: result.value, error: null }
            : { ...get().folder, loading: false, error: result.error },
        });
      },
      dragChanged: (dragging) => set({ dragging }),
      dialogOpened: (dialog) => set({ dialog, error: null }),
      dialogClosed: () => set({ dialog: null }),
      errorShown: (error) => set({ error }),
      errorDismissed: () => set({ error: null }),
      noticeShown: (notice) => set({ notice }),
      noticeDismissed: () => set({ notice: null }),
      panelToggled: (panel, open) => {
        const panels = get().panels;
        const next = open ?? !panels[panel];
        if (panels[panel] !== next) set({ panels: { ...panels, [panel]: next } });
      },
      panelLayoutChanged: (group, layout) => {
        const settings = get().settings;
        const panelLayout = { ...settings.panelLayout, [group]: { ...layout } };
        set({ settings: { ...settings, panelLayout } });
        if (layoutTimer !== undefined) clearTimeout(layoutTimer);
        layoutTimer = setTimeout(() => {
          layoutTimer = undefined;
          // Sizes are a convenience: a failed write keeps this session's sizes and says nothing.
          void api.settings.update({ panelLayout: get().settings.panelLayout });
        }, LAYOUT_SAVE_DELAY_MS);
      },
      confirmAsked: (request) =>
        new Promise<boolean>((resolve) => {
          // A question already open is answered "no": two questions never wait on one dialog.
          get().confirmation?.answer(false);
          const answer = (yes: boolean) => {
            if (get().confirmation?.answer === answer) set({ confirmation: null });
            resolve(yes);
          };
          set({ confirmation: { ...request, answer } });
        }),
      focusRequested: (key) => set({ focusRequest: { key, seq: (get().focusRequest?.seq ?? 0) + 1 } }),
    };
  };
}
