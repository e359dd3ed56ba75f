import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { threeStagePipeline } from "./fixtures";
import { openHarness, type Harness } from "./harness";
import { rawCall, target } from "./wire";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await rawCall(
    h.sandbox.endpoint,
    target("CreatePipeline"),
    JSON.stringify({ pipeline: threeStagePipeline({ name: "wire" }) }),
  );
});
afterAll(() => h.close());

describe("AWS JSON 1.1 wire format", () => {
  it("answers with application/x-amz-json-1.1 and epoch-second timestamps", async () => {
    const res = await rawCall(h.sandbox.endpoint, target("GetPipeline"), JSON.stringify({ name: "wire" }));
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("application/x-amz-json-1.1");
    const created = (res.json.metadata as { created: unknown }).created;
    expect(typeof created).toBe("number");
    expect(created as number).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(created as number).toBeLessThan(Date.now() / 1000 + 86_400 * 365);
  });

  it("reports malformed JSON as SerializationException", async () => {
    for (const body of ['{"name": ', "[1,2]", '"text"', "null"]) {
      const res = await rawCall(h.sandbox.endpoint, target("GetPipeline"), body);
      expect(res.status).toBe(400);
      expect(res.json.__type).toBe("SerializationException");
      expect(typeof res.json.message).toBe("string");
    }
  });

  it("reports missing and invalid members as ValidationException naming the member", async () => {
    const cases: [string, unknown, RegExp][] = [
      ["GetPipeline", {}, /Value null at 'name' failed to satisfy constraint: Member must not be null/],
      ["GetPipeline", { name: 5 }, /at 'name'.*must be a string/],
      ["GetPipeline", { name: "" }, /at 'name'.*length greater than or equal to 1/],
      ["GetPipeline", { name: "wire", version: 0 }, /at 'version'.*value greater than or equal to 1/],
      ["GetPipeline", { name: "has space" }, /at 'name'.*regular expression pattern/],
      [
        "RetryStageExecution",
        { pipelineName: "wire", stageName: "Build", pipelineExecutionId: "x", retryMode: "SOMETIMES" },
        /at 'retryMode'.*enum value set: \[FAILED_ACTIONS, ALL_ACTIONS\]/,
      ],
      [
        "CreatePipeline",
        { pipeline: { ...threeStagePipeline({ name: "bad" }), stages: [{ name: "bad name", actions: [] }] } },
        /at 'pipeline\.stages\.1\.member\.name'/,
      ],
      ["ListPipelineExecutions", { pipelineName: "wire", maxResults: 101 }, /at 'maxResults'/],
      [
        "StopPipelineExecution",
        { pipelineName: "wire", pipelineExecutionId: "x", abandon: "yes" },
        /at 'abandon'.*boolean/,
      ],
    ];
    for (const [operation, body, message] of cases) {
      const res = await rawCall(h.sandbox.endpoint, target(operation), JSON.stringify(body));
      expect(res.status, operation).toBe(400);
      expect(res.json.__type, operation).toBe("ValidationException");
      expect(res.json.message, operation).toMatch(message);
    }
  });

  it("answers unknown or missing targets with UnknownOperationException", async () => {
    for (const t of [
      target("LaunchRockets"),
      "Other_20150709.GetPipeline",
      target("ListPipelinez"),
      undefined,
    ]) {
      const res = await rawCall(h.sandbox.endpoint, t, "{}");
      expect(res.status).toBe(400);
      expect(res.json.__type).toBe("UnknownOperationException");
    }
    const get = await fetch(`${h.sandbox.endpoint}/`);
    expect(get.status).toBe(404);
  });

  it("refuses bodies over 1 MB, declared or streamed, and keeps serving", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024) });
    const declared = await rawCall(h.sandbox.endpoint, target("GetPipeline"), big);
    expect(declared.status).toBe(413);
    expect(declared.json.__type).toBe("RequestEntityTooLargeException");

    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${h.sandbox.endpoint}/`,
        {
          method: "POST",
          headers: { "X-Amz-Target": target("GetPipeline"), "Transfer-Encoding": "chunked" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(streamed).toBe(413);
    const after = await rawCall(h.sandbox.endpoint, target("GetPipeline"), JSON.stringify({ name: "wire" }));
    expect(after.status).toBe(200);
  });

  it("accepts any SigV4 signature, or none", async () => {
    const signed = await rawCall(h.sandbox.endpoint, target("ListPipelines"), "{}", {
      Authorization:
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/codepipeline/aws4_request, SignedHeaders=host, Signature=deadbeef",
    });
    expect(signed.status).toBe(200);
  });

  it("listens on 127.0.0.1 only", async () => {
    expect(h.sandbox.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: h.sandbox.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on("error", () => resolve(false));
      });
    expect(await reachable("127.0.0.1")).toBe(true);
    if (external) expect(await reachable(external.address)).toBe(false);
  });
});
