import type { ApiMethods, EventSource } from "../../shared/ipc";

/**
 * Everything the renderer may ask of main: one method per contract channel, plus main's events.
 * Two implementations exist (the Electron preload bridge and the web-mode HTTP client); the rest of
 * the renderer sees only this type.
 */
export type ApiClient = ApiMethods & {
  events: EventSource;
  /** Desktop only: the path of a file dropped on the window (a browser never reveals it). */
  files?: { pathOf(file: File): string };
};

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    pipewright?: ApiClient;
  }
}
