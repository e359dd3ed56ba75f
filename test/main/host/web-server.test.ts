import { request as httpRequest } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, brotliCompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../../main/app/content-security-policy";
import { startWebMode, type WebMode } from "../../../main/host/web-mode";

/** A built asset the build compressed (vite.renderer.config.ts writes .br and .gz beside it). */
const BIG_SCRIPT = `export const rows = [${Array.from({ length: 500 }, (_, i) => `"row ${i}"`).join(",")}];\n`;

let dir: string;
let web: WebMode;
let token: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

/** A raw HTTP request, so tests can send any Host header and body (fetch forbids setting Host). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: web.port,
        path,
        method: options.method ?? "GET",
        headers: { Host: `127.0.0.1:${web.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString(), bytes });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function api(channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${channel}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Pipewright-Token": token, ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-host-"));
  const renderer = join(dir, "renderer");
  await mkdir(join(renderer, "assets"), { recursive: true });
  await writeFile(join(renderer, "index.html"), "<!doctype html><title>Pipewright</title>");
  await writeFile(join(renderer, "assets", "app-abc.js"), "export {}");
  await writeFile(join(renderer, "assets", "big-abc.js"), BIG_SCRIPT);
  await writeFile(join(renderer, "assets", "big-abc.js.br"), brotliCompressSync(BIG_SCRIPT));
  await writeFile(join(renderer, "assets", "big-abc.js.gz"), gzipSync(BIG_SCRIPT));
  await writeFile(join(dir, "secret.txt"), "secret");
  web = await startWebMode({ port: 0, dataDir: join(dir, "data"), rendererDir: renderer });
  token = web.url.split("#token=")[1]!;
});
afterAll(async () => {
  await web.close();
  await rm(dir, { recursive: true, force: true });
});

describe("web mode's server", () => {
  it("listens on loopback and prints a URL with a long random token in the fragment", () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
    expect((web.server.address() as { address: string }).address).toBe("127.0.0.1");
  });

  it("serves the renderer with the CSP, and no CORS headers", async () => {
    const reply = await send("/");
    expect(reply.status).toBe(200);
    expect(reply.body).toContain("<title>Pipewright</title>");
    expect(reply.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(Object.keys(reply.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
    expect((await send("/assets/app-abc.js")).headers["cache-control"]).toContain("immutable");
  });

  it("sends the build's brotli or gzip copy to a client that takes it, and the file itself otherwise", async () => {
    const br = await send("/assets/big-abc.js", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(Number(br.headers["content-length"])).toBeLessThan(BIG_SCRIPT.length / 2);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(BIG_SCRIPT);
    expect(br.headers["vary"]).toBe("Accept-Encoding");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const gzip = await send("/assets/big-abc.js", { headers: { "Accept-Encoding": "br;q=0, gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.bytes).toString()).toBe(BIG_SCRIPT);

    const plain = await send("/assets/big-abc.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(BIG_SCRIPT);
    // Small files have no compressed copy: sent as they are, whatever the client takes.
    const small = await send("/assets/app-abc.js", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body).toBe("export {}");
    expect((await send("/", { headers: { "Accept-Encoding": "br" } })).headers["cache-control"]).toBe(
      "no-cache",
    );
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/.env", "/missing.js"])(
    "answers 404 for %s",
    async (path) => {
      expect((await send(path)).status).toBe(404);
    },
  );

  it("answers 401 to an API call without the token or with a wrong one", async () => {
    for (const headers of [
      { "X-Pipewright-Token": "" },
      { "X-Pipewright-Token": "wrong" },
      { "X-Pipewright-Token": token.slice(1) },
    ]) {
      const reply = await api("app.info", {}, headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    }
    const noHeader = await send("/api/app.info", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(noHeader.status).toBe(401);
  });

  it("answers 403 to a foreign Host (DNS rebinding) or a foreign Origin, even with the token", async () => {
    for (const host of [
      "evil.example",
      `evil.example:${web.port}`,
      "127.0.0.1",
      `127.0.0.1:${web.port + 1}`,
    ]) {
      const reply = await api("app.info", {}, { Host: host });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: "forbidden-host" } });
      expect((await send("/", { headers: { Host: host } })).status).toBe(403);
    }
    const foreignOrigin = await api("app.info", {}, { Origin: "https://evil.example" });
    expect(foreignOrigin.status).toBe(403);
  });

  it("answers a call with the token, from localhost too", async () => {
    const reply = await api(
      "app.info",
      {},
      { Host: `localhost:${web.port}`, Origin: `http://localhost:${web.port}` },
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { name: "Pipewright", mode: "web", nativeDialogs: false },
    });
  });

  it.each([
    ["not JSON", "documents.open", "{nope", 400],
    ["a wrong type", "documents.open", { path: 1 }, 400],
    ["an unknown member", "documents.create", { templateId: "blank-v2", admin: true }, 400],
    ["an array", "documents.recent", [1, 2], 400],
    ["an unknown channel", "shell.exec", {}, 404],
  ])(
    "answers %s with a typed validation error and keeps serving",
    async (_what, channel, payload, status) => {
      const reply = await api(channel, payload);
      expect(reply.status).toBe(status);
      const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(["invalid-request", "unknown-channel"]).toContain(body.error.code);
      expect((await api("app.info", {})).status).toBe(200);
    },
  );

  it("refuses non-JSON content types and GET on API channels", async () => {
    const form = await send("/api/app.info", {
      method: "POST",
      headers: { "X-Pipewright-Token": token, "Content-Type": "text/plain" },
      body: "{}",
    });
    expect(form.status).toBe(415);
    expect((await send("/api/app.info", { headers: { "X-Pipewright-Token": token } })).status).toBe(405);
  });

  it("refuses a body over the size limit without reading it all", async () => {
    const reply = await api("documents.open", JSON.stringify({ path: "x".repeat(17 * 1024 * 1024) }));
    expect(reply.status).toBe(413);
  });

  it("returns handler errors as Results with a message that names the value", async () => {
    const reply = await api("documents.open", { path: join(dir, "nope.json") });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe("not-found");
    expect(body.error.message.endsWith(`: ${join(dir, "nope.json")}`)).toBe(true);
  });

  it("streams events to a client with the token, and refuses one without", async () => {
    expect((await send("/api/events")).status).toBe(401);
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: web.port, path: "/api/events", headers: { "X-Pipewright-Token": token } },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => {
            text += c.toString();
            if (text.includes("\n\nevent: ")) {
              if (/data: .*\n\n/.test(text.slice(text.indexOf("event: ")))) {
                req.destroy();
                resolve(text);
              }
            }
          });
        },
      );
      req.on("error", reject);
      req.end();
    });
    // Watch a file, change it, and the change arrives as an event.
    const file = join(dir, "watched.pipeline.json");
    await writeFile(file, "{}");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await api("documents.watch", { path: file, version: null });
    await writeFile(file, '{"changed": true}');
    const text = await received;
    expect(text).toContain("event: documents.changedOnDisk");
    expect(text).toContain(JSON.stringify({ path: file, change: "modified" }));
  });
});
