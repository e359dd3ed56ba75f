import { describe, expect, it } from "vitest";
import {
  ACTION_TYPES,
  CATEGORIES,
  RULE_TYPES,
  type ActionTypeSpec,
  type ConfigField,
} from "../../../shared/catalog";

// Patterns and limits of `ActionProvider`, `Version` and `ActionConfigurationKey` in the service model.
const PROVIDER = /^[0-9A-Za-z_-]{1,35}$/;
const VERSION = /^[0-9A-Za-z_-]{1,9}$/;
const DOCS_URL = /^https:\/\/docs\.aws\.amazon\.com\/codepipeline\/latest\/userguide\/[A-Za-z0-9-]+\.html$/;
const OWNERS = ["AWS", "ThirdParty", "Custom"];

function idOf(spec: ActionTypeSpec): string {
  return `${spec.category}/${spec.owner}/${spec.provider}/${spec.version}`;
}

/** Problems with one configuration list; shared by action and rule types. */
function fieldProblems(fields: readonly ConfigField[]): string[] {
  const problems: string[] = [];
  const keys = fields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) problems.push(`duplicate keys in ${keys.join(",")}`);
  for (const field of fields) {
    if (field.key.length < 1 || field.key.length > 50) problems.push(`${field.key}: key length`);
    if (!/^[A-Za-z0-9]+$/.test(field.key)) problems.push(`${field.key}: key is not alphanumeric`);
    if (field.description.trim() === "" || field.description.includes("\n")) {
      problems.push(`${field.key}: description must be one non-empty line`);
    }
    if (field.allowedValues !== undefined) {
      if (field.allowedValues.length === 0) problems.push(`${field.key}: empty allowedValues`);
      if (field.allowedValues.some((v) => v.length === 0 || v.length > 1000)) {
        problems.push(`${field.key}: allowed value length`);
      }
      if (new Set(field.allowedValues).size !== field.allowedValues.length) {
        problems.push(`${field.key}: duplicate allowed values`);
      }
    }
    if (field.listSeparator !== undefined && field.allowedValues === undefined) {
      problems.push(`${field.key}: listSeparator without allowedValues`);
    }
    if (field.requiredWhen !== undefined) {
      const { key, equals } = field.requiredWhen;
      if (field.required) problems.push(`${field.key}: both required and requiredWhen`);
      if (key === field.key) problems.push(`${field.key}: requiredWhen points at itself`);
      const other = fields.find((f) => f.key === key);
      if (other === undefined) problems.push(`${field.key}: requiredWhen key ${key} is not in the entry`);
      if (equals.length === 0) problems.push(`${field.key}: requiredWhen has no values`);
      const allowed = other?.allowedValues;
      if (allowed !== undefined && !equals.every((v) => allowed.includes(v))) {
        problems.push(`${field.key}: requiredWhen values outside ${key}'s allowed values`);
      }
    }
    if (field.pattern !== undefined) {
      try {
        new RegExp(`^(?:${field.pattern})$`);
      } catch {
        problems.push(`${field.key}: pattern does not compile`);
      }
    }
  }
  return problems;
}

describe("action type catalog", () => {
  it("offers at least one action type in every palette category", () => {
    const empty = CATEGORIES.filter((c) => !ACTION_TYPES.some((s) => s.category === c));
    expect(empty).toEqual([]);
  });

  it.each(ACTION_TYPES.map((spec) => [idOf(spec), spec] as const))("%s is well-formed", (_id, spec) => {
    expect(CATEGORIES).toContain(spec.category);
    expect(OWNERS).toContain(spec.owner);
    expect(spec.provider).toMatch(PROVIDER);
    expect(spec.version).toMatch(VERSION);
    expect(spec.title.trim()).not.toBe("");
    expect(spec.description.trim()).not.toBe("");
    expect(spec.description).not.toContain("\n");
    for (const side of [spec.inputArtifacts, spec.outputArtifacts]) {
      expect(Number.isInteger(side.min) && Number.isInteger(side.max)).toBe(true);
      expect(side.min).toBeGreaterThanOrEqual(0);
      expect(side.min).toBeLessThanOrEqual(side.max);
      // CloudFormation (0–10 inputs) and Commands (1–10) are the only types past 5 in the table.
      expect(side.max).toBeLessThanOrEqual(10);
    }
    if (spec.owner !== "AWS") {
      // `ArtifactDetails` in the service model caps registered (custom/third-party) types at 5.
      expect(spec.inputArtifacts.max).toBeLessThanOrEqual(5);
      expect(spec.outputArtifacts.max).toBeLessThanOrEqual(5);
    }
    if (spec.category === "Source") {
      expect(spec.inputArtifacts).toEqual({ min: 0, max: 0 });
      expect(spec.outputArtifacts).toEqual({ min: 1, max: 1 });
    }
    expect(fieldProblems(spec.configuration)).toEqual([]);
    if (spec.docsUrl !== undefined) expect(spec.docsUrl).toMatch(DOCS_URL);
    if (spec.members !== undefined) expect(new Set(spec.members).size).toBe(spec.members.length);
  });

  it("has one entry per (category, owner, provider, version)", () => {
    const ids = ACTION_TYPES.map(idOf);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it("allows timeoutInMinutes only on manual approval, as the service model does", () => {
    const withTimeout = ACTION_TYPES.filter((s) => s.members?.includes("timeoutInMinutes")).map(idOf);
    expect(withTimeout).toEqual(["Approval/AWS/Manual/1"]);
  });
});

describe("rule type catalog", () => {
  it("lists exactly the rule providers of the rule reference", () => {
    expect(RULE_TYPES.map((r) => r.provider).sort()).toEqual([
      "CloudWatchAlarm",
      "CodeBuild",
      "Commands",
      "DeploymentWindow",
      "LambdaInvoke",
      "VariableCheck",
    ]);
  });

  it.each(RULE_TYPES.map((spec) => [spec.provider, spec] as const))("%s is well-formed", (_p, spec) => {
    expect(spec.owner).toBe("AWS");
    expect(spec.provider).toMatch(PROVIDER);
    expect(spec.version).toMatch(VERSION);
    expect(spec.title.trim()).not.toBe("");
    expect(spec.description.trim()).not.toBe("");
    expect(fieldProblems(spec.configuration)).toEqual([]);
    if (spec.docsUrl !== undefined) expect(spec.docsUrl).toMatch(DOCS_URL);
  });
});

describe("the field checker itself", () => {
  // Guards the guard: each broken list must be reported, so the catalog checks above can fail.
  it.each<[string, ConfigField[]]>([
    ["empty allowedValues", [{ key: "A", required: false, description: "d", allowedValues: [] }]],
    [
      "requiredWhen key missing",
      [{ key: "A", required: false, description: "d", requiredWhen: { key: "B", equals: ["x"] } }],
    ],
    [
      "requiredWhen value not allowed",
      [
        { key: "A", required: false, description: "d", requiredWhen: { key: "B", equals: ["x"] } },
        { key: "B", required: true, description: "d", allowedValues: ["y"] },
      ],
    ],
    [
      "duplicate key",
      [
        { key: "A", required: true, description: "d" },
        { key: "A", required: false, description: "d" },
      ],
    ],
    ["bad pattern", [{ key: "A", required: false, description: "d", pattern: "(" }]],
    ["multi-line description", [{ key: "A", required: false, description: "a\nb" }]],
  ])("reports %s", (_name, fields) => {
    expect(fieldProblems(fields)).not.toEqual([]);
  });
});
