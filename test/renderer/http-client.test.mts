// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { createHttpClient, takeToken } from "../../renderer/api/http-client";
import { EventStreamParser } from "../../renderer/api/event-stream-reader";

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("the web-mode api client", () => {
  it("posts each call to its channel with the token header", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, value: { name: "Pipewright" } }));
    const client = createHttpClient("tok", fetchImpl as unknown as typeof fetch);
    expect(await client.app.info({})).toEqual({ ok: true, value: { name: "Pipewright" } });
    expect(fetchImpl).toHaveBeenCalledWith("/api/app.info", {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-pipewright-token": "tok" },
      body: "{}",
    });
  });

  it("passes error Results through and turns other failures into internal errors", async () => {
    const denied = { ok: false, error: { code: "unauthorized", message: "missing or wrong" } };
    const client = createHttpClient("tok", (async () =>
      jsonResponse(denied, 401)) as unknown as typeof fetch);
    expect(await client.app.info({})).toEqual(denied);
    const html = createHttpClient(
      "tok",
      (async () => new Response("<html>", { status: 502 })) as unknown as typeof fetch,
    );
    expect(await html.app.info({})).toMatchObject({
      ok: false,
      error: { code: "internal", message: expect.stringMatching(/HTTP 502$/) },
    });
    const down = createHttpClient("tok", (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch);
    expect(await down.documents.recent({})).toMatchObject({ ok: false, error: { code: "internal" } });
  });

  it("delivers events from the stream to their listeners only", async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(": connected\n\nevent: menu.command\nda"));
        controller.enqueue(encoder.encode('ta: {"command":"save"}\n\nevent: not.ours\ndata: {}\n\n'));
      },
    });
    const fetchImpl = vi.fn(async () => new Response(body, { status: 200 }));
    const client = createHttpClient("tok", fetchImpl as unknown as typeof fetch);
    const listener = vi.fn();
    client.events.on("menu.command", listener);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith({ command: "save" }));
    expect(fetchImpl).toHaveBeenCalledWith("/api/events", { headers: { "x-pipewright-token": "tok" } });
  });

  it("takes the token from the fragment once, removes it from the address bar, and keeps it for reloads", () => {
    window.history.replaceState(null, "", "/#token=abc_DEF-1");
    sessionStorage.clear();
    expect(takeToken(window.location, sessionStorage, window.history)).toBe("abc_DEF-1");
    expect(window.location.hash).toBe("");
    expect(takeToken(window.location, sessionStorage, window.history)).toBe("abc_DEF-1");
  });
});

describe("EventStreamParser", () => {
  it("joins events split across chunks and multi-line data, and skips comments", () => {
    const parser = new EventStreamParser();
    expect(parser.push("event: a\r\ndata: 1\r\n")).toEqual([]);
    expect(parser.push("data: 2\r\n\r\n: heartbeat\n\n")).toEqual([{ event: "a", data: "1\n2" }]);
  });
});
