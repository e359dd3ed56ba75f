/** Comparing two runs, from the recorded structure-changed scenario (Test removed between runs). */
import { describe, expect, it } from "vitest";
import { compareRuns, type ComparedRunInput } from "../../../shared/execution";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { inputFor, load, runId, snapshot } from "./recorded";

const recorded = load("structure-changed");
const snap = snapshot(recorded, "final");
const current = snap.getPipeline.pipeline;
const oldId = runId(recorded, "old");
const newId = runId(recorded, "new");

/** The definition the old run ran: the current one with its Test stage back, one version earlier. */
function olderDefinition(): PipelineDeclaration {
  const test = {
    name: "Test",
    actions: [
      {
        name: "UnitTests",
        actionTypeId: { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" },
        configuration: { ProjectName: "tests" },
        inputArtifacts: [{ name: "BuildOutput" }],
      },
    ],
  } as PipelineDeclaration["stages"][number];
  const stages = [...current.stages];
  stages.splice(2, 0, test);
  return { ...current, stages, version: (current.version ?? 2) - 1 };
}

function runs(): { older: ComparedRunInput; newer: ComparedRunInput } {
  const older = inputFor(snap, oldId);
  const newer = inputFor(snap, newId);
  return {
    older: { ...older, definition: olderDefinition() },
    newer: { ...newer, definition: current },
  };
}

describe("compareRuns", () => {
  it("lines up durations action by action, including actions only one run has", () => {
    const { older, newer } = runs();
    const c = compareRuns(newer, older);
    expect(c.a.pipelineExecutionId).toBe(newId);
    expect(c.whole.deltaMs).toBe((c.a.durationMs ?? 0) - (c.b.durationMs ?? 0));
    const names = c.actions.map((r) => r.name);
    const onlyOld = c.actions.filter((r) => r.a === null && r.b !== null).map((r) => r.name);
    expect(onlyOld.length).toBeGreaterThan(0);
    expect(onlyOld.every((n) => n.startsWith("Test/"))).toBe(true);
    expect(names).toEqual([...new Set(names)]);
    for (const row of c.actions)
      expect(row.deltaMs).toBe(row.a !== null && row.b !== null ? row.a - row.b : null);
  });

  it("shows each source action's revision in both runs", () => {
    const { older, newer } = runs();
    const c = compareRuns(newer, older);
    expect(c.revisions.length).toBeGreaterThan(0);
    for (const r of c.revisions) {
      expect(r.a?.revisionId).toMatch(/^[0-9a-f]{40}$/);
      expect(r.same).toBe(r.a?.revisionId === r.b?.revisionId);
    }
  });

  it("diffs the definitions older to newer whichever run is selected first", () => {
    const { older, newer } = runs();
    for (const [a, b] of [
      [newer, older],
      [older, newer],
    ] as const) {
      const c = compareRuns(a, b);
      if (c.definition.kind !== "diff") throw new Error(`expected a diff, got ${c.definition.kind}`);
      expect(c.definition.toVersion).toBe(c.definition.fromVersion + 1);
      expect(c.definition.diff.stages.map((s) => `${s.kind} ${s.name}`)).toContain("removed Test");
      expect(c.definition.from).toBe(a === older ? "a" : "b");
    }
  });

  it("says when the definitions cannot be compared, and when there is nothing to compare", () => {
    const { older, newer } = runs();
    const { definition: _gone, ...noDefinition } = older;
    const missing = compareRuns(newer, noDefinition);
    expect(missing.definition).toEqual({
      kind: "unavailable",
      reason: `The service no longer has version ${olderDefinition().version} of the pipeline.`,
    });
    expect(compareRuns(newer, newer).definition).toEqual({ kind: "same-version", version: current.version });
  });
});
