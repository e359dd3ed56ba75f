import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergePipelines, samePipeline, withServiceDefaults } from "../../../shared/diff";
import type { PipelineDeclaration, StageDeclaration } from "../../../shared/pipeline/model";
import { actionArb, editedFrom, otherThan, pipelineArb } from "./merge-arbitrary";

const RUNS = 300;

/** A base and another pipeline: an edit of the base or an unrelated one. */
const baseAndOther = pipelineArb.chain((base) => otherThan(base).map((other) => ({ base, other })));

/** The pipeline as GetPipeline reports it: service defaults filled in, secrets masked. */
function asRemote(p: PipelineDeclaration): PipelineDeclaration {
  const remote = withServiceDefaults(structuredClone(p));
  for (const stage of remote.stages)
    for (const action of stage.actions)
      if (action.configuration?.["OAuthToken"] !== undefined) action.configuration["OAuthToken"] = "****";
  return remote;
}

/** The pipeline as a document may hold it: defaults left to the service, the real secret in place. */
function asDocument(p: PipelineDeclaration): PipelineDeclaration {
  const document = structuredClone(p);
  if (document.executionMode === "SUPERSEDED") delete document.executionMode;
  if (document.pipelineType === "V1") delete document.pipelineType;
  for (const stage of document.stages) {
    for (const action of stage.actions) {
      if (action.runOrder === 1) delete action.runOrder;
      if (action.inputArtifacts?.length === 0) delete action.inputArtifacts;
      if (action.configuration?.["OAuthToken"] !== undefined)
        action.configuration["OAuthToken"] = "real-secret";
      if (action.configuration !== undefined && Object.keys(action.configuration).length === 0)
        delete action.configuration;
    }
  }
  return document;
}

function stageNames(p: PipelineDeclaration): string[] {
  return p.stages.map((s) => s.name);
}

/** Whether two stages are the same for the service (defaults filled in, masks match). */
function sameStage(a: StageDeclaration | undefined, b: StageDeclaration | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const wrap = (s: StageDeclaration): PipelineDeclaration => ({ name: "p", roleArn: "r", stages: [s] });
  return samePipeline(wrap(a), wrap(b));
}

describe("mergePipelines properties", () => {
  it("merge(base, x, base) is x: the remote's changes alone come through whole", () => {
    fc.assert(
      fc.property(baseAndOther, ({ base, other }) => {
        const { pipeline, conflicts } = mergePipelines(base, other, structuredClone(base));
        expect(conflicts).toEqual([]);
        expect(samePipeline(pipeline, other)).toBe(true);
        expect(stageNames(pipeline)).toEqual(stageNames(other));
        expect(pipeline.version).toBe(other.version);
      }),
      { numRuns: RUNS },
    );
  });

  it("merge(base, x, base) is x when base and x are as GetPipeline reports them and base as a document has it", () => {
    fc.assert(
      fc.property(baseAndOther, ({ base, other }) => {
        const remote = asRemote(other);
        const { pipeline, conflicts } = mergePipelines(asRemote(base), remote, asDocument(base));
        expect(conflicts).toEqual([]);
        expect(samePipeline(pipeline, remote)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("merge(base, base, x) is x exactly, with the remote's version", () => {
    fc.assert(
      fc.property(baseAndOther, ({ base, other }) => {
        const { pipeline, conflicts } = mergePipelines(base, structuredClone(base), other);
        expect(conflicts).toEqual([]);
        expect(pipeline).toEqual({ ...other, version: base.version });
        expect(stageNames(pipeline)).toEqual(stageNames(other));
      }),
      { numRuns: RUNS },
    );
  });

  it("merge(base, x, x) is x: the same change on both sides is no conflict", () => {
    fc.assert(
      fc.property(baseAndOther, ({ base, other }) => {
        const { pipeline, conflicts } = mergePipelines(base, other, structuredClone(other));
        expect(conflicts).toEqual([]);
        expect(samePipeline(pipeline, other)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("resolves only what it reports: without conflicts, both preferences give the same merge", () => {
    const three = pipelineArb.chain((base) =>
      fc.tuple(otherThan(base), otherThan(base)).map(([theirs, ours]) => ({ base, theirs, ours })),
    );
    fc.assert(
      fc.property(three, ({ base, theirs, ours }) => {
        const mine = mergePipelines(base, theirs, ours);
        const their = mergePipelines(base, theirs, ours, { prefer: "theirs" });
        if (mine.conflicts.length === 0) expect(their.pipeline).toEqual(mine.pipeline);
        for (const conflict of mine.conflicts) expect(conflict.message.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it("never makes two stages, or two actions in a stage, of one name, whichever side wins", () => {
    const three = pipelineArb.chain((base) =>
      fc.tuple(otherThan(base), otherThan(base)).map(([theirs, ours]) => ({ base, theirs, ours })),
    );
    const unique = (names: string[]) => new Set(names).size === names.length;
    fc.assert(
      fc.property(three, fc.constantFrom("ours" as const, "theirs" as const), (c, prefer) => {
        const { pipeline } = mergePipelines(c.base, c.theirs, c.ours, { prefer });
        expect(unique(stageNames(pipeline))).toBe(true);
        for (const stage of pipeline.stages) expect(unique(stage.actions.map((a) => a.name))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws, whatever JSON it is given", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (b, t, o) => {
        const as = (v: unknown) => v as PipelineDeclaration;
        expect(() => mergePipelines(as(b), as(t), as(o))).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
});

type Side = "theirs" | "ours";

/** What one side does to a stage it owns. */
type StageEdit =
  | { kind: "none" }
  | { kind: "config"; action: number }
  | { kind: "addAction" }
  | { kind: "removeAction"; action: number }
  | { kind: "rename" }
  | { kind: "remove" };

const stageEditArb: fc.Arbitrary<StageEdit> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("config" as const), action: fc.nat() }),
  fc.constant({ kind: "addAction" as const }),
  fc.record({ kind: fc.constant("removeAction" as const), action: fc.nat() }),
  fc.constant({ kind: "rename" as const }),
  fc.constant({ kind: "remove" as const }),
);

interface DisjointCase {
  base: PipelineDeclaration;
  owners: Side[];
  theirs: PipelineDeclaration;
  ours: PipelineDeclaration;
  /** Per base stage: the name it ends with on its owner's side, or null when its owner removed it. */
  finalNames: (string | null)[];
  added: { theirs: string | null; ours: string | null };
}

/** One side's edits: only to the stages it owns, plus one pipeline member of its own. */
function editSide(
  base: PipelineDeclaration,
  side: Side,
  owners: Side[],
  edits: StageEdit[],
  addAfter: number | null,
  newAction: PipelineDeclaration["stages"][number]["actions"][number],
): { pipeline: PipelineDeclaration; finalNames: (string | null)[]; added: string | null } {
  const pipeline = structuredClone(base);
  const finalNames = base.stages.map((s) => s.name as string | null);
  const removed = new Set<StageDeclaration>();
  pipeline.stages.forEach((stage, i) => {
    if (owners[i] !== side) return;
    const edit = edits[i] ?? { kind: "none" };
    const actions = stage.actions;
    switch (edit.kind) {
      case "config": {
        const action = actions[edit.action % actions.length]!;
        action.configuration = { ...action.configuration, Mode: `${side}-mode` };
        break;
      }
      case "addAction":
        actions.push({ ...structuredClone(newAction), name: `Added-${side}` });
        break;
      case "removeAction":
        if (actions.length > 1) actions.splice(edit.action % actions.length, 1);
        break;
      case "rename":
        stage.name = `${stage.name}-${side}`;
        finalNames[i] = stage.name;
        break;
      case "remove":
        removed.add(stage);
        finalNames[i] = null;
        break;
      case "none":
        break;
    }
  });
  const owned = pipeline.stages.filter((s, i) => owners[i] === side && !removed.has(s));
  let added: string | null = null;
  if (addAfter !== null && owned.length > 0) {
    const after = owned[addAfter % owned.length]!;
    added = `Added-${side}`;
    pipeline.stages.splice(pipeline.stages.indexOf(after) + 1, 0, {
      name: added,
      actions: [{ ...structuredClone(newAction), name: "Z" }],
    });
  }
  pipeline.stages = pipeline.stages.filter((s) => !removed.has(s));
  if (side === "theirs") {
    pipeline.executionMode = "PARALLEL";
    pipeline.version = (base.version ?? 0) + 1;
  } else {
    pipeline.variables = [{ name: "Mine", defaultValue: "1" }];
  }
  return { pipeline, finalNames, added };
}

const disjointArb: fc.Arbitrary<DisjointCase> = pipelineArb
  .filter((p) => p.stages.length >= 2)
  .chain((base) => {
    const n = base.stages.length;
    const sides = fc.array(fc.constantFrom<Side>("theirs", "ours"), { minLength: n, maxLength: n });
    const edits = fc.array(stageEditArb, { minLength: n, maxLength: n });
    return fc
      .record({
        owners: sides,
        theirEdits: edits,
        ourEdits: edits,
        theirAdd: fc.option(fc.nat(), { nil: null }),
        ourAdd: fc.option(fc.nat(), { nil: null }),
        action: actionArb,
      })
      .map(({ owners, theirEdits, ourEdits, theirAdd, ourAdd, action }) => {
        const t = editSide(base, "theirs", owners, theirEdits, theirAdd, action);
        const o = editSide(base, "ours", owners, ourEdits, ourAdd, action);
        const finalNames = owners.map((owner, i) =>
          owner === "theirs" ? t.finalNames[i]! : o.finalNames[i]!,
        );
        return {
          base,
          owners,
          theirs: t.pipeline,
          ours: o.pipeline,
          finalNames,
          added: { theirs: t.added, ours: o.added },
        };
      });
  });

describe("mergePipelines with disjoint changes", () => {
  it("contains both sides' changes, without conflicts, each side's stage order kept", () => {
    fc.assert(
      fc.property(disjointArb, (c) => {
        const { pipeline, conflicts } = mergePipelines(c.base, c.theirs, c.ours);
        expect(conflicts).toEqual([]);
        const merged = new Map(pipeline.stages.map((s) => [s.name, s]));
        const expectedNames = new Set<string>();
        c.base.stages.forEach((stage, i) => {
          const final = c.finalNames[i]!;
          const owner = c.owners[i] === "theirs" ? c.theirs : c.ours;
          if (final === null) {
            expect(merged.has(stage.name)).toBe(false);
            return;
          }
          expectedNames.add(final);
          expect(
            sameStage(
              merged.get(final),
              owner.stages.find((s) => s.name === final),
            ),
          ).toBe(true);
        });
        for (const side of ["theirs", "ours"] as const) {
          const added = c.added[side];
          if (added === null) continue;
          expectedNames.add(added);
          expect(
            sameStage(
              merged.get(added),
              c[side].stages.find((s) => s.name === added),
            ),
          ).toBe(true);
        }
        expect(new Set(stageNames(pipeline))).toEqual(expectedNames);
        expect(pipeline.executionMode).toBe("PARALLEL");
        expect(pipeline.variables).toEqual([{ name: "Mine", defaultValue: "1" }]);
        expect(pipeline.version).toBe(c.theirs.version);
        // Neither side reordered anything, so the merge keeps both sides' relative orders.
        for (const side of [c.theirs, c.ours]) {
          const names = new Set(stageNames(side));
          const inMerge = new Set(stageNames(pipeline));
          expect(stageNames(pipeline).filter((n) => names.has(n))).toEqual(
            stageNames(side).filter((n) => inMerge.has(n)),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps the document's own unknown member next to any remote edits", () => {
    fc.assert(
      fc.property(
        pipelineArb.chain((base) => editedFrom(base).map((theirs) => ({ base, theirs }))),
        ({ base, theirs }) => {
          const ours = structuredClone(base);
          ours["x-local"] = "kept";
          const { pipeline, conflicts } = mergePipelines(base, theirs, ours);
          expect(conflicts).toEqual([]);
          expect(pipeline["x-local"]).toBe("kept");
          expect(samePipeline(pipeline, { ...theirs, "x-local": "kept" })).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
