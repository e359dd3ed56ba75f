import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EventName, EventPayloads } from "../../../../shared/ipc";
import type { FileDialogs } from "../../../../main/documents/document-service";
import { createServices, type AppServices } from "../../../../main/ipc/services";

/** Services on a fresh data folder, with the events they emit recorded. */
export interface TestServices {
  services: AppServices;
  dir: string;
  events: { name: EventName; payload: EventPayloads[EventName] }[];
  cleanup(): Promise<void>;
}

export async function createTestServices(dialogs?: FileDialogs): Promise<TestServices> {
  const dir = await mkdtemp(join(tmpdir(), "pipewright-docs-"));
  const events: TestServices["events"] = [];
  const services = createServices({
    dataDir: join(dir, "data"),
    info: {
      name: "Pipewright",
      version: "0.0.0-test",
      mode: "web",
      platform: process.platform,
      nativeDialogs: false,
    },
    dialogs,
    openLink: async () => undefined,
    emit: (name, payload) => events.push({ name, payload }),
  });
  return {
    services,
    dir,
    events,
    cleanup: async () => {
      services.watcher.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
