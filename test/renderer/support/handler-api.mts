/**
 * An api client for store tests that runs the real handler table of main over a real data folder,
 * with each request and answer carried the way a transport carries it: JSON (web mode's HTTP) or
 * structured clone (Electron's IPC). So a store test covers the same path a user's edit takes.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHANNEL_NAMES, splitChannelName } from "../../../shared/ipc";
import type { ApiClient } from "../../../renderer/api/client";
import { dispatch } from "../../../main/ipc/dispatch";
import { createHandlers } from "../../../main/ipc/handlers";
import { createServices, type AppServices } from "../../../main/ipc/services";

/** How a value crosses between renderer and main. */
export type Transport = "json" | "structured-clone";

function carry(transport: Transport, value: unknown): unknown {
  if (value === undefined) return undefined;
  return transport === "json" ? (JSON.parse(JSON.stringify(value)) as unknown) : structuredClone(value);
}

/** The client, the services behind it and its folder (`dir/data` is the data folder). */
export interface HandlerApi {
  client: ApiClient;
  services: AppServices;
  dir: string;
  cleanup(): Promise<void>;
}

export async function createHandlerApi(transport: Transport, dir?: string): Promise<HandlerApi> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), "pipewright-store-")));
  const services = createServices({
    dataDir: join(root, "data"),
    info: {
      name: "Pipewright",
      version: "0.0.0-test",
      mode: "web",
      platform: process.platform,
      nativeDialogs: false,
    },
    dialogs: undefined,
    openLink: async () => undefined,
    emit: () => undefined,
  });
  const handlers = createHandlers(services);
  const groups: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const name of CHANNEL_NAMES) {
    const { group, method } = splitChannelName(name);
    (groups[group] ??= {})[method] = async (request: unknown) =>
      carry(transport, await dispatch(handlers, name, carry(transport, request)));
  }
  const client = { ...groups, events: { on: () => () => undefined } } as unknown as ApiClient;
  return {
    client,
    services,
    dir: root,
    cleanup: async () => {
      services.watcher.stop();
      await services.sandbox.close();
      if (dir === undefined) await rm(root, { recursive: true, force: true });
    },
  };
}
