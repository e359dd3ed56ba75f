import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_TYPES,
  CATEGORIES,
  RULE_TYPES,
  findActionType,
  findRuleType,
  listActionTypesByCategory,
} from "../../../shared/catalog";

describe("findActionType", () => {
  it("finds every catalog entry by its own id", () => {
    for (const spec of ACTION_TYPES) {
      const { category, owner, provider, version } = spec;
      expect(findActionType({ category, owner, provider, version })).toBe(spec);
    }
  });

  it("finds entries from ids as parsed from pipeline JSON, extra members included", () => {
    const id = JSON.parse(
      '{"category":"Deploy","owner":"AWS","provider":"CloudFormation","version":"1","future":true}',
    ) as unknown;
    expect(findActionType(id)?.title).toBe("AWS CloudFormation");
  });

  it("tells the CodeBuild build and test entries and the Lambda deploy and invoke entries apart", () => {
    const build = findActionType({ category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" });
    const test = findActionType({ category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" });
    expect(build?.category).toBe("Build");
    expect(test?.category).toBe("Test");
    expect(build).not.toBe(test);
    const deploy = findActionType({ category: "Deploy", owner: "AWS", provider: "Lambda", version: "1" });
    const invoke = findActionType({ category: "Invoke", owner: "AWS", provider: "Lambda", version: "1" });
    expect(deploy?.v2Only).toBe(true);
    expect(invoke?.v2Only).toBe(false);
  });

  it.each([
    ["another version", { category: "Source", owner: "AWS", provider: "S3", version: "2" }],
    ["another owner", { category: "Source", owner: "Custom", provider: "S3", version: "1" }],
    ["a wrong category", { category: "Build", owner: "AWS", provider: "S3", version: "1" }],
    ["a differently cased provider", { category: "Source", owner: "AWS", provider: "s3", version: "1" }],
    [
      "a custom Jenkins registered under its own name",
      { category: "Build", owner: "Custom", provider: "MyJenkins", version: "1" },
    ],
    ["separators smuggled into members", { category: "Source/AWS", owner: "S3", provider: "1", version: "" }],
  ])("returns undefined for %s", (_name, id) => {
    expect(findActionType(id)).toBeUndefined();
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a string", "Source/AWS/S3/1"],
    ["a number", 42],
    ["an array", ["Source", "AWS", "S3", "1"]],
    ["a numeric version", { category: "Source", owner: "AWS", provider: "S3", version: 1 }],
    ["missing members", { category: "Source" }],
    ["a null-prototype object", Object.assign(Object.create(null) as object, { category: "Source" })],
    [
      "a __proto__ key",
      JSON.parse('{"__proto__":{"category":"Source","owner":"AWS","provider":"S3","version":"1"}}'),
    ],
  ])("returns undefined without throwing for %s", (_name, id: unknown) => {
    expect(() => findActionType(id)).not.toThrow();
    expect(findActionType(id)).toBeUndefined();
  });

  it("never throws on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const found = findActionType(value);
        return found === undefined || ACTION_TYPES.includes(found);
      }),
    );
  });

  it("finds nothing for random well-typed ids that are not in the catalog", () => {
    const known = new Set(ACTION_TYPES.map((s) => `${s.category}|${s.owner}|${s.provider}|${s.version}`));
    fc.assert(
      fc.property(
        fc.record({
          category: fc.constantFrom(...CATEGORIES),
          owner: fc.constantFrom("AWS", "ThirdParty", "Custom"),
          provider: fc.stringMatching(/^[0-9A-Za-z_-]{1,35}$/),
          version: fc.stringMatching(/^[0-9A-Za-z_-]{1,9}$/),
        }),
        (id) => {
          const inCatalog = known.has(`${id.category}|${id.owner}|${id.provider}|${id.version}`);
          return (findActionType(id) !== undefined) === inCatalog;
        },
      ),
    );
  });
});

describe("listActionTypesByCategory", () => {
  it("groups every entry once, in palette order", () => {
    const groups = listActionTypesByCategory();
    expect(groups.map((g) => g.category)).toEqual([...CATEGORIES]);
    const flattened = groups.flatMap((g) => g.actionTypes);
    expect(flattened).toHaveLength(ACTION_TYPES.length);
    expect(new Set(flattened)).toEqual(new Set(ACTION_TYPES));
    for (const group of groups) {
      expect(group.actionTypes.every((s) => s.category === group.category)).toBe(true);
    }
  });

  it("keeps catalog order inside a category", () => {
    const sources = listActionTypesByCategory().find((g) => g.category === "Source")?.actionTypes ?? [];
    const catalogSources = ACTION_TYPES.filter((s) => s.category === "Source");
    expect(sources).toEqual(catalogSources);
  });
});

describe("findRuleType", () => {
  it("finds every rule type by its full id", () => {
    for (const spec of RULE_TYPES) {
      expect(
        findRuleType({ category: "Rule", owner: "AWS", provider: spec.provider, version: spec.version }),
      ).toBe(spec);
    }
  });

  it("treats an absent owner or version as AWS / 1, which the service model allows", () => {
    expect(findRuleType({ category: "Rule", provider: "VariableCheck" })?.provider).toBe("VariableCheck");
  });

  it.each([
    ["an action category", { category: "Deploy", owner: "AWS", provider: "CodeBuild", version: "1" }],
    ["an unknown provider", { category: "Rule", owner: "AWS", provider: "Nope", version: "1" }],
    ["another version", { category: "Rule", owner: "AWS", provider: "CodeBuild", version: "2" }],
    ["a non-string provider", { category: "Rule", provider: 5 }],
    ["null", null],
    ["a string", "Rule/AWS/CodeBuild/1"],
  ])("returns undefined for %s", (_name, id: unknown) => {
    expect(findRuleType(id)).toBeUndefined();
  });

  it("never throws on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const found = findRuleType(value);
        return found === undefined || RULE_TYPES.includes(found);
      }),
    );
  });
});
