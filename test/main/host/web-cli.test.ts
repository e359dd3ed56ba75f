import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { acceptedEncodings, resolveStaticPath } from "../../../main/host/static-files";
import { parseWebArgs } from "../../../main/host/web-cli";
import { urlLine } from "../../../main/host/web-mode";

describe("npm run web arguments", () => {
  it("defaults to a free port, the user's data folder and opening the browser", () => {
    expect(parseWebArgs([])).toMatchObject({ port: 0, open: true });
  });

  it("takes --port, --data and --no-open", () => {
    expect(parseWebArgs(["--port", "8123", "--data", "rel/dir", "--no-open"])).toEqual({
      port: 8123,
      dataDir: resolve("rel/dir"),
      open: false,
    });
  });

  it.each([["--port", "-1"], ["--port", "70000"], ["--port", "abc"], ["--colour"]])(
    "refuses %j",
    (...args) => {
      expect(() => parseWebArgs(args)).toThrow();
    },
  );

  it("prints the line tests and npm start look for", () => {
    expect(urlLine("http://127.0.0.1:5/#token=abc")).toBe("Pipewright web: http://127.0.0.1:5/#token=abc");
  });
});

describe("static paths", () => {
  it("stay inside the renderer folder", () => {
    expect(resolveStaticPath("/srv/r", "/")).toBe("/srv/r/index.html");
    expect(resolveStaticPath("/srv/r", "/assets/a.js")).toBe("/srv/r/assets/a.js");
    for (const bad of [
      "/../x",
      "/assets/%2e%2e/%2e%2e/x",
      "/a%00.js",
      "/.git/config",
      "/%E0%A4%A",
      "/a\\..\\x",
    ]) {
      expect(resolveStaticPath("/srv/r", bad)).toBeUndefined();
    }
  });
});

describe("Accept-Encoding", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["gzip, deflate, br", ["br", "deflate", "gzip"]],
    ["br;q=0, gzip;q=0.5", ["gzip"]],
    ["gzip;q=0.000", []],
    ["*", ["br", "gzip"]],
    ["*, br;q=0", ["gzip"]],
    ["*;q=0, gzip", ["gzip"]],
    ["GZIP ; q=1", ["gzip"]],
  ])("%j allows %j", (header, codings) => {
    expect([...acceptedEncodings(header)].sort()).toEqual(codings);
  });
});
