import { describe, expect, it } from "vitest";
import { exportPipeline, parseDocument } from "../../../shared/formats";
import type { PipelineDocument } from "../../../shared/pipeline/model";

function parse(value: unknown): PipelineDocument {
  const { document, diagnostics } = parseDocument(JSON.stringify(value));
  if (!document) throw new Error(`did not parse: ${JSON.stringify(diagnostics)}`);
  return document;
}

const source = {
  name: "Source",
  actions: [{ name: "S", actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" } }],
};
const commands = {
  name: "Cmd",
  actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
};
const build = {
  name: "B",
  actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
};
const v2Pipeline = {
  name: "p",
  roleArn: "arn:aws:iam::111122223333:role/r",
  stages: [
    source,
    { name: "Build", actions: [commands, build, commands], onFailure: { result: "ROLLBACK" } },
    { name: "Test", actions: [build], beforeEntry: { conditions: [] } },
  ],
  executionMode: "QUEUED",
  variables: [{ name: "v" }],
  triggers: [],
};

describe("exportPipeline", () => {
  it("exports create-pipeline input with tags, in the file's order", () => {
    const doc = parse({ tags: [{ key: "k", value: "v" }], pipeline: { name: "p", stages: [] } });
    const { text, diagnostics, dropped } = exportPipeline(doc, { pipelineType: "V2" });
    expect(diagnostics).toEqual([]);
    expect(dropped).toEqual([]);
    expect(text).toBe(
      '{\n  "tags": [\n    {\n      "key": "k",\n      "value": "v"\n    }\n  ],\n  "pipeline": {\n    "name": "p",\n    "stages": [],\n    "pipelineType": "V2"\n  }\n}\n',
    );
  });

  it("never exports metadata or unknown top-level members, and wraps a bare pipeline", () => {
    const out = (value: unknown) =>
      JSON.parse(exportPipeline(parse(value), { pipelineType: "V2" }).text!) as object;
    expect(Object.keys(out({ pipeline: { stages: [] }, metadata: { pipelineArn: "a" } }))).toEqual([
      "pipeline",
    ]);
    expect(Object.keys(out({ pipeline: { stages: [] }, $schema: "x", tags: [] }))).toEqual([
      "pipeline",
      "tags",
    ]);
    expect(out({ stages: [], name: "bare" })).toEqual({
      pipeline: { stages: [], name: "bare", pipelineType: "V2" },
    });
  });

  it("sets pipelineType in place when present, else where the API orders it", () => {
    const keys = (pipeline: object, type: "V1" | "V2" = "V1") =>
      Object.keys(
        (JSON.parse(exportPipeline(parse(pipeline), { pipelineType: type }).text!) as { pipeline: object })
          .pipeline,
      );
    expect(keys({ pipelineType: "V2", name: "p", stages: [] }, "V2")).toEqual([
      "pipelineType",
      "name",
      "stages",
    ]);
    expect(keys({ name: "p", stages: [], version: 2, extra: 1 })).toEqual([
      "name",
      "stages",
      "version",
      "pipelineType",
      "extra",
    ]);
    expect(keys({ extra: 1, stages: [], name: "p" })).toEqual(["extra", "stages", "name", "pipelineType"]);
    expect(
      keys({ stages: [], executionMode: "SUPERSEDED", variables: undefined, triggers: [] }, "V2"),
    ).toEqual(["stages", "executionMode", "pipelineType", "triggers"]);
    expect(keys({ extra: 1, stages: [] }, "V2").slice(-1)).toEqual(["pipelineType"]);
    const v1 = JSON.parse(
      exportPipeline(parse({ pipelineType: "V2", stages: [] }), { pipelineType: "V1" }).text!,
    );
    expect(v1.pipeline.pipelineType).toBe("V1");
  });

  it("exports V2 features unchanged for V2", () => {
    const result = exportPipeline(parse(v2Pipeline), { pipelineType: "V2" });
    expect(JSON.parse(result.text!)).toEqual({ pipeline: { ...v2Pipeline, pipelineType: "V2" } });
  });

  it("refuses V1 with one v2-feature-in-v1 error per feature, paths from the document root", () => {
    for (const [doc, prefix] of [
      [parse({ pipeline: v2Pipeline }), ["pipeline"]],
      [parse(v2Pipeline), []],
    ] as const) {
      const result = exportPipeline(doc, { pipelineType: "V1" });
      expect(result.text).toBeUndefined();
      expect(result.dropped).toEqual([]);
      expect(result.diagnostics.every((d) => d.code === "v2-feature-in-v1" && d.severity === "error")).toBe(
        true,
      );
      expect(result.diagnostics.map((d) => d.path).sort()).toEqual(
        [
          ["stages", 1, "actions", 0],
          ["stages", 1, "actions", 2],
          ["stages", 1, "onFailure"],
          ["stages", 2, "beforeEntry"],
          ["executionMode"],
          ["variables"],
          ["triggers"],
        ]
          .map((path) => [...prefix, ...path])
          .sort(),
      );
    }
  });

  it("with dropUnsupported, deletes exactly the V2 features (elements from the end) and reports them", () => {
    const result = exportPipeline(parse({ pipeline: v2Pipeline, tags: [] }), {
      pipelineType: "V1",
      dropUnsupported: true,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.dropped.map((f) => f.path)).toEqual(
      expect.arrayContaining([["stages", 1, "actions", 0], ["stages", 1, "actions", 2], ["triggers"]]),
    );
    expect(result.dropped).toHaveLength(7);
    expect(JSON.parse(result.text!)).toEqual({
      pipeline: {
        name: "p",
        roleArn: "arn:aws:iam::111122223333:role/r",
        stages: [source, { name: "Build", actions: [build] }, { name: "Test", actions: [build] }],
        pipelineType: "V1",
      },
      tags: [],
    });
  });

  it("exports a V1 pipeline without V2 features the same with or without dropUnsupported", () => {
    const doc = parse({ pipeline: { name: "p", stages: [source], executionMode: "SUPERSEDED" } });
    const plain = exportPipeline(doc, { pipelineType: "V1" });
    expect(plain.text).toBeDefined();
    expect(exportPipeline(doc, { pipelineType: "V1", dropUnsupported: true })).toEqual(plain);
  });

  it("does not change the document it exports", () => {
    const doc = parse({ pipeline: v2Pipeline });
    const before = JSON.stringify(doc);
    exportPipeline(doc, { pipelineType: "V1", dropUnsupported: true });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("keeps __proto__ members as data through export", () => {
    const text = '{"pipeline": {"stages": [], "__proto__": {"x": 1}}}';
    const { document } = parseDocument(text);
    const exported = exportPipeline(document!, { pipelineType: "V2" }).text!;
    expect(exported).toContain('"__proto__": {\n      "x": 1\n    }');
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });
});
