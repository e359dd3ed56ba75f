import { Notification } from "electron";
import type { EventPayloads } from "../../shared/ipc";

/**
 * A desktop notification when a watched run fails or waits for approval. Shown by main: the window's
 * permission handler refuses every web permission, so the renderer's Notification API cannot.
 */
export function showRunNotification(attention: EventPayloads["runs.attention"]): void {
  if (!Notification.isSupported()) return;
  const title =
    attention.kind === "failed"
      ? `${attention.pipelineName}: a run failed`
      : `${attention.pipelineName}: an approval is waiting`;
  new Notification({ title, body: attention.message }).show();
}
