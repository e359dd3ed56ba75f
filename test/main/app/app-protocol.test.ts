import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_URL, isAppUrl, serveRenderer } from "../../../main/app/app-protocol";
import { CONTENT_SECURITY_POLICY } from "../../../main/app/content-security-policy";

let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-protocol-"));
  await mkdir(join(dir, "assets"));
  await writeFile(join(dir, "index.html"), "<!doctype html><title>t</title>");
  await writeFile(join(dir, "assets", "app.js"), "console.log(1)");
  serveRenderer(
    { handle: (_scheme: string, h: (request: Request) => Promise<Response>) => (handler = h) } as never,
    dir,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the app:// protocol", () => {
  it("serves the renderer with the CSP and nosniff headers", async () => {
    const response = await handler(new Request(APP_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await (await handler(new Request("app://pipewright/assets/app.js"))).text()).toBe(
      "console.log(1)",
    );
  });

  it.each([
    "app://pipewright/../secret",
    "app://pipewright/%2e%2e/secret",
    "app://other/index.html",
    "app://pipewright/missing.js",
  ])("answers 404 for %s", async (url) => {
    expect((await handler(new Request(url))).status).toBe(404);
  });

  it("recognises only its own origin", () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl("app://pipewright.evil/index.html")).toBe(false);
    expect(isAppUrl("file:///index.html")).toBe(false);
  });
});
