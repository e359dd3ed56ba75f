import { describe, expect, it } from "vitest";
import { RULES, validatePipeline } from "../../../shared/validate";
import { RULE_CASES } from "./rule-cases";

const codesOf = (input: unknown): string[] => validatePipeline(input).map((d) => d.code);

/** The codes the team agreed on (parse codes belong to shared/formats), in RULES order. */
const AGREED_CODES = [
  ...["required-member", "wrong-type", "pattern-mismatch", "length-out-of-range", "value-out-of-range"],
  ...["invalid-enum-value", "count-out-of-range", "too-few-stages", "too-many-stages", "too-many-actions"],
  ...["empty-stage", "first-stage-not-source", "source-not-in-first-stage", "no-source-action"],
  ...["duplicate-stage-name", "duplicate-action-name", "run-order-gap", "duplicate-output-artifact"],
  ...["artifact-not-found", "artifact-used-before-produced", "unknown-action-type", "input-artifact-count"],
  ...["output-artifact-count", "timeout-not-allowed", "configuration-value-too-long"],
  ...["missing-required-configuration", "invalid-configuration-value", "artifact-store-conflict"],
  ...["missing-artifact-store", "cross-region-store-missing", "cross-region-not-allowed", "v2-feature-in-v1"],
  ...["trigger-source-not-found", "trigger-source-not-connection", "duplicate-trigger"],
  ...["invalid-condition-result", "rollback-in-parallel-mode", "reserved-namespace", "duplicate-namespace"],
  ...["duplicate-variable-name", "namespace-artifact-clash", "unresolved-variable-reference"],
  "variable-used-before-produced",
  "unknown-member",
];

describe("RULES", () => {
  it("holds exactly the agreed codes, with the agreed warning and info levels", () => {
    expect([...RULES.map((r) => r.code)].sort()).toEqual([...AGREED_CODES].sort());
    const notErrors = RULES.filter((r) => r.severity !== "error").map((r) => [r.code, r.severity]);
    expect(notErrors).toEqual([
      ["unknown-member", "warning"],
      ["run-order-gap", "info"],
      ["unknown-action-type", "warning"],
      ["configuration-value-too-long", "warning"],
    ]);
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

  it("has a failing and a passing case for every code, and no case for a code it lacks", () => {
    const missing = RULES.filter((r) => {
      const cases = RULE_CASES[r.code];
      return cases === undefined || cases.fail.length === 0 || cases.pass.length === 0;
    });
    expect(missing.map((r) => r.code)).toEqual([]);
    expect(Object.keys(RULE_CASES).filter((code) => !RULES.some((r) => r.code === code))).toEqual([]);
  });
});

describe.each(RULES.map((r) => [r.code, r] as const))("%s", (code, rule) => {
  const cases = RULE_CASES[code] ?? { fail: [], pass: [] };
  it.each(cases.fail.map((c) => [c.title, c] as const))("reports: %s", (_title, c) => {
    const found = validatePipeline(c.input()).filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).toBe(rule.severity);
      expect(d.message).toMatch(/: \S/);
    }
  });
  // Near misses are otherwise valid pipelines, so "not reported" cannot pass by accident of
  // another rule masking this one.
  it.each(cases.pass.map((c) => [c.title, c] as const))("does not report: %s", (_title, c) => {
    expect(codesOf(c.input())).toEqual([]);
  });
});
