import { setConfigurationValue } from "../../../shared/pipeline/operations";
import { KEY_MARK } from "../../../shared/pipeline/member-keys";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, serializeDocument, stringifyCanonical } from "../../../shared/formats";
import { writeCanonical } from "../../../shared/formats/canonical-json";
import { updateDocumentPipeline } from "../../../shared/pipeline/document";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/aws");
const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));

function parse(text: string) {
  const { document, diagnostics } = parseDocument(text);
  if (!document) throw new Error(`did not parse: ${JSON.stringify(diagnostics)}`);
  return document;
}

describe("serializeDocument", () => {
  it("has AWS example fixtures to round-trip", () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(12);
  });

  it.each(fixtureFiles)("writes %s back byte for byte after open + save", (file) => {
    const text = readFileSync(resolve(FIXTURES, file), "utf8");
    expect(serializeDocument(parse(text))).toBe(text);
  });

  it("writes 2-space JSON with a trailing newline in document order", () => {
    const text = serializeDocument(parse('{"stages":[],"b":{"y":1,"x":[]},"a":{}}'));
    expect(text).toBe('{\n  "stages": [],\n  "b": {\n    "y": 1,\n    "x": []\n  },\n  "a": {}\n}\n');
  });

  it("keeps the file's order of integer-like keys, which JS objects would move first", () => {
    const text =
      '{\n  "stages": [],\n  "b": 1,\n  "10": {\n    "z": true,\n    "2": null,\n    "1": "x"\n  },\n  "0": []\n}\n';
    const doc = parse(text);
    // The model marks integer-like keys (member-keys.ts), so its objects list them in file order.
    expect(Object.keys(doc.pipeline)).toEqual(["stages", "b", `${KEY_MARK}10`, `${KEY_MARK}0`]);
    expect(serializeDocument(doc)).toBe(text);
  });

  it("keeps integer-like key order in untouched parts after an edit", () => {
    const text =
      '{\n  "pipeline": {\n    "stages": [],\n    "x": {\n      "b": 1,\n      "7": 2\n    }\n  },\n  "tags": []\n}\n';
    const edited = updateDocumentPipeline(parse(text), (p) => ({ ...p, name: "renamed" }));
    expect(serializeDocument(edited)).toContain(
      '"x": {\n      "b": 1,\n      "7": 2\n    },\n    "name": "renamed"',
    );
  });

  it("keeps integer-like key order in the edited object itself, across JSON and structured clone", () => {
    const text =
      '{\n  "pipeline": {\n    "stages": [\n      {\n        "name": "S",\n        "actions": [\n          {\n            "name": "A",\n            "actionTypeId": {},\n            "configuration": {\n              "b": "1",\n              "7": "2"\n            }\n          }\n        ]\n      }\n    ]\n  }\n}\n';
    const doc = parse(text);
    for (const transport of [(d: unknown) => JSON.parse(JSON.stringify(d)) as unknown, structuredClone]) {
      const carried = transport(doc) as typeof doc;
      const edited = updateDocumentPipeline(carried, (p) =>
        setConfigurationValue(
          setConfigurationValue(p, { stage: 0, action: 0 }, "b", "x"),
          { stage: 0, action: 0 },
          "3",
          "y",
        ),
      );
      const saved = serializeDocument(transport(edited) as typeof doc);
      expect(saved).toContain(
        '"configuration": {\n              "b": "x",\n              "7": "2",\n              "3": "y"\n            }',
      );
      expect(serializeDocument(parse(saved))).toBe(saved);
    }
  });

  it("repeated keys keep the last value at the first position, as JSON.parse does", () => {
    expect(serializeDocument(parse('{"stages":[],"a":1,"b":2,"a":3}'))).toBe(
      '{\n  "stages": [],\n  "a": 3,\n  "b": 2\n}\n',
    );
    expect(serializeDocument(parse('{"stages":[],"1":1,"b":2,"1":3}'))).toBe(
      '{\n  "stages": [],\n  "1": 3,\n  "b": 2\n}\n',
    );
  });

  it("skips undefined members as JSON.stringify does (an operation may leave one)", () => {
    const doc = parse('{"stages": []}');
    const edited = { ...doc, pipeline: { ...doc.pipeline, runOrder: undefined, name: "n" } };
    expect(serializeDocument(edited)).toBe('{\n  "stages": [],\n  "name": "n"\n}\n');
    expect(writeCanonical([undefined, 1])).toBe("[\n  null,\n  1\n]");
    expect(writeCanonical({ a: undefined, f: () => 1, d: new Date(0) })).toBe(
      '{\n  "d": "1970-01-01T00:00:00.000Z"\n}',
    );
  });

  it("writes the edited pipeline when root and pipeline were separated by a transport", () => {
    const doc = parse('{"pipeline": {"stages": []}, "tags": []}');
    const copied = JSON.parse(JSON.stringify(doc)) as typeof doc;
    const edited = { ...copied, pipeline: { ...copied.pipeline, name: "new" } };
    expect(serializeDocument(edited)).toBe(
      '{\n  "pipeline": {\n    "stages": [],\n    "name": "new"\n  },\n  "tags": []\n}\n',
    );
  });

  it("writes unusual strings and numbers exactly as JSON.stringify does", () => {
    const value = {
      s: 'quote " backslash \\ \u0000 \u2028 😀 \ud800',
      n: [0, -0, 1e21, 1.5e-7, 2 ** 53 + 1],
    };
    expect(stringifyCanonical(value)).toBe(JSON.stringify(value, null, 2));
  });
});
