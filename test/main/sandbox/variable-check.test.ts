import { describe, expect, it } from "vitest";
import { checkVariable } from "../../../main/sandbox/rule-runs";

const check = (Variable: string, Operator: string, Value: string) =>
  checkVariable({ Variable, Operator, Value });

describe("the VariableCheck rule", () => {
  it("compares with EQ, NE and CONTAINS", () => {
    expect(check("prod", "EQ", "prod")).toEqual({
      passed: true,
      message: 'Variable check passed: "prod" EQ "prod"',
    });
    expect(check("prod", "EQ", "Prod").passed).toBe(false);
    expect(check("dev", "NE", "prod").passed).toBe(true);
    expect(check("prod", "NE", "prod").passed).toBe(false);
    expect(check("fix: update deps", "CONTAINS", "update").passed).toBe(true);
    expect(check("fix: bump deps", "CONTAINS", "update").passed).toBe(false);
  });

  it("MATCHES the whole value against a regular expression, as Java's String.matches does", () => {
    expect(check("release/1.2", "MATCHES", "release/[0-9.]+").passed).toBe(true);
    expect(check("hotfix-release/1.2", "MATCHES", "release/[0-9.]+").passed).toBe(false);
    expect(check("a|b", "MATCHES", "a|c").passed).toBe(false);
    expect(check("x", "MATCHES", "([")).toEqual({
      passed: false,
      message: "Value is not a valid regular expression: ([",
    });
  });

  it("fails on a reference nothing resolved, and on an unknown operator", () => {
    expect(check("#{Build.VERSION}", "EQ", "1")).toEqual({
      passed: false,
      message: "Variable #{Build.VERSION} has no value in this pipeline execution",
    });
    expect(check("1", "GT", "0")).toEqual({
      passed: false,
      message: "Operator must be EQ, NE, CONTAINS or MATCHES: GT",
    });
    expect(checkVariable({ Value: "1", Operator: "EQ" }).passed).toBe(false);
  });
});
