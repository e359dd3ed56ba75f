import type { StateCreator } from "zustand";
import type { AppState, UiSlice } from "./state";

/** Dialogs, errors and notices. */
export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  info: null,
  dialog: null,
  error: null,
  notice: null,
  diskChange: null,
  settings: { theme: "system", recentLimit: 10 },
  busy: false,
  dialogOpened: (dialog) => set({ dialog, error: null }),
  dialogClosed: () => set({ dialog: null }),
  errorShown: (error) => set({ error }),
  errorDismissed: () => set({ error: null }),
  noticeDismissed: () => set({ notice: null }),
});
