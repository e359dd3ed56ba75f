/**
 * The HTTP side. Bound to the loopback addresses only (127.0.0.1, and ::1 where the machine has
 * IPv6), so nothing off this machine can reach it, and it accepts any SigV4 signature (or none):
 * it is a local test endpoint with dummy credentials. A web page cannot reach it either: a
 * request whose Host header names anything but a loopback name or address (DNS rebinding: a
 * page's own domain resolving to 127.0.0.1) is refused with 403. Bodies over 1 MB are refused
 * before they are buffered.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch, type SandboxRuntime } from "./dispatch";
import { errorBody, JSON_CONTENT_TYPE } from "./protocol";
import { triggerWebhook } from "./webhook-trigger";

export const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = new Set(["127.0.0.1", "::ffff:127.0.0.1", "::1"]);

/**
 * A Host header naming this machine's loopback: `localhost` (and `*.localhost`, which RFC 6761
 * reserves for loopback and browsers never resolve through DNS), an address of 127.0.0.0/8, or
 * `[::1]`, each with an optional port.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const match = /^(\[[^\]]*\]|[^:]+)(?::\d{1,5})?$/.exec(host.trim().toLowerCase());
  const name = match?.[1];
  if (name === undefined) return false;
  if (name === "[::1]" || name === "localhost" || name.endsWith(".localhost")) return true;
  return /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(name);
}

function send(response: ServerResponse, status: number, body: string, errorType?: string): void {
  const headers: Record<string, string | number> = {
    "Content-Type": JSON_CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(body),
    "x-amzn-RequestId": randomUUID(),
  };
  if (errorType !== undefined) headers["x-amzn-ErrorType"] = errorType;
  response.writeHead(status, headers);
  response.end(body);
}

function refuse(response: ServerResponse, status: number, type: string, message: string): void {
  // Close the connection: the rest of an oversized or unwanted body is not worth reading.
  response.setHeader("Connection", "close");
  send(response, status, errorBody(type, message), type);
}

function handle(
  runtime: SandboxRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  log: (m: string) => void,
): void {
  if (!LOOPBACK.has(request.socket.remoteAddress ?? "")) {
    return refuse(response, 403, "AccessDeniedException", "The sandbox serves loopback clients only");
  }
  if (!isLoopbackHost(request.headers.host)) {
    return refuse(
      response,
      403,
      "AccessDeniedException",
      `The sandbox answers requests addressed to a loopback name only (localhost, 127.0.0.1, [::1]), not: ${String(request.headers.host ?? "(no Host header)").slice(0, 100)}`,
    );
  }
  const url = new URL(request.url ?? "/", "http://sandbox");
  if (request.method !== "POST" || (url.pathname !== "/" && url.pathname !== "/trigger")) {
    return refuse(
      response,
      404,
      "UnknownOperationException",
      `Only POST / is served: ${request.method} ${request.url}`,
    );
  }
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    return refuse(
      response,
      413,
      "RequestEntityTooLargeException",
      `Request body exceeds ${MAX_BODY_BYTES} bytes: ${declared}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  request.on("data", (chunk: Buffer) => {
    if (tooLarge) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
      chunks.length = 0;
      refuse(response, 413, "RequestEntityTooLargeException", `Request body exceeds ${MAX_BODY_BYTES} bytes`);
      request.resume();
      return;
    }
    chunks.push(chunk);
  });
  request.on("end", () => {
    if (tooLarge) return;
    const target = request.headers["x-amz-target"];
    const result =
      url.pathname === "/trigger"
        ? triggerWebhook(runtime, {
            token: url.searchParams.get("t"),
            body: Buffer.concat(chunks),
            headers: request.headers,
            remoteAddress: request.socket.remoteAddress ?? "",
          })
        : dispatch(
            runtime,
            {
              target: Array.isArray(target) ? target[0] : target,
              body: Buffer.concat(chunks).toString("utf8"),
              authorization: request.headers.authorization,
            },
            (error) =>
              log(
                `Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
              ),
          );
    if (!result.durable) return send(response, result.status, result.body, result.errorType);
    result.durable.then(
      () => send(response, result.status, result.body, result.errorType),
      // Not on disk, so not acknowledged: the client must not take the change as made.
      () =>
        send(
          response,
          500,
          errorBody("InternalFailure", "The sandbox could not save the change to disk"),
          "InternalFailure",
        ),
    );
  });
  request.on("error", () => response.destroy());
}

function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Listens on 127.0.0.1 and, on the same port, on ::1 (so `localhost`, which may resolve to
 * either, and `[::1]` work). A machine without IPv6, or with that port taken on ::1, keeps the
 * IPv4 listener only.
 */
export async function listen(
  runtime: SandboxRuntime,
  port: number,
  log: (message: string) => void,
): Promise<{ servers: Server[]; port: number }> {
  const make = (): Server => {
    // A request without Host gets the same 403 as a foreign one, rather than Node's bare 400.
    const server = createServer({ requireHostHeader: false }, (request, response) =>
      handle(runtime, request, response, log),
    );
    server.keepAliveTimeout = 5_000;
    return server;
  };
  const v4 = make();
  await listenOn(v4, port, "127.0.0.1");
  const chosen = (v4.address() as AddressInfo).port;
  const v6 = make();
  try {
    await listenOn(v6, chosen, "::1");
    return { servers: [v4, v6], port: chosen };
  } catch {
    return { servers: [v4], port: chosen };
  }
}
