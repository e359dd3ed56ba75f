import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffPipelines, renderDiff } from "../../../shared/diff";
import type { ActionDeclaration, PipelineDeclaration } from "../../../shared/pipeline/model";

const actionArb: fc.Arbitrary<ActionDeclaration> = fc.record({
  name: fc.constantFrom("A", "B", "C", "D", "E"),
  actionTypeId: fc.record({
    category: fc.constant("Build" as const),
    owner: fc.constant("AWS" as const),
    provider: fc.constantFrom("CodeBuild", "Jenkins"),
    version: fc.constant("1"),
  }),
  runOrder: fc.integer({ min: 1, max: 3 }),
  configuration: fc.dictionary(
    fc.constantFrom("ProjectName", "Mode", "OAuthToken"),
    fc.constantFrom("x", "y", "****"),
  ),
});

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}

const pipelineArb: fc.Arbitrary<PipelineDeclaration> = fc
  .record({
    stages: fc.array(
      fc.record({
        name: fc.constantFrom("S1", "S2", "S3", "S4", "S5"),
        actions: fc.array(actionArb, { maxLength: 4 }),
      }),
      { maxLength: 5 },
    ),
    executionMode: fc.constantFrom("SUPERSEDED" as const, "QUEUED" as const),
  })
  .map(({ stages, executionMode }) => ({
    name: "p",
    roleArn: "arn:aws:iam::123456789012:role/r",
    executionMode,
    stages: uniqueBy(stages, (s) => s.name).map((s) => ({
      ...s,
      actions: uniqueBy(s.actions, (a) => a.name),
    })),
  }));

describe("diffPipelines properties", () => {
  it("finds nothing between a pipeline and its copy", () => {
    fc.assert(fc.property(pipelineArb, (p) => diffPipelines(p, structuredClone(p)).identical));
  });

  it("is symmetric: what is added one way is removed the other way, moves count the same", () => {
    fc.assert(
      fc.property(pipelineArb, pipelineArb, (a, b) => {
        const forward = diffPipelines(a, b).summary;
        const backward = diffPipelines(b, a).summary;
        expect(forward.stagesAdded).toBe(backward.stagesRemoved);
        expect(forward.stagesRemoved).toBe(backward.stagesAdded);
        expect(forward.stagesMoved).toBe(backward.stagesMoved);
        expect(forward.actionsAdded).toBe(backward.actionsRemoved);
        expect(forward.actionsMoved).toBe(backward.actionsMoved);
        expect(forward.actionsChanged).toBe(backward.actionsChanged);
        expect(forward.pipelineChanges).toBe(backward.pipelineChanges);
      }),
    );
  });

  it("never throws on arbitrary JSON, and always renders", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const diff = diffPipelines(a as PipelineDeclaration, b as PipelineDeclaration);
        expect(typeof renderDiff(diff)).toBe("string");
      }),
    );
  });
});
