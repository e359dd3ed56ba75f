/**
 * The runs drawer of the app, alone on a page, fed from data.json (1,000 runs and a 500-action run)
 * by a stand-in api, so the bench times rendering rather than the network.
 */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import type { ApiClient } from "../../../renderer/api/client";
import { RunsDrawer, RunsToggle } from "../../../renderer/panels/runs/RunsDrawer";
import { createAppStore, StoreProvider } from "../../../renderer/store";
import type { RunDetail, RunsPage } from "../../../shared/ipc";

interface BenchData {
  page: RunsPage;
  detail: RunDetail;
}

const data = (await (await fetch("./data.json")).json()) as BenchData;
const answer = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const handler = {
  get(_: object, group: string): unknown {
    if (group === "events") return { on: () => () => undefined };
    return new Proxy(
      {},
      {
        get: (_target, method: string) => () => {
          if (group === "runs" && method === "list") return answer(data.page);
          if (group === "runs" && method === "detail") return answer(data.detail);
          if (group === "aws" && method === "profiles") return answer({ profiles: [], notes: [] });
          return answer(null);
        },
      },
    );
  },
};
const api = new Proxy({}, handler) as ApiClient;
const store = createAppStore({ api, confirm: () => true });
const pipeline = { name: "bench", roleArn: "arn:aws:iam::1:role/r", stages: [] };
store.getState().documentLoaded({
  path: null,
  document: { shape: "bare", pipeline, envelope: {} } as never,
  version: null,
  diagnostics: [],
  dirty: false,
});
createRoot(document.getElementById("root")!).render(
  createElement(StoreProvider, { store }, createElement(RunsToggle), createElement(RunsDrawer)),
);
