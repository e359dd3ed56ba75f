import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePipeline } from "../../bench/generate";
import { layout, LayoutCache } from "../../../shared/layout";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { renameAction, setConfigurationValue } from "../../../shared/pipeline/operations";
import { validatePipeline } from "../../../shared/validate";
import { editSession, versionsOf } from "../validate/edit-sequence";
import { build, pipelineOf, source } from "./pipelines";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What layout accepts: stages and actions are lists of objects (what parseDocument guarantees). */
function layoutable(value: unknown): value is PipelineDeclaration {
  if (!isRecord(value) || !Array.isArray(value["stages"])) return false;
  return value["stages"].every(
    (stage) =>
      isRecord(stage) && Array.isArray(stage["actions"]) && stage["actions"].every((a) => isRecord(a)),
  );
}

describe("layout with a cache", () => {
  it("gives exactly what a fresh layout gives, over random editing sessions and view options", () => {
    const cache = new LayoutCache();
    fc.assert(
      fc.property(
        editSession(),
        fc.array(fc.boolean(), { maxLength: 6 }),
        fc.boolean(),
        (session, collapse, showArtifactEdges) => {
          for (const version of versionsOf(session).filter(layoutable)) {
            const stageIds = layout(version)
              .nodes.filter((n) => n.type === "stage")
              .map((n) => n.id);
            const options = {
              diagnostics: validatePipeline(version),
              collapsedStages: new Set(stageIds.filter((_, i) => collapse[i] === true)),
              showArtifactEdges,
            };
            expect(layout(version, { ...options, cache })).toEqual(layout(version, options));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hands back the lanes an edit did not touch as the same objects", () => {
    const cache = new LayoutCache();
    const before = generatePipeline(60, 6);
    const after = setConfigurationValue(before, { stage: 3, action: 2 }, "ProjectName", "renamed");
    const first = layout(before, { diagnostics: validatePipeline(before), cache });
    const second = layout(after, { diagnostics: validatePipeline(after), cache });
    const changed = second.nodes.filter((node, i) => node !== first.nodes[i]).map((n) => n.id);
    // Stage 3's lane is laid out again (its object changed); every other node is reused as is.
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((id) => id === "transition:Stage-3" || id.includes("Stage-3"))).toBe(true);
    expect(second.edges).toBe(first.edges);
    expect(second.dropZones).toBe(first.dropZones);
  });

  it("lays a lane out again when its diagnostics change, though its stage did not", () => {
    const cache = new LayoutCache();
    const pipeline = generatePipeline(30, 3);
    const diagnostics = [
      { code: "x", severity: "error" as const, path: ["stages", 1, "actions", 0], message: "m" },
    ];
    const clean = layout(pipeline, { diagnostics: [], cache });
    const flagged = layout(pipeline, { diagnostics, cache });
    expect(flagged).toEqual(layout(pipeline, { diagnostics }));
    const action = flagged.nodes.find((n) => n.id === "action:Stage-1/Build-1-1");
    expect(action?.type === "action" ? action.data.diagnostics.error : undefined).toBe(1);
    expect(clean.nodes.find((n) => n.id === "action:Stage-1/Build-1-1")).not.toBe(action);
  });

  it("draws an edge backward once a runOrder change makes the producer run after its consumer", () => {
    const cache = new LayoutCache();
    const stage = (producerOrder: number) => ({
      name: "Build",
      actions: [
        build("Test", { runOrder: 2, inputArtifacts: [{ name: "Built" }] }),
        build("Compile", { runOrder: producerOrder, outputArtifacts: [{ name: "Built" }] }),
      ],
    });
    const sourceStage = { name: "Source", actions: [source("Src", "Code")] };
    const forward = layout(pipelineOf(sourceStage, stage(1)), { cache });
    expect(forward.edges.map((e) => e.data.backward)).toEqual([false]);
    const moved = pipelineOf(sourceStage, stage(3));
    expect(layout(moved, { cache })).toEqual(layout(moved));
    expect(layout(moved, { cache }).edges.map((e) => e.data.backward)).toEqual([true]);
  });

  it("keeps the edges a rename does not touch as the same objects", () => {
    const cache = new LayoutCache();
    const before = generatePipeline(60, 6);
    const first = layout(before, { cache });
    const after = renameAction(before, { stage: 2, action: 1 }, "Renamed");
    const second = layout(after, { cache });
    expect(second).toEqual(layout(after));
    const known = new Set(first.edges);
    const fresh = second.edges.filter((e) => !known.has(e));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((e) => e.source.endsWith("/Renamed") || e.target.endsWith("/Renamed"))).toBe(true);
  });
});
