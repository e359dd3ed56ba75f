import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULES, validateDocument, validatePipeline } from "../../../shared/validate";
import type { PipelineDocument } from "../../../shared/pipeline/model";
import { validPipeline, validV2Pipeline } from "./sample-pipelines";

const KNOWN_CODES = new Set(RULES.map((r) => r.code));

/** Validation must finish, return well-formed findings, and use only registered codes. */
function assertWellBehaved(input: unknown): void {
  const diagnostics = validatePipeline(input);
  for (const d of diagnostics) {
    expect(KNOWN_CODES.has(d.code)).toBe(true);
    expect(typeof d.message).toBe("string");
    expect(Array.isArray(d.path)).toBe(true);
  }
}

/** Paths in a JSON value, to pick a place to mutate. */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  }
  return out;
}

/** A copy of `root` with the value at `path` replaced (or deleted when `replacement` is the marker). */
function replaceAt(root: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === "number") {
    const copy = [...root];
    if (replacement === DELETE && rest.length === 0) copy.splice(head, 1);
    else copy[head] = replaceAt(root[head], rest, replacement);
    return copy;
  }
  if (typeof root === "object" && root !== null && typeof head === "string") {
    const entries = Object.entries(root).filter(
      ([k]) => !(k === head && replacement === DELETE && rest.length === 0),
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, k === head ? replaceAt(v, rest, replacement) : v]));
  }
  return root;
}
const DELETE = Symbol("delete");

describe("validatePipeline never throws", () => {
  it("on anything fast-check can build", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), assertWellBehaved),
      {
        numRuns: 1000,
      },
    );
  });

  it("on any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), assertWellBehaved), { numRuns: 1000 });
  });

  it("on random mutations of a valid pipeline", () => {
    const bases = [validPipeline(), validV2Pipeline()];
    const mutation = fc.record({
      base: fc.constantFrom(...bases),
      pick: fc.nat(),
      value: fc.oneof(
        fc.constant(DELETE),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(
          "__proto__",
          "#{a.b}",
          "#{variables.x}",
          "",
          "x".repeat(2000),
          -1,
          0,
          1e9,
          null,
          [],
          {},
        ),
      ),
    });
    fc.assert(
      fc.property(mutation, ({ base, pick, value }) => {
        const paths = pathsOf(base);
        const path = paths[pick % paths.length] ?? [];
        assertWellBehaved(replaceAt(base, path, value));
      }),
      { numRuns: 2000 },
    );
  });

  it("on objects with __proto__ and constructor keys, without polluting prototypes", () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"name":"x",' +
        '"stages":[{"__proto__":{"actions":[]},"name":"s","actions":[{"__proto__":{"name":"a"},' +
        '"actionTypeId":{"__proto__":{}},"configuration":{"__proto__":"#{__proto__.x}"}}]}],' +
        '"artifactStores":{"__proto__":{"type":"S3","location":"b"}}}',
    ) as unknown;
    expect(() => validatePipeline(hostile)).not.toThrow();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("on huge arrays", () => {
    const pipeline = validPipeline();
    pipeline["stages"] = Array.from({ length: 200_000 }, () => 0);
    pipeline["variables"] = Array.from({ length: 200_000 }, (_, i) => ({ name: `v${i % 7}` }));
    const diagnostics = validatePipeline(pipeline);
    expect(diagnostics.some((d) => d.code === "too-many-stages")).toBe(true);
  });

  it("validateDocument tolerates documents whose parts have the wrong types", () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom("bare", "create-input", "get-output", 7),
        fc.anything(),
        (pipeline, shape, root) => {
          const doc = { shape, pipeline, root } as unknown as PipelineDocument;
          expect(() => validateDocument(doc)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  it("validateDocument paths start at the pipeline or the tags for create-pipeline input", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), (pipeline, tags) => {
        const doc = {
          shape: "create-input",
          pipeline,
          root: { pipeline, tags },
        } as unknown as PipelineDocument;
        for (const d of validateDocument(doc)) expect(["pipeline", "tags"]).toContain(d.path[0]);
      }),
      { numRuns: 500 },
    );
  });
});
