import { createContext, createElement, useContext, type ReactNode } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import { createConnectionSlice } from "./connection-slice";
import { createDeploySlice } from "./deploy-slice";
import { createDesignerSlice } from "./designer-slice";
import { createDocumentSlice } from "./document-slice";
import { createFleetSlice } from "./fleet-slice";
import { createFlowSlice, type FlowDeps } from "./flow-slice";
import { createRunsDialogSlice } from "./runs-dialog-slice";
import { createIacSlice } from "./iac-slice";
import { createRehearseSlice } from "./rehearse-slice";
import { createRunsSlice } from "./runs-slice";
import type { AppState } from "./state";
import { createUiSlice } from "./ui-slice";

export type { AppState, ConfirmRequest, DialogKind, DockPanel, OpenDocument } from "./state";
export type { Selection } from "./designer-state";

/** The renderer's one store, combined from its slices. */
export type AppStore = StoreApi<AppState>;

/**
 * Builds the store; the api client is injected, and so may be the yes/no prompt (tests answer it;
 * the app asks in its own dialog, the ui slice's `confirmAsked`).
 */
export function createAppStore(
  options: Omit<FlowDeps, "confirm"> & {
    confirm?: FlowDeps["confirm"];
    newId?: () => string;
    now?: () => number;
  },
): AppStore {
  const newId = options.newId ?? (() => crypto.randomUUID());
  let store: AppStore | undefined = undefined;
  const deps: FlowDeps = {
    api: options.api,
    confirm: options.confirm ?? ((request) => store?.getState().confirmAsked(request) ?? false),
  };
  store = createStore<AppState>()((...a) => ({
    ...createDocumentSlice(newId)(...a),
    ...createUiSlice(deps.api)(...a),
    templates: [],
    recent: [],
    recovery: [],
    ...createFlowSlice(deps)(...a),
    ...createDesignerSlice(options.now)(...a),
    ...createConnectionSlice(deps)(...a),
    ...createDeploySlice(deps)(...a),
    ...createRunsSlice(deps)(...a),
    ...createRunsDialogSlice(deps)(...a),
    ...createIacSlice(deps)(...a),
    ...createRehearseSlice(deps)(...a),
    ...createFleetSlice(deps)(...a),
  }));
  return store;
}

const StoreContext = createContext<AppStore | null>(null);

/** Makes `store` available to the components below. */
export function StoreProvider({ store, children }: { store: AppStore; children?: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** Selects from the store; components select narrowly (useShallow for objects). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error("useAppStore needs a StoreProvider above it");
  return useStore(store, selector);
}

/** The store itself, for effects that subscribe outside React's render. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error("useStoreApi needs a StoreProvider above it");
  return store;
}
