import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fail, type AppErrorCode, type Handlers, type Result } from "../../shared/ipc";
import { SECURITY_HEADERS } from "../app/content-security-policy";
import { dispatch } from "../ipc/dispatch";
import type { EventStream } from "./event-stream";
import { readStaticFile } from "./static-files";

/** The header that carries the per-launch token; the renderer reads it from the URL fragment. */
export const TOKEN_HEADER = "x-pipewright-token";

/** Largest request body accepted (a 5 MB document as JSON, with room to spare). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** What the web server needs; the handler table is the same one the Electron bridge uses. */
export interface WebServerOptions {
  handlers: Handlers;
  rendererDir: string;
  token: string;
  events: EventStream;
}

const STATUS_BY_CODE: Partial<Record<AppErrorCode, number>> = {
  "invalid-request": 400,
  "unknown-channel": 404,
  unauthorized: 401,
  "forbidden-host": 403,
};

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, code: AppErrorCode, message: string): void {
  sendJson(response, status, fail(code, message));
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The request must name this server as 127.0.0.1 or localhost on its own port. A DNS-rebinding
 * page (evil.example resolving to 127.0.0.1) sends its own name in Host and is refused here.
 */
function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser adds Origin to cross-site requests; only the app's own origin may call the API. */
function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return (
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  options: WebServerOptions,
): Promise<void> {
  if (!tokenMatches(request.headers[TOKEN_HEADER], options.token)) {
    sendError(
      response,
      401,
      "unauthorized",
      "This request needs the token printed when web mode started: missing or wrong",
    );
    return;
  }
  if (path === "/api/events" && request.method === "GET") {
    options.events.attach(response, SECURITY_HEADERS);
    return;
  }
  if (request.method !== "POST") {
    sendError(response, 405, "invalid-request", `API calls use POST: ${request.method ?? ""}`);
    return;
  }
  const contentType = request.headers["content-type"] ?? "";
  if (!/^application\/json\b/.test(contentType)) {
    sendError(response, 415, "invalid-request", `API calls send JSON: ${contentType.slice(0, 100)}`);
    return;
  }
  const body = await readBody(request);
  if (body === undefined) {
    // The rest of the body is never read, so this connection cannot carry another request.
    response.setHeader("Connection", "close");
    sendError(
      response,
      413,
      "invalid-request",
      `The request is larger than the limit: ${MAX_BODY_BYTES} bytes`,
    );
    return;
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : (JSON.parse(body.toString("utf8")) as unknown);
  } catch {
    sendError(response, 400, "invalid-request", "The request body is not valid JSON: parse failed");
    return;
  }
  const result = await dispatch(options.handlers, path.slice("/api/".length), payload);
  const status = result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 200);
  sendJson(response, status, result);
}

async function handleStatic(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  root: string,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { ...SECURITY_HEADERS, Allow: "GET, HEAD" }).end();
    return;
  }
  const file = await readStaticFile(root, path, request.headers["accept-encoding"]);
  if (file === undefined) {
    response
      .writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" })
      .end("Not found");
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": file.contentType,
    "Content-Length": file.body.length,
    ...(file.encoding === undefined ? {} : { "Content-Encoding": file.encoding }),
    // The same URL answers differently by Accept-Encoding; caches must keep the copies apart.
    Vary: "Accept-Encoding",
    // Built asset names carry a content hash; index.html must always be fresh.
    "Cache-Control": path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
  });
  response.end(request.method === "HEAD" ? undefined : file.body);
}

/**
 * The web-mode server: the built renderer and, under /api/, the handler table. It has no CORS
 * headers at all, so browsers keep other sites' pages from reading its responses; the token and
 * the Host check keep other local pages and processes from calling it.
 */
export function createWebServer(options: WebServerOptions): Server {
  const server = createServer((request, response) => {
    const port = (server.address() as AddressInfo | null)?.port ?? -1;
    if (!hostAllowed(request, port) || !originAllowed(request, port)) {
      sendError(
        response,
        403,
        "forbidden-host",
        `This server only answers its own address: ${String(request.headers.host)}`,
      );
      return;
    }
    const path = new URL(request.url ?? "/", "http://placeholder").pathname;
    const work =
      path === "/api" || path.startsWith("/api/")
        ? handleApi(request, response, path, options)
        : handleStatic(request, response, path, options.rendererDir);
    work.catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, "internal", "The server failed: see its log");
      else response.destroy();
      console.error(error);
    });
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  return server;
}

/** Listens on 127.0.0.1 (never all interfaces); port 0 picks a free one. Resolves to the port. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
