/** Recording a deploy's version in the file: one member changes, every other byte stays. */
import { describe, expect, it } from "vitest";
import { setVersionInText } from "../../../main/aws";

describe("setVersionInText", () => {
  it("replaces an existing version in place, whatever the formatting", () => {
    const text =
      '{"pipeline": {"name": "p", "version": 3,   "roleArn": "r", "stages": []}, "metadata": {"x": 1}}';
    expect(setVersionInText(text, 12)).toEqual({ text: text.replace('"version": 3', '"version": 12') });
  });

  it("appends the member at the end of the pipeline in the file's indentation and line endings", () => {
    const text =
      '{\r\n\t"pipeline": {\r\n\t\t"name": "p",\r\n\t\t"stages": []\r\n\t},\r\n\t"tags": []\r\n}\r\n';
    expect(setVersionInText(text, 1)).toEqual({
      text: '{\r\n\t"pipeline": {\r\n\t\t"name": "p",\r\n\t\t"stages": [],\r\n\t\t"version": 1\r\n\t},\r\n\t"tags": []\r\n}\r\n',
    });
  });

  it("patches a bare pipeline at the top level and keeps a BOM", () => {
    const text = '\uFEFF{\n  "name": "p",\n  "roleArn": "r",\n  "stages": []\n}\n';
    expect(setVersionInText(text, 2)).toEqual({
      text: '\uFEFF{\n  "name": "p",\n  "roleArn": "r",\n  "stages": [],\n  "version": 2\n}\n',
    });
  });

  it("does not touch a same-named member elsewhere (an action's type version)", () => {
    const text =
      '{"pipeline":{"name":"p","stages":[{"name":"S","actions":[{"name":"A","actionTypeId":{"version":"1"}}]}],"version":1}}';
    const result = setVersionInText(text, 2);
    expect(result).toEqual({ text: text.replace('"version":1}}', '"version":2}}') });
  });

  it("refuses text that is no longer a pipeline", () => {
    expect(setVersionInText("{oops", 1)).toEqual({ problem: "The file no longer parses as a pipeline" });
  });
});
