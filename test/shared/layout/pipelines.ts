/**
 * Pipelines for the layout tests: the AWS user-guide fixtures, parsed by the real parser, and small
 * hand-built ones where a test needs one particular shape.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDocument } from "../../../shared/formats";
import type {
  ActionDeclaration,
  PipelineDeclaration,
  StageDeclaration,
} from "../../../shared/pipeline/model";

const FIXTURE_DIR = fileURLToPath(new URL("../../fixtures/aws/", import.meta.url));

/** Every fixture file name, sorted. */
export const FIXTURE_FILES: readonly string[] = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith(".json"))
  .sort();

/** A fixture's pipeline; throws (failing the test) when it does not parse. */
export function fixturePipeline(file: string): PipelineDeclaration {
  const { document, diagnostics } = parseDocument(readFileSync(`${FIXTURE_DIR}${file}`, "utf8"));
  if (!document) throw new Error(`${file} does not parse: ${JSON.stringify(diagnostics)}`);
  return document.pipeline;
}

/** A CodeBuild action; `extra` overrides or adds members. */
export function build(name: string, extra: Partial<ActionDeclaration> = {}): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    configuration: { ProjectName: name },
    ...extra,
  };
}

/** An S3 source action writing `output`. */
export function source(name: string, output: string): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
    configuration: { S3Bucket: "bucket", S3ObjectKey: "key.zip" },
    outputArtifacts: [{ name: output }],
  };
}

/** A pipeline of the given stages. */
export function pipelineOf(...stages: StageDeclaration[]): PipelineDeclaration {
  return {
    name: "p",
    roleArn: "arn:aws:iam::111122223333:role/p",
    artifactStore: { type: "S3", location: "bucket" },
    stages,
  };
}

/**
 * Source -> Build (a group of two parallel builds, then a test group) -> Deploy, with artifacts
 * flowing through: the shape most tests poke at.
 */
export function sample(): PipelineDeclaration {
  return pipelineOf(
    { name: "Source", actions: [source("Src", "SourceOut")] },
    {
      name: "Build",
      actions: [
        build("Compile", {
          runOrder: 1,
          inputArtifacts: [{ name: "SourceOut" }],
          outputArtifacts: [{ name: "Bin" }],
        }),
        build("Lint", { runOrder: 1, inputArtifacts: [{ name: "SourceOut" }] }),
        build("Test", { runOrder: 2, inputArtifacts: [{ name: "Bin" }] }),
      ],
    },
    {
      name: "Deploy",
      actions: [
        {
          name: "ToS3",
          actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
          configuration: { BucketName: "site", Extract: "true" },
          inputArtifacts: [{ name: "Bin" }],
        },
      ],
    },
  );
}

/** `stageCount` stages of `perStage` actions each, in runOrder groups of five, artifacts chained. */
export function grid(stageCount: number, perStage: number): PipelineDeclaration {
  const stages: StageDeclaration[] = [];
  for (let s = 0; s < stageCount; s++) {
    const actions: ActionDeclaration[] = [];
    for (let a = 0; a < perStage; a++) {
      actions.push(
        build(`A${a}`, {
          runOrder: Math.floor(a / 5) + 1,
          inputArtifacts: s > 0 ? [{ name: `S${s - 1}A${a}` }] : [],
          outputArtifacts: [{ name: `S${s}A${a}` }],
        }),
      );
    }
    stages.push({ name: `Stage${s}`, actions });
  }
  return pipelineOf(...stages);
}
