import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CHANNEL_NAMES, fail, type Handlers } from "../../../shared/ipc";
import { AppFailure } from "../../../main/documents/fs-errors";
import { dispatch } from "../../../main/ipc/dispatch";
import { createHandlers } from "../../../main/ipc/handlers";
import { createTestServices, type TestServices } from "../documents/support/services";

let t: TestServices;
let handlers: Handlers;
beforeEach(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
});
afterEach(async () => {
  await t.cleanup();
});

describe("the handler table", () => {
  it("has a handler for every contract channel and nothing else", () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) expect(typeof handlers[channel]).toBe("function");
  });

  it("does not compile without a handler for every channel", () => {
    const { "app.info": _removed, ...partial } = createHandlers(t.services);
    // @ts-expect-error a table missing "app.info" is not a Handlers
    const incomplete: Handlers = partial;
    expect(Object.keys(incomplete)).not.toContain("app.info");
  });
});

describe("dispatch", () => {
  it("refuses an unknown channel", async () => {
    expect(await dispatch(handlers, "fs.readAnything", {})).toMatchObject({
      ok: false,
      error: { code: "unknown-channel" },
    });
    expect(await dispatch(handlers, "__proto__", {})).toMatchObject({
      ok: false,
      error: { code: "unknown-channel" },
    });
  });

  it.each([
    ["documents.open", { path: 7 }],
    ["documents.open", { path: "" }],
    ["documents.open", { path: "a\u0000b" }],
    ["documents.open", { path: "/x", extra: true }],
    ["documents.open", null],
    [
      "documents.save",
      { path: "/x", document: { shape: "bare", root: [], pipeline: {} }, expectedVersion: null },
    ],
    ["recovery.restore", { id: "../../etc/passwd" }],
    ["settings.update", { recentLimit: 1e9 }],
    ["app.openExternal", { url: 42 }],
  ])("answers %s with %j by a typed validation error, before any handler runs", async (channel, payload) => {
    const result = await dispatch(handlers, channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-request" } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        new RegExp(`^The request to ${channel.replace(".", "\\.")} is not valid: `),
      );
  });

  it("turns a thrown AppFailure into its error, and anything else into an internal error", async () => {
    const throwing = {
      ...handlers,
      "app.info": async () => {
        throw new AppFailure({ code: "not-found", message: "gone: /x" });
      },
      "documents.recent": async () => {
        throw new TypeError("boom");
      },
    } satisfies Handlers;
    expect(await dispatch(throwing, "app.info", {})).toEqual(fail("not-found", "gone: /x"));
    // The stack goes to main's log (kept out of the test output here), never to the page.
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const internal = await dispatch(throwing, "documents.recent", {});
    expect(logged).toHaveBeenCalledWith("pipewright: documents.recent failed:", expect.any(TypeError));
    logged.mockRestore();
    expect(internal).toMatchObject({ ok: false, error: { code: "internal" } });
    if (!internal.ok) expect(internal.error.details).toContain("TypeError: boom");
    // No stack trace crosses to the page: no frames, no source file names.
    if (!internal.ok) expect(JSON.stringify(internal.error)).not.toMatch(/\n\s+at |\.ts:\d+/);
  });

  it("refuses links outside the AWS sites", async () => {
    expect(await dispatch(handlers, "app.openExternal", { url: "https://evil.example/" })).toMatchObject({
      ok: false,
      error: { code: "url-not-allowed" },
    });
    expect(await dispatch(handlers, "app.openExternal", { url: "https://docs.aws.amazon.com/x" })).toEqual({
      ok: true,
      value: null,
    });
  });

  it("hands out the launch file once", async () => {
    t.services.launchFile = "/a.pipeline.json";
    expect(await dispatch(handlers, "app.launchFile", {})).toEqual({ ok: true, value: "/a.pipeline.json" });
    expect(await dispatch(handlers, "app.launchFile", {})).toEqual({ ok: true, value: null });
  });

  it("stores settings and falls back to defaults for a broken settings file", async () => {
    expect(await dispatch(handlers, "settings.get", {})).toEqual({
      ok: true,
      value: { theme: "system", recentLimit: 10 },
    });
    expect(await dispatch(handlers, "settings.update", { theme: "dark" })).toEqual({
      ok: true,
      value: { theme: "dark", recentLimit: 10 },
    });
  });
});
