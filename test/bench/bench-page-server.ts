import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";

/** Answers the page's api calls (`POST /api/<channel>` with a JSON payload) with a JSON Result. */
export type BenchApi = (channel: string, payload: unknown) => Promise<unknown>;

/**
 * Serves a bench page built into `dir` on loopback, with `data` (JSON text) at `/data.json` and, when
 * given, `api` behind `POST /api/<channel>`, so a page measures what it is meant to and no more.
 */
export async function serveBenchPage(
  dir: string,
  data: string,
  api?: BenchApi,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (api !== undefined && req.method === "POST" && path.startsWith("/api/")) {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const payload: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        api(path.slice("/api/".length), payload).then(
          (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result)),
          (error: unknown) => res.writeHead(500).end(String(error)),
        );
      });
      return;
    }
    const name = path === "/" ? "index.html" : path.slice(1);
    if (name === "data.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(data);
      return;
    }
    const type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
    readFile(join(dir, name)).then(
      (body) => res.writeHead(200, { "content-type": type }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/` };
}
