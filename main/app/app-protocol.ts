import type { Protocol } from "electron";
import { SECURITY_HEADERS } from "./content-security-policy";
import { readStaticFile } from "../host/static-files";

/** The renderer is served from app://pipewright/, never file:// (which would grant the page file access). */
export const APP_SCHEME = "app";
/** The host part of every app URL. */
export const APP_HOST = "pipewright";
/** The renderer's entry URL. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Privileges of the scheme, registered before the app is ready: `standard` gives it an origin (so
 * relative URLs and the CSP's 'self' work), `secure` makes it a secure context. No CORS, no service
 * workers, no fetch from other origins.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** Whether a URL is one of the app's own pages (the only origin allowed to call IPC or navigate). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    // new URL() gives non-special schemes an origin of "null", so compare the parts instead.
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Serves the built renderer on app://pipewright/ with the same security headers as web mode. */
export function serveRenderer(protocol: Pick<Protocol, "handle">, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== "GET") {
      return new Response("Not found", { status: 404, headers: SECURITY_HEADERS });
    }
    const file = await readStaticFile(rendererDir, url.pathname);
    if (file === undefined) return new Response("Not found", { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, "Content-Type": file.contentType },
    });
  });
}
