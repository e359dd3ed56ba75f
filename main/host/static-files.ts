import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/** A file of the built renderer, ready to send. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves a URL path to a file inside `root`, or undefined. `/` means index.html. Anything that
 * would leave `root` (`..`, encoded slashes, absolute paths, NUL) resolves to nothing, as does a
 * dot-file; the renderer build has neither.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const relative = decoded === "/" ? "index.html" : decoded.replace(/^\/+/, "");
  if (relative.split("/").some((part) => part === ".." || part.startsWith("."))) return undefined;
  const full = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : undefined;
}

/** Reads a file of the built renderer; undefined when the path is outside it or missing. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const path = resolveStaticPath(root, urlPath);
  if (path === undefined) return undefined;
  try {
    const body = await readFile(path);
    return { body, contentType: MIME_TYPES[extname(path)] ?? "application/octet-stream" };
  } catch {
    return undefined;
  }
}
