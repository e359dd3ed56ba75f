// Runs electronegativity (Doyensec's static checker for Electron apps) over the app's own sources.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const TOOL = join(ROOT, "node_modules", "@doyensec", "electronegativity", "dist", "index.js");

/**
 * Checks excluded after review. Both are "Review Required" notices the tool raises for any use of
 * the API, not findings about how it is used:
 * - OPEN_EXTERNAL_JS_CHECK: flags every shell.openExternal call whose argument is not a literal.
 *   The app's one call (main/app/desktop-app.ts) is behind allowedExternalUrl, which admits only
 *   https URLs on *.aws.amazon.com without credentials or ports (tested in external-links.test.ts).
 * - PRELOAD_JS_CHECK: flags every window that has a preload. Ours runs sandboxed and exposes only
 *   one named method per contract channel, never ipcRenderer (tested in preload.test.ts).
 */
export const REVIEWED_CHECKS = ["OpenExternalJSCheck", "PreloadJSCheck"] as const;

/** One finding, as the tool's CSV report lists it. */
export interface Finding {
  check: string;
  file: string;
  location: string;
  /** For CSP findings, the policy the tool evaluated. */
  sample: string;
}

/** The part of a SARIF log this runner reads. */
interface SarifLog {
  runs: {
    results?: {
      ruleId: string;
      locations?: {
        physicalLocation?: {
          artifactLocation?: { uri?: string };
          region?: { startLine?: number; startColumn?: number };
        };
      }[];
    }[];
  }[];
}

/** The policy of a page's Content-Security-Policy meta tag, or "" when it has none. */
export function cspOfPage(html: string): string {
  const tag = /<meta\b[^>]*http-equiv\s*=\s*"Content-Security-Policy"[^>]*>/i.exec(html)?.[0];
  return (tag === undefined ? undefined : /\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1]) ?? "";
}

interface CspFinding {
  severity: number;
  directive: string;
  description: string;
}

/**
 * The one CSP remark accepted after review: Google's CSP evaluator notes that script-src 'self' "can
 * be problematic if you host JSONP, Angular or user uploaded files". Pipewright's origin (app:// or
 * the loopback host) serves only the hashed build output and JSON API answers to token-bearing
 * POSTs with nosniff, none of which a script tag can load. Any other CSP remark still fails.
 */
export function onlySelfRemark(policy: string): boolean {
  const require = createRequire(import.meta.url);
  const csp = require("@doyensec/csp-evaluator") as {
    CspParser: new (policy: string) => { csp: unknown };
    CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
    Version: { CSP3: unknown };
  };
  const remarks = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  return (
    remarks.length > 0 &&
    remarks.every(
      (r) => r.directive === "script-src" && r.description.startsWith("'self' can be problematic"),
    )
  );
}

/**
 * Copies what the app ships (main/ sources, the renderer's sources and index.html, package.json for
 * the Electron version) to a scratch folder, so the tool does not wander into node_modules, and runs
 * it there. The Electron version is given explicitly because the tool's own lookup needs a network.
 */
export async function runElectronegativity(
  extraFiles: Readonly<Record<string, string>> = {},
): Promise<Finding[]> {
  const dir = await mkdtemp(join(tmpdir(), "pipewright-electronegativity-"));
  try {
    const app = join(dir, "app");
    await cp(join(ROOT, "main"), join(app, "main"), { recursive: true });
    await cp(join(ROOT, "renderer"), join(app, "renderer"), { recursive: true });
    await cp(join(ROOT, "package.json"), join(app, "package.json"));
    for (const [name, text] of Object.entries(extraFiles)) await writeFile(join(app, name), text);
    // SARIF, not CSV: the tool writes its CSV header and rows with two racing async writes, which can
    // leave a truncated file.
    const report = join(dir, "report.sarif");
    const electron = JSON.parse(
      await readFile(join(ROOT, "node_modules", "electron", "package.json"), "utf8"),
    ) as {
      version: string;
    };
    const args = [
      TOOL,
      "-i",
      app,
      "-o",
      report,
      "-r",
      "-v",
      "false",
      "-e",
      electron.version,
      "-x",
      REVIEWED_CHECKS.join(","),
    ];
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout.on("data", (c: Buffer) => (text += c.toString()));
      child.stderr.on("data", (c: Buffer) => (text += c.toString()));
      child.on("exit", (exitCode) => resolve({ code: exitCode ?? 1, output: text }));
    });
    if (code !== 0) throw new Error(`electronegativity exited with ${code}: ${output.slice(-2000)}`);
    if (/error/i.test(output.replace(/Found a bug\?.*$/gm, "")) && /pars/i.test(output)) {
      throw new Error(`electronegativity could not parse the sources: ${output.slice(-2000)}`);
    }
    const sarif = JSON.parse(await readFile(report, "utf8")) as SarifLog;
    const findings: Finding[] = [];
    for (const result of sarif.runs[0]?.results ?? []) {
      const where = result.locations?.[0]?.physicalLocation;
      const file = where?.artifactLocation?.uri ?? "";
      const location = `${where?.region?.startLine ?? 0}:${where?.region?.startColumn ?? 0}`;
      // The report does not carry a CSP finding's policy; read it from the page the tool flagged.
      const sample =
        result.ruleId === "CSP_GLOBAL_CHECK" && file.endsWith(".html")
          ? cspOfPage(await readFile(join(app, file), "utf8"))
          : "";
      findings.push({ check: result.ruleId, file, location, sample });
    }
    return findings.filter(
      (f) => !(f.check === "CSP_GLOBAL_CHECK" && f.sample !== "" && onlySelfRemark(f.sample)),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  const findings = await runElectronegativity();
  for (const f of findings) console.log(`${f.check} ${f.file}:${f.location}`);
  console.log(
    `electronegativity: ${findings.length} finding(s); reviewed and excluded: ${REVIEWED_CHECKS.join(", ")}`,
  );
  process.exitCode = findings.length === 0 ? 0 : 1;
}
