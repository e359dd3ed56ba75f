import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  exportPipeline,
  locatePath,
  parseDocument,
  serializeDocument,
  stringifyCanonical,
  toModelValue,
} from "../../../shared/formats";
import type { PipelineDeclaration, PipelineDocument } from "../../../shared/pipeline/model";
import { writeCanonical } from "../../../shared/formats/canonical-json";
import { pipelineArbitrary, withUnknownMembers } from "./pipeline-arbitrary";
import { checkOperationInput } from "./service-model-checker";

const RUNS = 200;

/** A random pipeline (with unknown members) in each of the three file shapes, in model form. */
const documents = pipelineArbitrary(true)
  .chain(withUnknownMembers)
  .map((pipeline) => toModelValue(pipeline))
  .chain((pipeline) =>
    fc.constantFrom<PipelineDocument>(
      { shape: "bare", envelope: {}, pipeline },
      { shape: "create-input", envelope: { pipeline: null, tags: [{ key: "k", value: "v" }] }, pipeline },
      { shape: "get-output", envelope: { pipeline: null, metadata: { pipelineArn: "arn" } }, pipeline },
    ),
  );

function reparse(text: string): PipelineDocument {
  const { document, diagnostics } = parseDocument(text);
  if (!document) throw new Error(`did not parse: ${JSON.stringify(diagnostics)}`);
  return document;
}

describe("round trips (property-based)", () => {
  it("parse -> serialize -> parse keeps every document unchanged, byte for byte on the second save", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const text = serializeDocument(doc);
        const parsed = reparse(text);
        expect(parsed.shape).toBe(doc.shape);
        expect(parsed.envelope).toEqual(doc.envelope);
        expect(parsed.pipeline).toEqual(doc.pipeline);
        expect(serializeDocument(parsed)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it("parse -> export -> parse gives the same pipeline with the requested pipelineType", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const exported = exportPipeline(doc, { pipelineType: "V2" });
        const parsed = reparse(exported.text!);
        expect(parsed.shape).toBe("create-input");
        expect(parsed.pipeline).toEqual({ ...doc.pipeline, pipelineType: "V2" });
        expect(exportPipeline(parsed, { pipelineType: "V2" }).text).toBe(exported.text);
      }),
      { numRuns: RUNS },
    );
  });

  it("V1 export of a pipeline without V2 features keeps it whole", () => {
    fc.assert(
      fc.property(pipelineArbitrary(false), (pipeline) => {
        const doc = reparse(stringifyCanonical(pipeline));
        const exported = exportPipeline(doc, { pipelineType: "V1" });
        expect(exported.dropped).toEqual([]);
        expect(reparse(exported.text!).pipeline).toEqual({ ...pipeline, pipelineType: "V1" });
      }),
      { numRuns: RUNS },
    );
  });

  it("exports of random model-valid pipelines conform to the service model, V2 and V1 with drops", () => {
    fc.assert(
      fc.property(
        pipelineArbitrary(true),
        fc.constantFrom("V1" as const, "V2" as const),
        (pipeline, type) => {
          const exported = exportPipeline(reparse(stringifyCanonical(pipeline)), {
            pipelineType: type,
            dropUnsupported: true,
          });
          expect(checkOperationInput("CreatePipeline", JSON.parse(exported.text!))).toEqual([]);
          const out = JSON.parse(exported.text!) as { pipeline: PipelineDeclaration };
          if (type === "V1") expect(out.pipeline.triggers ?? out.pipeline.variables).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the order-aware writer gives JSON.stringify(value, null, 2) for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(writeCanonical(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseDocument never throws (property-based)", () => {
  const neverThrows = (text: string): void => {
    const result = parseDocument(text);
    expect(Array.isArray(result.diagnostics)).toBe(true);
    if (result.document) {
      expect(() => serializeDocument(result.document!)).not.toThrow();
    } else {
      expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
    }
    for (const d of result.diagnostics) {
      if (d.location) {
        expect(d.location.line).toBeGreaterThanOrEqual(1);
        expect(d.location.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
        expect(d.location.column).toBeGreaterThanOrEqual(1);
      }
    }
  };

  it("on random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), neverThrows), { numRuns: 1000 });
  });

  it("on random bytes decoded as UTF-8", () => {
    const decoder = new TextDecoder();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => neverThrows(decoder.decode(bytes))),
      { numRuns: 1000 },
    );
  });

  it("on random JSON values (any shape), with and without a pipeline around them", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        neverThrows(JSON.stringify(value));
        neverThrows(JSON.stringify({ pipeline: value }));
        neverThrows(JSON.stringify({ stages: value }));
        neverThrows(JSON.stringify({ stages: [{ actions: value }] }));
        neverThrows(JSON.stringify({ stages: [{ actions: [{ actionTypeId: {}, configuration: value }] }] }));
      }),
      { numRuns: 500 },
    );
  });

  it("on long runs of brackets, quotes, escapes and line breaks (deep malformed text)", () => {
    const run = fc.tuple(
      fc.constantFrom('"', "\n", "\r", "\\", "[", "{", "]", "}", ":", ",", '"a":', "1"),
      fc.integer({ min: 1, max: 20_000 }),
    );
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 6 }), (runs) => {
        const text = runs.map(([piece, count]) => piece.repeat(count)).join("");
        neverThrows(text);
        expect(() => locatePath(text, ["a"])).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("on valid pipeline text with random characters deleted, inserted or replaced", () => {
    const edits = fc.array(
      fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...'{}[],:"\\ 0a\n\uFEFF')),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(documents, edits, (doc, changes) => {
        let text = serializeDocument(doc);
        for (const [at, removeCount, insert] of changes) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + removeCount);
        }
        neverThrows(text);
      }),
      { numRuns: 300 },
    );
  });
});
