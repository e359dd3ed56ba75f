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
  /** The Content-Encoding of `body` when a precompressed copy was chosen. */
  encoding?: "br" | "gzip";
}

/** Precompressed copies the renderer build writes beside its files, best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * The codings an Accept-Encoding header allows: listed with a quality above zero (`*` allows any
 * not listed). https://www.rfc-editor.org/rfc/rfc9110#section-12.5.3
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  let wildcard = false;
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.toLowerCase().split(";");
    const token = name.trim();
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const allowed = q === undefined || Number(q) > 0;
    if (token === "*") wildcard = allowed;
    else if (token !== "") (allowed ? accepted : refused).add(token);
  }
  if (wildcard) for (const { name } of ENCODINGS) if (!refused.has(name)) accepted.add(name);
  return accepted;
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

/**
 * Reads a file of the built renderer; undefined when the path is outside it or missing. With an
 * Accept-Encoding header, the build's brotli or gzip copy is returned when there is one and the
 * client takes it.
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
  acceptEncoding?: string,
): Promise<StaticFile | undefined> {
  const path = resolveStaticPath(root, urlPath);
  if (path === undefined) return undefined;
  const contentType = MIME_TYPES[extname(path)] ?? "application/octet-stream";
  const accepted = acceptedEncodings(acceptEncoding);
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    const body = await readFile(path + suffix).catch(() => undefined);
    if (body !== undefined) return { body, contentType, encoding: name };
  }
  try {
    return { body: await readFile(path), contentType };
  } catch {
    return undefined;
  }
}
