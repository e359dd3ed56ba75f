import type { ServerResponse } from "node:http";
import type { EventName, EventPayloads } from "../../shared/ipc";

/** Comment lines keep idle connections open through proxies and let a dead client be noticed. */
const HEARTBEAT_MS = 20_000;

/**
 * Main -> renderer events in web mode, as Server-Sent Events. The renderer reads the stream with
 * fetch (not EventSource), so the token travels in a header like every other request.
 */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor() {
    this.heartbeat = setInterval(() => this.write(": heartbeat\n\n"), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Starts streaming to one client until it disconnects. */
  attach(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
    response.writeHead(200, {
      ...headers,
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    response.write(": connected\n\n");
    this.clients.add(response);
    response.on("close", () => this.clients.delete(response));
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    this.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
