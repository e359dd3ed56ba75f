import { USER_GUIDE, optional, required, requiredWhen } from "./config-fields";
import type { ActionTypeSpec, ConfigField } from "./types";

/** Most deploy actions take the one artifact they ship and produce nothing. */
const DEPLOY_COUNTS = {
  inputArtifacts: { min: 1, max: 1 },
  outputArtifacts: { min: 0, max: 0 },
} as const;

/** The ECS blue/green action maps up to four images to containers; the docs number them 1 to 4. */
const ECS_IMAGE_FIELDS: readonly ConfigField[] = [1, 2, 3, 4].flatMap((n) => [
  optional(
    `Image${n}ArtifactName`,
    `Input artifact that provides image ${n} (usually an ECR source output).`,
  ),
  optional(`Image${n}ContainerName`, `Container name in the task definition that receives image ${n}.`),
]);

/** Deploy action types other than CloudFormation and the V2-only managed-compute deploys. */
export const DEPLOY_ACTION_TYPES: readonly ActionTypeSpec[] = [
  {
    category: "Deploy",
    owner: "AWS",
    provider: "S3",
    version: "1",
    title: "Amazon S3 (deploy)",
    description: "Uploads the input artifact to an S3 bucket, extracted or as one object.",
    ...DEPLOY_COUNTS,
    configuration: [
      required("BucketName", "Bucket the files are deployed to."),
      required("Extract", 'Unzip the artifact before upload ("true") or upload it as one object ("false").', {
        valueType: "boolean",
      }),
      requiredWhen("ObjectKey", "Key of the uploaded object; required when Extract is false.", {
        key: "Extract",
        equals: ["false"],
      }),
      optional(
        "KMSEncryptionKeyARN",
        "KMS key (ID, key ARN or alias ARN) that encrypts the uploaded objects.",
      ),
      optional("CannedACL", "Canned ACL applied to the deployed objects, replacing any existing ACL."),
      optional(
        "CacheControl",
        'Cache-Control header for the objects, e.g. "public, max-age=0, no-transform".',
      ),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-S3Deploy.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "CodeDeploy",
    version: "1",
    title: "AWS CodeDeploy",
    description: "Deploys the input artifact to a CodeDeploy deployment group (EC2, on-premises or Lambda).",
    ...DEPLOY_COUNTS,
    configuration: [
      required("ApplicationName", "Name of the CodeDeploy application."),
      required("DeploymentGroupName", "Deployment group to deploy to."),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-CodeDeploy.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "CodeDeployToECS",
    version: "1",
    title: "Amazon ECS blue/green (CodeDeploy)",
    description: "Shifts traffic to a new ECS task set through a CodeDeploy blue/green deployment.",
    inputArtifacts: { min: 1, max: 5 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("ApplicationName", "Name of the CodeDeploy application."),
      required("DeploymentGroupName", "CodeDeploy deployment group for the ECS service."),
      required("TaskDefinitionTemplateArtifact", "Input artifact that holds the task definition file."),
      required("AppSpecTemplateArtifact", "Input artifact that holds the AppSpec file."),
      optional("AppSpecTemplatePath", 'Path of the AppSpec file in its artifact (default "appspec.yaml").'),
      optional(
        "TaskDefinitionTemplatePath",
        'Path of the task definition in its artifact (default "taskdef.json").',
      ),
      ...ECS_IMAGE_FIELDS,
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-ECSbluegreen.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "ECS",
    version: "1",
    title: "Amazon ECS",
    description: "Rolls an ECS service onto the images named in an image definitions file.",
    ...DEPLOY_COUNTS,
    configuration: [
      required("ClusterName", "ECS cluster that runs the service."),
      required("ServiceName", "ECS service to update."),
      optional(
        "FileName",
        'Image definitions file in the input (default "imagedefinitions.json", at most 100 KB).',
      ),
      optional("DeploymentTimeout", "Minutes to wait for the deployment, at most 60."),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-ECS.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "ElasticBeanstalk",
    version: "1",
    title: "AWS Elastic Beanstalk",
    description:
      "Deploys the input artifact as a new application version to an Elastic Beanstalk environment.",
    ...DEPLOY_COUNTS,
    configuration: [
      required("ApplicationName", "Name of the Elastic Beanstalk application."),
      required("EnvironmentName", "Environment that runs the new application version."),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-Beanstalk.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "AppConfig",
    version: "1",
    title: "AWS AppConfig",
    description: "Deploys configuration data from the input artifact to an AppConfig environment.",
    ...DEPLOY_COUNTS,
    configuration: [
      required("Application", "ID of the AppConfig application."),
      required("Environment", "ID of the AppConfig environment to deploy to."),
      required("ConfigurationProfile", "ID of the configuration profile to deploy."),
      required("InputArtifactConfigurationPath", "Path of the configuration data inside the input artifact."),
      optional("DeploymentStrategy", "AppConfig deployment strategy that paces the rollout."),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-AppConfig.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "OpsWorks",
    version: "1",
    title: "AWS OpsWorks",
    description: "Deploys the input artifact to an OpsWorks stack and app.",
    inputArtifacts: { min: 1, max: 1 },
    outputArtifacts: { min: 0, max: 1 },
    configuration: [
      required("Stack", "OpsWorks stack, the container of the application infrastructure."),
      required("App", "OpsWorks app, the code to deploy and run."),
      optional("Layer", "OpsWorks layer whose instances receive the deployment."),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-OpsWorks.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "ServiceCatalog",
    version: "1",
    title: "AWS Service Catalog",
    description:
      "Publishes a CloudFormation template from the input as a new version of a Service Catalog product.",
    ...DEPLOY_COUNTS,
    configuration: [
      required("ProductId", "ID of the existing Service Catalog product."),
      optional("TemplateFilePath", "Path of the CloudFormation template inside the input artifact."),
      optional("ProductVersionName", "Name of the product version to create."),
      optional("ProductVersionDescription", "Description of the product version to create."),
      optional("ProductType", "Type of the product version.", {
        allowedValues: ["CLOUD_FORMATION_TEMPLATE"],
      }),
    ],
    v2Only: false,
  },
  {
    category: "Deploy",
    owner: "ThirdParty",
    provider: "AlexaSkillsKit",
    version: "1",
    title: "Alexa Skills Kit",
    description:
      "Deploys an Alexa skill's voice model and manifest, optionally with a manifest-overrides artifact.",
    inputArtifacts: { min: 1, max: 2 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("ClientId", "Client ID of the Login with Amazon security profile."),
      required("ClientSecret", "Client secret of the security profile; returned as ****.", { secret: true }),
      required("RefreshToken", "Refresh token for the developer account; returned as ****.", {
        secret: true,
      }),
      required("SkillId", "ID of the Alexa skill to deploy."),
    ],
    v2Only: false,
  },
];
