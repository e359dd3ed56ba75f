import {
  CHANNEL_NAMES,
  fail,
  isEventName,
  isResult,
  splitChannelName,
  type ChannelName,
  type EventListener,
  type EventName,
  type Result,
} from "../../shared/ipc";
import type { ApiClient } from "./client";
import { EventStreamParser } from "./event-stream-reader";

/** The header the web host checks; must match main/host. */
const TOKEN_HEADER = "x-pipewright-token";
const TOKEN_KEY = "pipewright.token";
const RECONNECT_MS = [500, 1000, 2000, 5000];

/**
 * The per-launch token: from the URL fragment on first load (then removed from the address bar so it
 * is not bookmarked or shown), from session storage after a reload of the same tab.
 */
export function takeToken(location: Location, storage: Storage, history: History): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1] !== undefined) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, "", location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY) ?? "";
}

type Listeners = Map<EventName, Set<(payload: never) => void>>;

function deliver(listeners: Listeners, name: string, data: string): void {
  if (!isEventName(name)) return;
  let payload: unknown;
  try {
    payload = JSON.parse(data) as unknown;
  } catch {
    return;
  }
  for (const listener of listeners.get(name) ?? []) (listener as (p: unknown) => void)(payload);
}

/**
 * Web mode's api client: each channel is `POST /api/<channel>` with the token header; events are a
 * Server-Sent Events stream read with fetch (so the token stays in a header, not the URL), opened
 * on the first subscription and reopened with backoff when it drops.
 */
export function createHttpClient(token: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): ApiClient {
  async function call(channel: ChannelName, request: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${channel}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [TOKEN_HEADER]: token },
        body: JSON.stringify(request ?? {}),
      });
    } catch (error) {
      return fail(
        "internal",
        `Pipewright's web host cannot be reached: ${error instanceof Error ? error.message : "network error"}`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    return isResult(body)
      ? body
      : fail("internal", `Pipewright's web host answered unexpectedly: HTTP ${response.status}`);
  }

  const listeners: Listeners = new Map();
  let streaming = false;

  async function stream(attempt: number): Promise<void> {
    try {
      const response = await fetchImpl("/api/events", { headers: { [TOKEN_HEADER]: token } });
      if (response.ok && response.body !== null) {
        attempt = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new EventStreamParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const e of parser.push(value)) deliver(listeners, e.event, e.data);
        }
      }
    } catch {
      // Dropped connection: reconnect below.
    }
    const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)] ?? 5000;
    setTimeout(() => void stream(attempt + 1), delay);
  }

  const groups: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const { group, method } = splitChannelName(name);
    const methods = groups[group] ?? {};
    Object.defineProperty(methods, method, {
      value: (request: unknown) => call(name, request),
      enumerable: true,
    });
    Object.defineProperty(groups, group, { value: methods, enumerable: true, configurable: true });
  }

  return {
    ...(groups as unknown as ApiClient),
    events: {
      on<E extends EventName>(name: E, listener: EventListener<E>): () => void {
        const set = listeners.get(name) ?? new Set();
        set.add(listener as (payload: never) => void);
        listeners.set(name, set);
        if (!streaming) {
          streaming = true;
          void stream(0);
        }
        return () => set.delete(listener as (payload: never) => void);
      },
    },
  };
}
