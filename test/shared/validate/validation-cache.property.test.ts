import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePipeline } from "../../bench/generate";
import { updateDocumentPipeline } from "../../../shared/pipeline/document";
import type { PipelineDocument } from "../../../shared/pipeline/model";
import { renameAction, setConfigurationValue } from "../../../shared/pipeline/operations";
import { createValidationCache, validateDocument, validatePipeline } from "../../../shared/validate";
import { editSession, versionsOf } from "./edit-sequence";

describe("validation with a cache", () => {
  it("gives exactly what full validation gives, over random editing sessions", () => {
    // One cache for every session, as the editor keeps one for the whole run: findings remembered
    // for an object must hold wherever that object turns up again.
    const cache = createValidationCache();
    fc.assert(
      fc.property(editSession(), (session) => {
        for (const version of versionsOf(session)) {
          expect(validatePipeline(version, { cache })).toEqual(validatePipeline(version));
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives what full validation gives for documents, with paths from the file root", () => {
    const cache = createValidationCache();
    fc.assert(
      fc.property(editSession(6), (session) => {
        for (const pipeline of versionsOf(session)) {
          const doc = {
            shape: "create-input",
            pipeline,
            envelope: { pipeline: null },
          } as unknown as PipelineDocument;
          expect(validateDocument(doc, { cache })).toEqual(validateDocument(doc));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("reports a stage's findings at its new place after the stage moves", () => {
    const cache = createValidationCache();
    const pipeline = generatePipeline(12, 4);
    const broken = setConfigurationValue(pipeline, { stage: 2, action: 1 }, "ProjectName", undefined);
    const first = validatePipeline(broken, { cache }).filter(
      (d) => d.code === "missing-required-configuration",
    );
    expect(first.map((d) => d.path)).toEqual([["stages", 2, "actions", 1, "configuration"]]);
    const moved = {
      ...broken,
      stages: [broken.stages[0]!, broken.stages[2]!, broken.stages[1]!, broken.stages[3]!],
    };
    const after = validatePipeline(moved, { cache }).filter(
      (d) => d.code === "missing-required-configuration",
    );
    expect(after.map((d) => d.path)).toEqual([["stages", 1, "actions", 1, "configuration"]]);
  });

  it("follows a typing session on the stress pipeline keystroke by keystroke", () => {
    const cache = createValidationCache();
    const pipeline = generatePipeline(2500, 50);
    let doc: PipelineDocument = { shape: "create-input", pipeline, envelope: { pipeline: null } };
    const typed = ["", "p", "pr", "pro", "prod", "prod-", "prod-#{Nowhere.x}"];
    for (const value of typed) {
      doc = updateDocumentPipeline(doc, (p) =>
        setConfigurationValue(p, { stage: 3, action: 7 }, "ProjectName", value === "" ? undefined : value),
      );
      expect(validateDocument(doc, { cache })).toEqual(validateDocument(doc));
    }
    for (const name of ["B", "Build-3-1", "Build-3-8x"]) {
      doc = updateDocumentPipeline(doc, (p) => renameAction(p, { stage: 3, action: 7 }, name));
      expect(validateDocument(doc, { cache })).toEqual(validateDocument(doc));
    }
  });
});
