/** Pipelines the gateway tests deploy: clean by shared/validate, accepted by the sandbox and moto. */
import { createDocument } from "../../../../shared/pipeline/document";
import type { PipelineDeclaration, PipelineDocument } from "../../../../shared/pipeline/model";

export const ACCOUNT = "123456789012";
export const ROLE_NAME = "pipewright-deploy-test";
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`;

/** Source -> Build -> (optional manual approval) -> Deploy. */
export function samplePipeline(name: string, options: { approval?: boolean } = {}): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE_ARN,
    artifactStore: { type: "S3", location: "pipewright-artifacts" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
            configuration: {
              S3Bucket: "pipewright-source",
              S3ObjectKey: "app.zip",
              PollForSourceChanges: "false",
            },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Compile",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: "app-build" },
            inputArtifacts: [{ name: "SourceOutput" }],
            outputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
      ...(options.approval
        ? [
            {
              name: "Approve",
              actions: [
                {
                  name: "Review",
                  actionTypeId: {
                    category: "Approval" as const,
                    owner: "AWS" as const,
                    provider: "Manual",
                    version: "1",
                  },
                },
              ],
            },
          ]
        : []),
      {
        name: "Deploy",
        actions: [
          {
            name: "Publish",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "S3", version: "1" },
            configuration: { BucketName: "pipewright-site", Extract: "true" },
            inputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
    ],
  };
}

/** A create-pipeline input document around a pipeline. */
export function createInput(
  pipeline: PipelineDeclaration,
  tags: { key: string; value: string }[] = [],
): PipelineDocument {
  return createDocument(pipeline, "create-input", tags.length > 0 ? { pipeline: null, tags } : {});
}

/** The document with a new pipeline (as an edit in the designer produces). */
export function edited(
  document: PipelineDocument,
  change: (p: PipelineDeclaration) => PipelineDeclaration,
): PipelineDocument {
  const pipeline = change(structuredClone(document.pipeline));
  return { ...document, pipeline };
}
