import type { ApiClient } from "./client";
import { createHttpClient, takeToken } from "./http-client";

export type { ApiClient } from "./client";

/** The api client for this page: the preload bridge in Electron, HTTP in web mode. Chosen once. */
export function chooseApiClient(win: Window): ApiClient {
  if (win.pipewright !== undefined) return win.pipewright;
  return createHttpClient(takeToken(win.location, win.sessionStorage, win.history));
}
