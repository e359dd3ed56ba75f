import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";

/**
 * Serves a bench page built into `dir` on loopback, with `data` (JSON text) at `/data.json`, so a
 * page measures rendering only, not fetching from the app.
 */
export async function serveBenchPage(dir: string, data: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
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
