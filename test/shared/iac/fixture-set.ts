/**
 * Every pipeline in the project's fixture folders, for the IaC round-trip and validation tests.
 * The folders are scanned, so a fixture set added later (test/fixtures/real-world/) is covered
 * without touching the tests. Derived files (golden exports) and execution records are skipped.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { exportPipeline, parseDocument } from "../../../shared/formats";
import { updateDocumentPipeline } from "../../../shared/pipeline/document";
import type { PipelineDeclaration, PipelineDocument, PipelineType } from "../../../shared/pipeline/model";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const SKIPPED = ["executions", join("golden", "exports")];

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return SKIPPED.includes(relative(FIXTURES, path)) ? [] : walk(path);
      return name.endsWith(".json") ? [path] : [];
    });
}

/** One fixture pipeline: its name (path under test/fixtures), document and the type to export as. */
export interface PipelineFixture {
  name: string;
  document: PipelineDocument;
  pipelineType: PipelineType;
}

/** The type to export a document as: its own, or V2 when it has none or V1 would refuse it. */
function exportType(doc: PipelineDocument): PipelineType {
  const own = doc.pipeline.pipelineType;
  if (own === "V1" && exportPipeline(doc, { pipelineType: "V1" }).text !== undefined) return "V1";
  return "V2";
}

/** Every fixture file that parses as a pipeline document. */
export const PIPELINE_FIXTURES: readonly PipelineFixture[] = walk(FIXTURES).flatMap((path) => {
  const { document } = parseDocument(readFileSync(path, "utf8"));
  return document === undefined
    ? []
    : [{ name: relative(FIXTURES, path), document, pipelineType: exportType(document) }];
});

/**
 * A fixture with members the IaC formats have no property for (unknown members, a rule timeout,
 * blockers, environment variables, output files), to test that they travel and come back.
 */
export function withUnmappedMembers(): PipelineDocument {
  const base = PIPELINE_FIXTURES.find((f) => f.name.endsWith("v2-stage-conditions.json"));
  if (base === undefined) throw new Error("fixture v2-stage-conditions.json is missing");
  return updateDocumentPipeline(base.document, (p) => {
    const copy = structuredClone(p) as PipelineDeclaration & Record<string, unknown>;
    copy["futurePipelineMember"] = { enabled: true };
    const stage = copy.stages[1]!;
    (stage as Record<string, unknown>)["futureStageMember"] = "x";
    stage.blockers = [{ name: "b", type: "Schedule" }];
    const action = stage.actions[0]!;
    action.environmentVariables = [{ name: "A", value: "1" }];
    action.outputArtifacts = [{ name: "BuildArtifact", files: ["dist/**"] }];
    stage.onSuccess!.conditions[0]!.rules![0]!.timeoutInMinutes = 60;
    return copy;
  });
}
