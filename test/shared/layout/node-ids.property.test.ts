import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LayoutCache } from "../../../shared/layout";
import { assignNodeIds } from "../../../shared/layout/node-ids";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";

/**
 * The ids as one allocator for all stages' actions hands them out: the plain reading of the id
 * rules, which the per-stage allocation (and its cache) must match exactly.
 */
function referenceIds(
  pipeline: PipelineDeclaration,
): { stage: string; transition: string; actions: string[] }[] {
  const taken = { stages: new Set<string>(), actions: new Set<string>() };
  const take = (set: Set<string>, prefix: string, name: string, index: number) => {
    let key = name;
    if (set.has(prefix + key)) key = `${name}#${index}`;
    for (let n = 2; set.has(prefix + key); n++) key = `${name}#${index}.${n}`;
    set.add(prefix + key);
    return { id: prefix + key, key };
  };
  const nameOf = (value: unknown, index: number) => (typeof value === "string" ? value : `#${index}`);
  return pipeline.stages.map((stage, s) => {
    const { id, key } = take(taken.stages, "stage:", nameOf(stage.name, s), s);
    return {
      stage: id,
      transition: `transition:${key}`,
      actions: stage.actions.map((a, i) => take(taken.actions, `action:${key}/`, nameOf(a.name, i), i).id),
    };
  });
}

// Few distinct names, so repeats, "#" suffixes and slashes that make two stages' ids meet are common.
const NAME = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("a", "a/a", "a/a/a") },
  { weight: 2, arbitrary: fc.constantFrom("b", "a/b", "b/c", "a#1", "#0", "a/a#0") },
  fc.constant(undefined),
  fc.constant(7),
);
const PIPELINE = fc
  .array(fc.record({ name: NAME, actions: fc.array(fc.record({ name: NAME }), { maxLength: 4 }) }), {
    maxLength: 5,
  })
  .map((stages) => ({ stages }) as unknown as PipelineDeclaration);

describe("node ids", () => {
  it("are what one allocator for the whole pipeline gives, with and without a cache", () => {
    const cache = new LayoutCache();
    const remember = (stage: object, key: string, compute: () => readonly string[]) =>
      cache.actionIds(stage, key, compute);
    fc.assert(
      fc.property(PIPELINE, fc.nat(), (pipeline, pick) => {
        const expected = referenceIds(pipeline);
        expect(assignNodeIds(pipeline)).toEqual(expected);
        expect(assignNodeIds(pipeline, remember)).toEqual(expected);
        // The same stage objects again, in another order: remembered ids follow each stage's key.
        const stages = [...pipeline.stages];
        const [moved] = stages.splice(pick % Math.max(1, stages.length), 1);
        if (moved !== undefined) stages.push(moved);
        const reordered = { ...pipeline, stages };
        expect(assignNodeIds(reordered, remember)).toEqual(referenceIds(reordered));
      }),
      { numRuns: 1000 },
    );
  });

  it("keep two stages' actions apart when a stage name holds a slash", () => {
    const pipeline = {
      stages: [
        { name: "a", actions: [{ name: "b/c" }] },
        { name: "a/b", actions: [{ name: "c" }] },
      ],
    } as unknown as PipelineDeclaration;
    expect(assignNodeIds(pipeline).map((s) => s.actions)).toEqual([["action:a/b/c"], ["action:a/b/c#0"]]);
  });
});
