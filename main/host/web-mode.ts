import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import { APP_NAME } from "../app/data-dir";
import { createHandlers } from "../ipc/handlers";
import { closeServices, createServices } from "../ipc/services";
import { EventStream } from "./event-stream";
import { openBrowser } from "./open-browser";
import { RENDERER_OUT_DIR, PROJECT_ROOT } from "./renderer-build";
import { createWebServer, listen } from "./web-server";

/** How web mode is started. */
export interface WebModeOptions {
  port: number;
  dataDir: string;
  rendererDir?: string;
}

/** A running web host. */
export interface WebMode {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function appVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require(`${PROJECT_ROOT}/package.json`) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}

/** The first line web mode prints; tests and `npm start` read the URL from it. */
export function urlLine(url: string): string {
  return `${APP_NAME} web: ${url}`;
}

/**
 * Starts the loopback host: a fresh token per launch, the shared handler table, events over SSE.
 * The token goes in the URL fragment, which browsers never send to a server or put in Referer.
 */
export async function startWebMode(options: WebModeOptions): Promise<WebMode> {
  const token = randomBytes(24).toString("base64url");
  const events = new EventStream();
  const services = createServices({
    dataDir: options.dataDir,
    info: {
      name: APP_NAME,
      version: appVersion(),
      mode: "web",
      platform: process.platform,
      nativeDialogs: false,
    },
    dialogs: undefined,
    openLink: async (url) => openBrowser(url),
    emit: (name, payload) => events.emit(name, payload),
  });
  const server = createWebServer({
    handlers: createHandlers(services),
    rendererDir: options.rendererDir ?? RENDERER_OUT_DIR,
    token,
    events,
  });
  const port = await listen(server, options.port);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    server,
    close: async () => {
      events.close();
      await Promise.all([
        closeServices(services),
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
      ]);
    },
  };
}
