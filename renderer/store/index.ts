import { createContext, createElement, useContext, type ReactNode } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import { createConnectionSlice } from "./connection-slice";
import { createDeploySlice } from "./deploy-slice";
import { createDesignerSlice } from "./designer-slice";
import { createDocumentSlice } from "./document-slice";
import { createFlowSlice, type FlowDeps } from "./flow-slice";
import { createIacSlice } from "./iac-slice";
import { createRehearseSlice } from "./rehearse-slice";
import { createRunsSlice } from "./runs-slice";
import type { AppState } from "./state";
import { createUiSlice } from "./ui-slice";

export type { AppState, DialogKind, OpenDocument } from "./state";
export type { Selection } from "./designer-state";

/** The renderer's one store, combined from its slices. */
export type AppStore = StoreApi<AppState>;

/** Builds the store; the api client and the confirm prompt are injected. */
export function createAppStore(deps: FlowDeps & { newId?: () => string; now?: () => number }): AppStore {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  return createStore<AppState>()((...a) => ({
    ...createDocumentSlice(newId)(...a),
    ...createUiSlice(...a),
    templates: [],
    recent: [],
    recovery: [],
    ...createFlowSlice(deps)(...a),
    ...createDesignerSlice(deps.now)(...a),
    ...createConnectionSlice(deps)(...a),
    ...createDeploySlice(deps)(...a),
    ...createRunsSlice(deps)(...a),
    ...createIacSlice(deps)(...a),
    ...createRehearseSlice(deps)(...a),
  }));
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
