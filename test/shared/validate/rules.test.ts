import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES, validatePipeline, type ValidateOptions } from "../../../shared/validate";
import { RULE_CASES } from "./rule-cases";

const findings = (input: unknown, options: ValidateOptions = {}) => validatePipeline(input, options);

/** The codes the team agreed on (parse codes belong to shared/formats). */
const AGREED_CODES = [
  ...["required-member", "wrong-type", "pattern-mismatch", "length-out-of-range", "value-out-of-range"],
  ...["invalid-enum-value", "count-out-of-range", "unknown-member", "too-few-stages", "too-many-stages"],
  ...["too-many-actions", "empty-stage", "first-stage-not-source", "source-not-in-first-stage"],
  ...["no-source-action", "duplicate-stage-name", "duplicate-action-name", "run-order-gap"],
  ...["duplicate-output-artifact", "artifact-not-found", "artifact-used-before-produced"],
  ...["unknown-action-type", "provider-not-in-category", "input-artifact-count", "output-artifact-count"],
  ...["missing-required-configuration", "conditional-configuration-missing", "invalid-configuration-value"],
  ...["timeout-not-allowed", "configuration-value-too-long", "commands-missing", "multi-line-command"],
  ...["compute-member-ignored", "artifact-store-conflict", "missing-artifact-store"],
  ...["cross-region-store-missing", "cross-region-not-allowed", "pipeline-region-inferred"],
  ...["v2-feature-in-v1", "v2-feature-without-type", "trigger-source-not-found"],
  ...["trigger-source-not-connection", "duplicate-trigger", "trigger-filter-combination"],
  ...["invalid-condition-result", "rollback-in-parallel-mode", "rollback-on-source-stage"],
  ...["undocumented-failure-result", "retry-settings-unused", "reserved-namespace", "duplicate-namespace"],
  ...["duplicate-variable-name", "namespace-artifact-clash", "unresolved-variable-reference"],
  "variable-used-before-produced",
  "queryable-value-invalid",
];

/** What AWS accepts but is probably a mistake (warning), or what only informs (info). */
const NOT_ERRORS: Record<string, "warning" | "info"> = {
  "unknown-member": "warning",
  "run-order-gap": "info",
  "unknown-action-type": "warning",
  "conditional-configuration-missing": "warning",
  "invalid-configuration-value": "warning",
  "timeout-not-allowed": "warning",
  "configuration-value-too-long": "warning",
  "multi-line-command": "warning",
  "compute-member-ignored": "warning",
  "cross-region-not-allowed": "warning",
  "pipeline-region-inferred": "info",
  "v2-feature-without-type": "warning",
  "trigger-filter-combination": "warning",
  "undocumented-failure-result": "warning",
  "retry-settings-unused": "warning",
  "duplicate-variable-name": "warning",
};

describe("RULES", () => {
  it("holds exactly the agreed codes, with the agreed warning and info levels", () => {
    expect([...RULES.map((r) => r.code)].sort()).toEqual([...AGREED_CODES].sort());
    const notErrors = Object.fromEntries(
      RULES.filter((r) => r.severity !== "error").map((r) => [r.code, r.severity]),
    );
    expect(notErrors).toEqual(NOT_ERRORS);
  });

  it("lists each code once, with a severity and a one-line summary", () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.summary).toMatch(/^\S.*\.$/);
      expect(rule.summary).not.toContain("\n");
    }
  });

  it("has a case AWS rejects (or warns about) and a case it accepts for every code, and none for a code it lacks", () => {
    const missing = RULES.filter((r) => {
      const cases = RULE_CASES[r.code];
      return cases === undefined || cases.fail.length === 0 || cases.pass.length === 0;
    });
    expect(missing.map((r) => r.code)).toEqual([]);
    expect(Object.keys(RULE_CASES).filter((code) => !RULES.some((r) => r.code === code))).toEqual([]);
  });
});

/** The TSDoc block right above each `defineRule("code", …)` in shared/validate, by code. */
function ruleDocs(): Map<string, string> {
  const dir = new URL("../../../shared/validate/", import.meta.url);
  const docs = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(new URL(file, dir), "utf8");
    for (const match of text.matchAll(
      /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export const \w+ = defineRule\(\s*"([^"]+)"/g,
    )) {
      docs.set(match[2] ?? "", match[1] ?? "");
    }
  }
  return docs;
}

describe("every rule's TSDoc", () => {
  const docs = ruleDocs();
  it.each(RULES.map((r) => r.code))("%s quotes the AWS sentence it rests on and links its page", (code) => {
    const doc = docs.get(code) ?? "";
    expect(doc, `no TSDoc above defineRule("${code}")`).not.toBe("");
    // `AWS: "quoted sentence" — https://…` (or `AWS (CloudFormation): …`), as in every rule file.
    expect(doc).toMatch(/AWS(?: \([^)]*\))?: "[^"]+"/);
    expect(doc).toMatch(/https:\/\/(docs\.aws\.amazon\.com|github\.com)\/\S+/);
  });
});

describe.each(RULES.map((r) => [r.code, r] as const))("%s", (code, rule) => {
  const cases = RULE_CASES[code] ?? { fail: [], pass: [] };
  it.each(cases.fail.map((c) => [c.title, c] as const))("reports: %s", (_title, c) => {
    const found = findings(c.input(), c.options).filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).toBe(rule.severity);
      expect(d.message).toMatch(/: \S/);
      // In a person's words: never a member path like stages.1.actions.2, never a raw pattern.
      expect(d.message).not.toMatch(/\b(stages|actions|rules|conditions)\.\d|\[\d+\]/);
      expect(d.message).not.toMatch(/\[[A-Za-z0-9]-[A-Za-z0-9][^\]]*\][+*]|\\-|\(\?:/);
    }
  });
  // Near misses are otherwise valid pipelines: no error or warning at all (info may note how the
  // Region was found), so "not reported" cannot pass by another rule masking this one.
  it.each(cases.pass.map((c) => [c.title, c] as const))("does not report: %s", (_title, c) => {
    const found = findings(c.input(), c.options);
    expect(found.filter((d) => d.severity !== "info" || d.code === code).map((d) => d.code)).toEqual([]);
  });
});
