import type {
  ActionDeclaration,
  PipelineDeclaration,
  PipelineDocument,
  StageDeclaration,
} from "../../shared/pipeline/model";
import type { TemplateSummary } from "../../shared/ipc";
import { createDocument } from "../../shared/pipeline/document";

/*
 * New documents start from these. Each one validates clean (a test holds them to that), so the
 * first thing a user sees is a pipeline without problems; the account ids, bucket and repository
 * names are placeholders the inspector will ask them to replace.
 */

const ACCOUNT = "111111111111";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/pipewright-pipeline-role`;
const CFN_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/pipewright-cloudformation-role`;
const CONNECTION_ARN = `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/00000000-0000-0000-0000-000000000000`;

function store(location: string) {
  return { type: "S3" as const, location };
}

function connectionSource(): ActionDeclaration {
  return {
    name: "Source",
    actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
    runOrder: 1,
    configuration: {
      ConnectionArn: CONNECTION_ARN,
      FullRepositoryId: "my-org/my-app",
      BranchName: "main",
      OutputArtifactFormat: "CODE_ZIP",
    },
    outputArtifacts: [{ name: "SourceOutput" }],
    namespace: "SourceVariables",
  };
}

function s3Source(): ActionDeclaration {
  return {
    name: "Source",
    actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
    runOrder: 1,
    configuration: {
      S3Bucket: `pipewright-source-${ACCOUNT}`,
      S3ObjectKey: "source.zip",
      PollForSourceChanges: "false",
    },
    outputArtifacts: [{ name: "SourceOutput" }],
  };
}

function codeBuild(projectName: string): ActionDeclaration {
  return {
    name: "Build",
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    runOrder: 1,
    configuration: { ProjectName: projectName },
    inputArtifacts: [{ name: "SourceOutput" }],
    outputArtifacts: [{ name: "BuildOutput" }],
  };
}

function manualApproval(customData: string): ActionDeclaration {
  return {
    name: "Approve",
    actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
    runOrder: 1,
    configuration: { CustomData: customData },
  };
}

function cloudFormationDeploy(name: string, stackName: string, region?: string): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: "Deploy", owner: "AWS", provider: "CloudFormation", version: "1" },
    runOrder: 1,
    configuration: {
      ActionMode: "CREATE_UPDATE",
      StackName: stackName,
      TemplatePath: "BuildOutput::template.yaml",
      Capabilities: "CAPABILITY_IAM",
      RoleArn: CFN_ROLE_ARN,
    },
    inputArtifacts: [{ name: "BuildOutput" }],
    ...(region === undefined ? {} : { region }),
  };
}

function stage(name: string, actions: ActionDeclaration[]): StageDeclaration {
  return { name, actions };
}

function createInput(pipeline: PipelineDeclaration): PipelineDocument {
  return createDocument(pipeline, "create-input", { pipeline: null, tags: [] });
}

interface Template extends TemplateSummary {
  build(): PipelineDocument;
}

const TEMPLATES: readonly Template[] = [
  {
    id: "blank-v2",
    title: "Blank V2 pipeline",
    description: "The smallest pipeline the service accepts: an S3 source and a manual approval.",
    build: () =>
      createInput({
        name: "my-pipeline",
        roleArn: ROLE_ARN,
        artifactStore: store(`pipewright-artifacts-${ACCOUNT}`),
        stages: [stage("Source", [s3Source()]), stage("Approve", [manualApproval("Review before release")])],
        pipelineType: "V2",
      }),
  },
  {
    id: "ecs-service",
    title: "Source, build, deploy to ECS",
    description: "A Git connection triggers CodeBuild, which builds an image; ECS rolls the service onto it.",
    build: () =>
      createInput({
        name: "my-app-ecs",
        roleArn: ROLE_ARN,
        artifactStore: store(`pipewright-artifacts-${ACCOUNT}`),
        stages: [
          stage("Source", [connectionSource()]),
          stage("Build", [codeBuild("my-app-image")]),
          stage("Deploy", [
            {
              name: "Deploy",
              actionTypeId: { category: "Deploy", owner: "AWS", provider: "ECS", version: "1" },
              runOrder: 1,
              configuration: {
                ClusterName: "my-cluster",
                ServiceName: "my-app",
                FileName: "imagedefinitions.json",
              },
              inputArtifacts: [{ name: "BuildOutput" }],
            },
          ]),
        ],
        executionMode: "QUEUED",
        pipelineType: "V2",
        triggers: [
          {
            providerType: "CodeStarSourceConnection",
            gitConfiguration: { sourceActionName: "Source", push: [{ branches: { includes: ["main"] } }] },
          },
        ],
      }),
  },
  {
    id: "s3-cloudformation",
    title: "S3, CodeBuild, CloudFormation with approval",
    description: "An S3 object starts a build; after a manual approval CloudFormation updates the stack.",
    build: () =>
      createInput({
        name: "my-stack-release",
        roleArn: ROLE_ARN,
        artifactStore: store(`pipewright-artifacts-${ACCOUNT}`),
        stages: [
          stage("Source", [s3Source()]),
          stage("Build", [codeBuild("my-stack-package")]),
          stage("Approve", [manualApproval("Check the change before it reaches the stack")]),
          stage("Deploy", [cloudFormationDeploy("Deploy", "my-stack")]),
        ],
        pipelineType: "V2",
      }),
  },
  {
    id: "cross-region",
    title: "Cross-region deploy",
    description: "One build deployed by CloudFormation to two regions, each with its own artifact bucket.",
    build: () =>
      createInput({
        name: "my-multi-region-release",
        roleArn: ROLE_ARN,
        artifactStores: {
          "us-east-1": store(`pipewright-artifacts-${ACCOUNT}-us-east-1`),
          "eu-west-1": store(`pipewright-artifacts-${ACCOUNT}-eu-west-1`),
        },
        stages: [
          stage("Source", [s3Source()]),
          stage("Build", [codeBuild("my-stack-package")]),
          stage("Deploy", [
            cloudFormationDeploy("Deploy-us-east-1", "my-stack", "us-east-1"),
            cloudFormationDeploy("Deploy-eu-west-1", "my-stack", "eu-west-1"),
          ]),
        ],
        pipelineType: "V2",
      }),
  },
];

/** The templates New offers, in menu order. */
export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ id, title, description }) => ({ id, title, description }));
}

/** A fresh document from template `id` (a new object each call), or undefined for an unknown id. */
export function createFromTemplate(id: string): PipelineDocument | undefined {
  return TEMPLATES.find((t) => t.id === id)?.build();
}
