import { describe, expect, it } from "vitest";
import {
  locatePath,
  MAX_FILE_BYTES,
  MAX_NESTING_DEPTH,
  parseDocument,
  serializeDocument,
} from "../../../shared/formats";

const PIPELINE = {
  name: "p",
  roleArn: "arn:aws:iam::111122223333:role/r",
  stages: [
    {
      name: "Source",
      actions: [
        { name: "S", actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" } },
      ],
    },
  ],
};
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const codes = (source: string): string[] => parseDocument(source).diagnostics.map((d) => d.code);

describe("parseDocument: file shapes", () => {
  it("reads create-pipeline input, keeping tags in the root", () => {
    const { document, diagnostics } = parseDocument(
      text({ pipeline: PIPELINE, tags: [{ key: "k", value: "v" }] }),
    );
    expect(diagnostics).toEqual([]);
    expect(document?.shape).toBe("create-input");
    expect(document?.pipeline).toEqual(PIPELINE);
    expect(document?.envelope["tags"]).toEqual([{ key: "k", value: "v" }]);
    expect(document?.envelope).toEqual({ pipeline: null, tags: [{ key: "k", value: "v" }] });
  });

  it("reads get-pipeline output, keeping metadata", () => {
    const { document } = parseDocument(text({ pipeline: PIPELINE, metadata: { pipelineArn: "arn" } }));
    expect(document?.shape).toBe("get-output");
    expect(document?.envelope["metadata"]).toEqual({ pipelineArn: "arn" });
  });

  it("reads a bare pipeline, whose envelope is empty", () => {
    const { document } = parseDocument(text(PIPELINE));
    expect(document?.shape).toBe("bare");
    expect(document?.envelope).toEqual({});
    expect(document?.pipeline).toEqual(PIPELINE);
  });

  it("accepts a pipeline with stages but no name (the validator reports the name)", () => {
    expect(parseDocument(text({ stages: [] })).document?.shape).toBe("bare");
  });

  it("keeps wrong scalar types and enum values for the validator", () => {
    const lenient = {
      ...PIPELINE,
      name: 42,
      executionMode: "SOMETIMES",
      stages: [
        {
          name: "S",
          actions: [
            { name: true, actionTypeId: { category: "Nope" }, runOrder: "x", configuration: { Poll: false } },
          ],
        },
      ],
    };
    const { document, diagnostics } = parseDocument(text(lenient));
    expect(diagnostics).toEqual([]);
    expect(document?.pipeline).toEqual(lenient);
  });
});

describe("parseDocument: bad input", () => {
  it("refuses empty and whitespace-only text", () => {
    expect(codes("")).toEqual(["empty-file"]);
    expect(codes(" \n\t\r\n")).toEqual(["empty-file"]);
  });

  it("strips a BOM with an info diagnostic and does not write it back", () => {
    const body = text(PIPELINE);
    const result = parseDocument(`\uFEFF${body}`);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["bom-stripped", "info"]]);
    expect(serializeDocument(result.document!)).toBe(body);
    expect(codes("\uFEFF")).toEqual(["bom-stripped", "empty-file"]);
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', "Expected ',' or '}' after property value", 3, 3],
    ['{\n  "stages": [\n    1\n    2\n  ]\n}', "Expected ',' or ']' after array element", 4, 5],
    ['{"a": 1,}', "trailing comma", 1, 9],
    ['{"a": [1,]}', "trailing comma", 1, 10],
    ['{"a" 1}', "Expected ':' after property name", 1, 6],
    ["{'a': 1}", "Unexpected text", 1, 2],
    ['{"a": // note\n1}', "Comments are not allowed", 1, 7],
    ['{"a": "line\nbreak"}', "Unterminated string", 1, 7],
    ['{"a": "tab\there"}', "Control characters must be escaped", 1, 7],
    ['{"a": "\\x"}', "Invalid escape", 1, 7],
    ['{"a": "\\u12"}', "Invalid \\u escape", 1, 7],
    ['{"a": 1.}', "Invalid number", 1, 7],
    ['{"a": tru}', "Unexpected text", 1, 7],
    ['{"a": 1} {"b": 2}', "Unexpected content after the end of the JSON value", 1, 10],
    ['{\n  "a": [\n    1', "the array opened at line 2, column 8 is not closed", 3, 6],
    ['{"a": {"b": 1}', "the object opened at line 1, column 1 is not closed", 1, 15],
    ['{"a":', "Expected a value", 1, 6],
  ])("reports %j as json-syntax with a message and line:col", (source, message, line, column) => {
    const [diagnostic, ...rest] = parseDocument(source).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic?.code).toBe("json-syntax");
    expect(diagnostic?.message).toContain(message);
    expect(diagnostic?.location).toEqual({ line, column });
  });

  it("counts lines after \\r\\n and lone \\r as editors do", () => {
    expect(parseDocument('{\r\n"a": 1\r\n"b": 2}').diagnostics[0]?.location).toEqual({ line: 3, column: 1 });
    expect(parseDocument('{\r"a": 1\r"b": 2}').diagnostics[0]?.location).toEqual({ line: 3, column: 1 });
  });

  it.each([
    ["[]", "the top-level value is an array"],
    ['"pipeline"', 'the top-level value is a string: "pipeline"'],
    ["42", "the top-level value is a number: 42"],
    ["null", "the top-level value is null"],
    ["true", "the top-level value is a boolean: true"],
    ["{}", "found an empty object"],
    ['{"Pipeline": {}, "Stages": []}', 'found members "Pipeline", "Stages"'],
  ])("refuses %s as not-a-pipeline, naming what it found", (source, message) => {
    const { document, diagnostics } = parseDocument(source);
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["not-a-pipeline"]);
    expect(diagnostics[0]?.message).toContain(message);
  });

  it.each([
    [{ pipeline: "p" }, ["pipeline"], "an object, found a string"],
    [{ pipeline: [] }, ["pipeline"], "an object, found an array"],
    [
      { pipeline: { ...PIPELINE, stages: "Build" } },
      ["pipeline", "stages"],
      'an array, found a string: "Build"',
    ],
    [{ pipeline: { ...PIPELINE, stages: [null] } }, ["pipeline", "stages", 0], "an object, found null"],
    [{ pipeline: PIPELINE, tags: {} }, ["tags"], "an array, found an object"],
    [{ pipeline: PIPELINE, tags: [1] }, ["tags", 0], "an object"],
    [{ pipeline: PIPELINE, metadata: "x" }, ["metadata"], "an object"],
    [
      { ...PIPELINE, artifactStores: { "us-east-1": "bucket" } },
      ["artifactStores", "us-east-1"],
      "an object",
    ],
    [{ ...PIPELINE, artifactStore: { encryptionKey: [] } }, ["artifactStore", "encryptionKey"], "an object"],
    [{ ...PIPELINE, variables: {} }, ["variables"], "an array"],
    [
      { ...PIPELINE, triggers: [{ gitConfiguration: { push: {} } }] },
      ["triggers", 0, "gitConfiguration", "push"],
      "an array",
    ],
    [{ ...PIPELINE, stages: [{ name: "s", actions: {} }] }, ["stages", 0, "actions"], "an array"],
    [{ ...PIPELINE, stages: [{ name: "s", actions: [7] }] }, ["stages", 0, "actions", 0], "an object"],
    [
      action({ configuration: [] }),
      ["stages", 0, "actions", 0, "configuration"],
      "an object, found an array",
    ],
    [action({ configuration: "a=b" }), ["stages", 0, "actions", 0, "configuration"], "an object"],
    [action({ actionTypeId: "S3" }), ["stages", 0, "actions", 0, "actionTypeId"], "an object"],
    [action({ inputArtifacts: "src" }), ["stages", 0, "actions", 0, "inputArtifacts"], "an array"],
    [
      action({ outputArtifacts: [{ name: "o", files: "x" }] }),
      ["stages", 0, "actions", 0, "outputArtifacts", 0, "files"],
      "an array",
    ],
    [action({ commands: "ls" }), ["stages", 0, "actions", 0, "commands"], "an array"],
    [
      action({ environmentVariables: [[]] }),
      ["stages", 0, "actions", 0, "environmentVariables", 0],
      "an object",
    ],
    [stage({ onFailure: { conditions: {} } }), ["stages", 0, "onFailure", "conditions"], "an array"],
    [
      stage({ beforeEntry: { conditions: [{ rules: [{ ruleTypeId: {}, configuration: 1 }] }] } }),
      ["stages", 0, "beforeEntry", "conditions", 0, "rules", 0, "configuration"],
      "an object",
    ],
  ])(
    "opens wrong container types repaired, listed at their line and written back as they were: %j",
    (value, path, message) => {
      const source = text(value);
      const { document, diagnostics } = parseDocument(source);
      // The designer walks a repaired pipeline; the file's own value is kept aside and saved back.
      expect(document?.damaged?.map((d) => d.path)).toEqual([path]);
      expect(serializeDocument(document!)).toBe(source);
      expect(diagnostics[0]?.location).toEqual(locatePath(source, path));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: "wrong-type", severity: "error", path });
      expect(diagnostics[0]?.message).toContain(message);
    },
  );

  it.each([
    [{ pipeline: { name: "p" } }, ["pipeline", "stages"]],
    [{ ...PIPELINE, stages: [{ name: "s" }] }, ["stages", 0, "actions"]],
    [action({ actionTypeId: undefined }), ["stages", 0, "actions", 0, "actionTypeId"]],
    [stage({ onSuccess: {} }), ["stages", 0, "onSuccess", "conditions"]],
    [
      { ...PIPELINE, triggers: [{ providerType: "CodeStarSourceConnection" }] },
      ["triggers", 0, "gitConfiguration"],
    ],
  ])("opens a missing required container, adding an empty one that is not saved: %j", (value, path) => {
    const source = text(value);
    const { document, diagnostics } = parseDocument(source);
    expect(document?.damaged).toEqual([{ path, missing: true }]);
    expect(serializeDocument(document!)).toBe(source);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "required-member", path })]);
  });

  it("warns at its line about a member repeated in one object; the last value counts", () => {
    const source =
      '{\n  "stages": [],\n  "name": "first",\n  "x": {\n    "7": 1,\n    "7": 2\n  },\n  "name": "second"\n}\n';
    const { document, diagnostics } = parseDocument(source);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "duplicate-key",
        severity: "warning",
        location: { line: 6, column: 5 },
      }),
      expect.objectContaining({
        code: "duplicate-key",
        severity: "warning",
        location: { line: 8, column: 3 },
      }),
    ]);
    expect(diagnostics[1]?.message).toContain('"name"');
    expect(document?.pipeline.name).toBe("second");
    expect(serializeDocument(document!)).toBe(
      '{\n  "stages": [],\n  "name": "second",\n  "x": {\n    "7": 2\n  }\n}\n',
    );
  });

  it("refuses files over 5 MB with the size in the message", () => {
    const big = text({ ...PIPELINE, padding: "x".repeat(MAX_FILE_BYTES) });
    const [diagnostic] = parseDocument(big).diagnostics;
    expect(diagnostic?.code).toBe("file-too-large");
    expect(diagnostic?.message).toMatch(/limit is 5 MB: 5\.0 MB \(\d+ bytes\)/);
  });

  it("measures the limit in UTF-8 bytes, not characters", () => {
    const filler = (n: number): string => text({ ...PIPELINE, padding: "é".repeat(n) }); // 2 bytes each
    expect(codes(filler(Math.floor(MAX_FILE_BYTES / 2) - 1000))).toEqual([]);
    expect(codes(filler(Math.floor(MAX_FILE_BYTES / 2) + 10))).toEqual(["file-too-large"]);
  });

  it("refuses 100k levels of nesting before anything recursive runs", () => {
    for (const open of ["[", '{"a":']) {
      const deep = `${open.repeat(100_000)}1`;
      const [diagnostic] = parseDocument(deep).diagnostics;
      expect(diagnostic?.code).toBe("too-deeply-nested");
      expect(diagnostic?.location).toEqual({ line: 1, column: open.length * MAX_NESTING_DEPTH + 1 });
    }
  });

  it.each([
    ['{"a": "x\n, "b": ', "an unterminated string before deep brackets"],
    ['"\n', "a lone quote and a line break"],
    ['{"a": "x\\\n", "b": ', "an escaped line break"],
    ['{"a\\": ', "an escaped closing quote"],
  ])("never overflows the stack on malformed deep text: %j (%s)", (prefix) => {
    for (const open of ["[", "{", '{"k":']) {
      const text = `${prefix}${open.repeat(100_000)}`;
      const result = parseDocument(text);
      expect(result.document).toBeUndefined();
      expect(["too-deeply-nested", "json-syntax"]).toContain(result.diagnostics[0]?.code);
      expect(() => locatePath(text, ["a", "b"])).not.toThrow();
    }
  });

  it("accepts nesting at the limit inside unknown members, and ignores brackets in strings", () => {
    const nested = `${"[".repeat(MAX_NESTING_DEPTH - 1)}${"]".repeat(MAX_NESTING_DEPTH - 1)}`;
    const source = `{"stages": [], "extra": ${nested}, "s": "${"[".repeat(500)}"}`;
    expect(codes(source)).toEqual([]);
    expect(codes(`{"stages": [], "extra": [${nested}]}`)).toEqual(["too-deeply-nested"]);
  });

  it("handles huge arrays: a long top-level array, and a million bad stages reported once with a count", () => {
    expect(codes(`[${"0,".repeat(1_000_000)}0]`)).toEqual(["not-a-pipeline"]);
    const { diagnostics } = parseDocument(`{"stages": [${"1,".repeat(999_999)}1]}`);
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics[100]?.message).toContain("not shown: 999900");
  });

  it("keeps __proto__ and constructor keys as data without touching Object.prototype", () => {
    const source = text({ stages: [], constructor: { prototype: { polluted: 1 } } }).replace(
      '"stages": [],',
      '"stages": [],\n  "__proto__": {\n    "polluted": true\n  },',
    );
    const { document } = parseDocument(source);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(Object.getPrototypeOf(document?.pipeline)).toBe(Object.prototype);
    expect(Object.keys(document!.pipeline)).toEqual(["stages", "__proto__", "constructor"]);
    expect(serializeDocument(document!)).toBe(source);
  });

  it("never throws on non-string input from untyped callers", () => {
    expect(codes(undefined as unknown as string)).toEqual(["not-a-pipeline"]);
  });
});

function action(members: Record<string, unknown>): unknown {
  const base = PIPELINE.stages[0]!.actions[0]!;
  return { ...PIPELINE, stages: [{ name: "s", actions: [{ ...base, ...members }] }] };
}

function stage(members: Record<string, unknown>): unknown {
  return { ...PIPELINE, stages: [{ ...PIPELINE.stages[0], ...members }] };
}
