import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopbackHost } from "../../../main/sandbox/server";
import { openHarness, type Harness } from "./harness";
import { target } from "./wire";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

/** A raw request with the Host header we choose, over IPv4 or IPv6 loopback. */
function call(host: string | undefined, address = "127.0.0.1"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: address,
        port: h.sandbox.port,
        method: "POST",
        path: "/",
        setHost: false,
        headers: {
          ...(host === undefined ? {} : { Host: host }),
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": target("ListPipelines"),
        },
      },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end("{}");
  });
}

describe("Host check (DNS rebinding)", () => {
  it("serves loopback names and addresses, on IPv4 and IPv6", async () => {
    const port = h.sandbox.port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      "localhost",
      `[::1]:${port}`,
      "127.0.0.2",
    ]) {
      expect((await call(host)).status, host).toBe(200);
    }
    expect((await call(`[::1]:${port}`, "::1")).status).toBe(200);
    // What the SDKs and the AWS CLI send, through the same checks:
    const viaLocalhost = await fetch(`http://localhost:${port}/`, {
      method: "POST",
      headers: { "X-Amz-Target": target("ListPipelines"), "Content-Type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(viaLocalhost.status).toBe(200);
  });

  it("refuses any other Host with 403, whatever address the request reached", async () => {
    for (const host of [
      "evil.example",
      `evil.example:${h.sandbox.port}`,
      "127.0.0.1.nip.io",
      "10.0.0.1",
      "[::2]",
    ]) {
      const res = await call(host);
      expect(res.status, host).toBe(403);
      expect(JSON.parse(res.body).__type).toBe("AccessDeniedException");
    }
    expect((await call(undefined)).status).toBe(403);
  });

  it("names loopback hosts exactly", () => {
    expect(isLoopbackHost("app.localhost:3000")).toBe(true);
    expect(isLoopbackHost("127.255.255.254")).toBe(true);
    expect(isLoopbackHost("localhost.evil.example")).toBe(false);
    expect(isLoopbackHost("127.0.0.256")).toBe(false);
    expect(isLoopbackHost("[::1")).toBe(false);
  });
});
