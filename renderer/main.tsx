// First, so the base styles come before every component's own.
import "./styles/app.css";
import "./styles/overlays.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { chooseApiClient } from "./api";
import { App } from "./App";
import { createAppStore, StoreProvider } from "./store";
import { startAutosave } from "./store/autosave";
import { startRehearsals } from "./store/rehearse-runner";

const api = chooseApiClient(window);
// Questions are asked in the app's own dialog (the ui slice's confirmAsked), never window.confirm().
const store = createAppStore({ api });
startAutosave(store, api);
startRehearsals(store);

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App api={api} />
    </StoreProvider>
  </StrictMode>,
);
