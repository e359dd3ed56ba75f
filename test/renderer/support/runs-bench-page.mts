/**
 * The runs drawer of the app, alone on a page, for the runs and history benches: its api sends
 * `runs.list` and `runs.detail` to the bench server (which pages like AWS) and answers the rest
 * itself, so the benches time the drawer's own work.
 */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import type { ApiClient } from "../../../renderer/api/client";
import { RunsDrawer, RunsToggle } from "../../../renderer/panels/runs/RunsDrawer";
import { createAppStore, StoreProvider } from "../../../renderer/store";

const answer = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const served = new Set(["runs.list", "runs.detail"]);
const handler = {
  get(_: object, group: string): unknown {
    if (group === "events") return { on: () => () => undefined };
    return new Proxy(
      {},
      {
        get: (_target, method: string) => async (payload: unknown) => {
          const channel = `${group}.${method}`;
          if (served.has(channel)) {
            const response = await fetch(`./api/${channel}`, {
              method: "POST",
              body: JSON.stringify(payload),
            });
            return (await response.json()) as unknown;
          }
          if (channel === "aws.profiles") return answer({ profiles: [], notes: [] });
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
