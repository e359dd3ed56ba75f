/**
 * The HTTP side. Bound to 127.0.0.1 only, so nothing off this machine can reach it, and it
 * accepts any SigV4 signature (or none): it is a local test endpoint with dummy credentials,
 * never a security boundary. Bodies over 1 MB are refused before they are buffered.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch } from "./dispatch";
import type { SandboxContext } from "./context";
import { errorBody, JSON_CONTENT_TYPE } from "./protocol";

export const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = new Set(["127.0.0.1", "::ffff:127.0.0.1", "::1"]);

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
  ctx: SandboxContext,
  request: IncomingMessage,
  response: ServerResponse,
  log: (m: string) => void,
): void {
  if (!LOOPBACK.has(request.socket.remoteAddress ?? "")) {
    return refuse(response, 403, "AccessDeniedException", "The sandbox serves loopback clients only");
  }
  if (request.method !== "POST" || (request.url ?? "/").split("?")[0] !== "/") {
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
    const result = dispatch(
      ctx,
      Array.isArray(target) ? target[0] : target,
      Buffer.concat(chunks).toString("utf8"),
      (error) =>
        log(`Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
    send(response, result.status, result.body, result.errorType);
  });
  request.on("error", () => response.destroy());
}

export async function listen(
  ctx: SandboxContext,
  port: number,
  log: (message: string) => void,
): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => handle(ctx, request, response, log));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
