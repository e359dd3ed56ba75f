import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { chooseApiClient } from "./api";
import { App } from "./App";
import { createAppStore, StoreProvider } from "./store";
import { startAutosave } from "./store/autosave";
import { startRehearsals } from "./store/rehearse-runner";
import "./styles/app.css";

const api = chooseApiClient(window);
const store = createAppStore({ api, confirm: (message) => window.confirm(message) });
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
