import { describe, expect, it } from "vitest";
import { createPathLocator, locatePath } from "../../../shared/formats";

const TEXT = `{
  "pipeline": {
    "name": "p",
    "stages": [
      {
        "name": "Source",
        "actions": []
      },
      { "name": "Build", "actions": [ { "name": "b" } ] }
    ]
  }
}
`;

describe("locatePath", () => {
  it.each([
    [["pipeline"], 2, 3],
    [["pipeline", "name"], 3, 5],
    [["pipeline", "stages", 0], 5, 7],
    [["pipeline", "stages", 0, "actions"], 7, 9],
    [["pipeline", "stages", 1, "name"], 9, 9],
    [["pipeline", "stages", 1, "actions", 0, "name"], 9, 41],
  ] as const)("puts %j at its key or first character: %i:%i", (path, line, column) => {
    expect(locatePath(TEXT, path)).toEqual({ line, column });
  });

  it("locates a missing member at the deepest part of its path that exists", () => {
    expect(locatePath(TEXT, ["pipeline", "stages", 0, "actions", 0, "name"])).toEqual({ line: 7, column: 9 });
    expect(locatePath(TEXT, ["pipeline", "roleArn"])).toEqual({ line: 2, column: 3 });
    expect(locatePath(TEXT, ["nothing", "here"])).toEqual({ line: 1, column: 1 });
  });

  it("does not count a BOM as a column, and handles \\r\\n", () => {
    expect(locatePath(`\uFEFF{"a": 1, "b": 2}`, ["b"])).toEqual({ line: 1, column: 10 });
    expect(locatePath('{\r\n  "a": {\r\n    "b": 1\r\n  }\r\n}', ["a", "b"])).toEqual({ line: 3, column: 5 });
  });

  it("finds members with hostile names", () => {
    const text = '{\n  "__proto__": {\n    "constructor": 1\n  }\n}';
    expect(locatePath(text, ["__proto__", "constructor"])).toEqual({ line: 3, column: 5 });
  });

  it("still locates paths in text with a syntax error after them", () => {
    expect(createPathLocator('{\n  "a": {"b": 1},\n  "c": }')(["a", "b"])).toEqual({ line: 2, column: 9 });
  });

  it("returns undefined when there is no JSON value at all", () => {
    expect(locatePath("", ["a"])).toBeUndefined();
  });

  it("answers every path of a large file right", () => {
    const stages = Array.from({ length: 2000 }, (_, i) => ({ name: `s${i}`, actions: [{ name: "a" }] }));
    const big = JSON.stringify({ stages }, null, 2);
    for (let i = 0; i < 2000; i++)
      expect(locatePath(big, ["stages", i, "actions", 0, "name"])?.line).toBe(8 * i + 7);
  });
});
