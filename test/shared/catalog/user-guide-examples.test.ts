import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findActionType, findRuleType, type ConfigField } from "../../../shared/catalog";

// The user guide's example pipelines (test/fixtures/aws) are the nearest thing to real pipelines the
// catalog can be held to: every action and rule in them must be a catalog type whose counts,
// required keys and allowed values the example satisfies, and whose keys the catalog all knows.
const FIXTURES = fileURLToPath(new URL("../../fixtures/aws/", import.meta.url));

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asConfiguration(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asRecord(value)).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/** What an example's configuration gets wrong against a catalog field list. */
function configurationProblems(
  fields: readonly ConfigField[],
  configuration: Record<string, string>,
): string[] {
  const problems: string[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(configuration)) {
    if (!byKey.has(key)) problems.push(`unknown key ${key}`);
  }
  for (const field of fields) {
    const value = configuration[field.key];
    const trigger = field.requiredWhen;
    const needed =
      field.required || (trigger !== undefined && trigger.equals.includes(configuration[trigger.key] ?? ""));
    if (needed && value === undefined) problems.push(`missing ${field.key}`);
    // Variable references resolve at run time, so only literal values are held to the lists.
    if (value === undefined || value.includes("#{")) continue;
    const items = field.listSeparator === undefined ? [value] : value.split(field.listSeparator);
    if (field.allowedValues !== undefined && !items.every((v) => field.allowedValues?.includes(v))) {
      problems.push(`${field.key}=${value} not in ${field.allowedValues.join("|")}`);
    }
    if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(value)) {
      problems.push(`${field.key}=${value} does not match ${field.pattern}`);
    }
  }
  return problems;
}

interface Example {
  file: string;
  pipeline: Json;
}

function loadExamples(): Example[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const root = asRecord(JSON.parse(readFileSync(`${FIXTURES}${file}`, "utf8")));
      return { file, pipeline: "pipeline" in root ? asRecord(root.pipeline) : root };
    });
}

const examples = loadExamples();
const actions = examples.flatMap(({ file, pipeline }) =>
  asArray(pipeline.stages).flatMap((stage) =>
    asArray(asRecord(stage).actions).map(
      (action) => [`${file} ${String(asRecord(action).name)}`, asRecord(action)] as const,
    ),
  ),
);
const rules = examples.flatMap(({ file, pipeline }) =>
  asArray(pipeline.stages).flatMap((stage) =>
    ["beforeEntry", "onSuccess", "onFailure"].flatMap((hook) =>
      asArray(asRecord(asRecord(stage)[hook]).conditions).flatMap((condition) =>
        asArray(asRecord(condition).rules).map(
          (rule) => [`${file} ${hook} ${String(asRecord(rule).name)}`, asRecord(rule)] as const,
        ),
      ),
    ),
  ),
);

describe("user guide example pipelines against the catalog", () => {
  it("has examples to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
    expect(actions.length).toBeGreaterThanOrEqual(30);
  });

  it.each(actions)("action %s fits its catalog type", (_name, action) => {
    const spec = findActionType(action.actionTypeId);
    expect(spec, JSON.stringify(action.actionTypeId)).toBeDefined();
    if (spec === undefined) return;
    const inputs = asArray(action.inputArtifacts).length;
    const outputs = asArray(action.outputArtifacts).length;
    expect(inputs).toBeGreaterThanOrEqual(spec.inputArtifacts.min);
    expect(inputs).toBeLessThanOrEqual(spec.inputArtifacts.max);
    expect(outputs).toBeGreaterThanOrEqual(spec.outputArtifacts.min);
    expect(outputs).toBeLessThanOrEqual(spec.outputArtifacts.max);
    expect(configurationProblems(spec.configuration, asConfiguration(action.configuration))).toEqual([]);
    const members = spec.members ?? [];
    for (const member of [
      "commands",
      "outputVariables",
      "environmentVariables",
      "timeoutInMinutes",
    ] as const) {
      if (member in action) expect(members, `${member} on ${spec.provider}`).toContain(member);
    }
  });

  it.each(rules)("rule %s fits its catalog type", (_name, rule) => {
    const spec = findRuleType(rule.ruleTypeId);
    expect(spec, JSON.stringify(rule.ruleTypeId)).toBeDefined();
    if (spec === undefined) return;
    expect(configurationProblems(spec.configuration, asConfiguration(rule.configuration))).toEqual([]);
  });
});

describe("the configuration checker itself", () => {
  const fields: ConfigField[] = [
    { key: "Mode", required: true, description: "d", allowedValues: ["A", "B"] },
    { key: "Path", required: false, description: "d", requiredWhen: { key: "Mode", equals: ["B"] } },
    { key: "Caps", required: false, description: "d", allowedValues: ["X", "Y"], listSeparator: "," },
    { key: "Strategy", required: false, description: "d", pattern: "Fast[0-9]+" },
  ];

  it.each<[string, Record<string, string>]>([
    ["a missing required key", {}],
    ["a missing conditional key", { Mode: "B" }],
    ["a value outside the list", { Mode: "C" }],
    ["a list item outside the list", { Mode: "A", Caps: "X,Z" }],
    ["a value off the pattern", { Mode: "A", Strategy: "Slow1" }],
    ["an unknown key", { Mode: "A", Other: "1" }],
  ])("reports %s", (_name, configuration) => {
    expect(configurationProblems(fields, configuration)).not.toEqual([]);
  });

  it("accepts a configuration that meets every field", () => {
    expect(configurationProblems(fields, { Mode: "B", Path: "p", Caps: "X,Y", Strategy: "Fast10" })).toEqual(
      [],
    );
    expect(configurationProblems(fields, { Mode: "#{vars.mode}" })).toEqual([]);
  });
});
