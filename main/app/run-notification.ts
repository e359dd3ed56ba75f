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

/**
 * A fleet notification on the desktop, when the user wants pop-ups. Clicking it brings the window
 * forward and tells the renderer which notification, which opens the run (or the approval review).
 */
export function showFleetNotification(
  raised: EventPayloads["notifications.raised"],
  clicked: (id: string) => void,
): void {
  if (!raised.popup || !Notification.isSupported()) return;
  const shown = new Notification({ title: raised.item.title, body: raised.item.body });
  shown.on("click", () => clicked(raised.item.id));
  shown.show();
}
