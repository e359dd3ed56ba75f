import { describe, expect, it } from "vitest";
import { cspOfPage, onlySelfRemark, runElectronegativity } from "./support/electronegativity";

// Each run of the tool takes several seconds (it tries, and fails, to fetch Electron's release list).
const TOOL_TIMEOUT = 120_000;

describe("electronegativity", () => {
  it("finds nothing in the app's sources", { timeout: TOOL_TIMEOUT }, async () => {
    expect(await runElectronegativity()).toEqual([]);
  });

  it("does find an insecure window, so the check above can fail", { timeout: TOOL_TIMEOUT }, async () => {
    const findings = await runElectronegativity({
      "insecure-window.js": `const { BrowserWindow } = require("electron");
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`,
    });
    const checks = findings.map((f) => f.check);
    expect(checks).toContain("CONTEXT_ISOLATION_JS_CHECK");
    expect(checks).toContain("SANDBOX_JS_CHECK");
  });

  it("accepts only the 'self' remark on a CSP, and no weaker policy", () => {
    expect(onlySelfRemark("default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'")).toBe(
      true,
    );
    expect(onlySelfRemark("default-src 'none'; script-src 'self' 'unsafe-inline'; object-src 'none'")).toBe(
      false,
    );
    expect(onlySelfRemark("default-src 'none'; script-src 'self' https:; object-src 'none'")).toBe(false);
    expect(onlySelfRemark("script-src 'self'")).toBe(false);
  });

  it("reads the policy from a page's CSP meta tag", () => {
    const html = `<head>\n<meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'none'"\n/>\n</head>`;
    expect(cspOfPage(html)).toBe("default-src 'none'");
    expect(cspOfPage("<head><title>x</title></head>")).toBe("");
  });
});
