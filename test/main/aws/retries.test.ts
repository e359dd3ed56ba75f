/**
 * Throttling against a scripted endpoint: the gateway's adaptive retry backs off and succeeds, and
 * a call still throttled after every attempt is reported as `throttled` with the attempt count.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway } from "../../../main/aws";

let server: Server;
let endpoint: string;
/** How many of the next requests are throttled. */
let throttleNext = 0;
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      requests++;
      response.setHeader("content-type", "application/x-amz-json-1.1");
      if (throttleNext > 0) {
        throttleNext--;
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
        return;
      }
      response.end(
        JSON.stringify({ pipelines: [{ name: "p", version: 1, created: 1700000000, updated: 1700000000 }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("retries", () => {
  it("retries throttled calls with backoff until they succeed", async () => {
    const gateway = new Gateway({ maxAttempts: 4 });
    try {
      throttleNext = 1;
      requests = 0;
      const result = await gateway.listPipelines({ kind: "sandbox", endpoint });
      expect(result).toMatchObject({
        ok: true,
        value: [{ name: "p", version: 1, created: "2023-11-14T22:13:20.000Z" }],
      });
      expect(requests).toBe(2);
    } finally {
      gateway.dispose();
    }
  });

  it("reports throttled after the last attempt", async () => {
    const gateway = new Gateway({ maxAttempts: 2 });
    try {
      throttleNext = 10;
      requests = 0;
      const result = await gateway.listPipelines({ kind: "sandbox", endpoint });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: "throttled",
          message: "AWS is throttling requests after 2 attempts; try again in a minute: ListPipelines",
        },
      });
      expect(requests).toBe(2);
    } finally {
      gateway.dispose();
      throttleNext = 0;
    }
  });
});
