import { USER_GUIDE, optional, required } from "./config-fields";
import type { ActionTypeSpec } from "./types";

/**
 * The V2-only deploy actions that run on CodePipeline-managed compute. Their tool-dependent keys
 * (Helm versus kubectl, inline spec versus deploy spec file) depend on which keys are present, not on
 * a key's value, so `requiredWhen` cannot carry them; they stay optional and say so.
 */
export const MANAGED_DEPLOY_ACTION_TYPES: readonly ActionTypeSpec[] = [
  {
    category: "Deploy",
    owner: "AWS",
    provider: "EKS",
    version: "1",
    title: "Amazon EKS",
    description: "Deploys to an EKS cluster with Helm or kubectl on CodePipeline-managed compute.",
    inputArtifacts: { min: 1, max: 1 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("ClusterName", "Amazon EKS cluster to deploy to."),
      optional("HelmReleaseName", "Helm release name; required when deploying with Helm."),
      optional("HelmChartLocation", "Location of the Helm chart; required when deploying with Helm."),
      optional("HelmValuesFiles", "Comma-separated Helm values files that override the chart's values."),
      optional("ManifestFiles", "Kubernetes manifest files; required when deploying with kubectl."),
      optional("Namespace", "Kubernetes namespace to deploy into."),
      optional("Subnets", "Subnets for the compute that reaches a private cluster."),
      optional("SecurityGroupIds", "Security groups for the compute that reaches a private cluster."),
    ],
    v2Only: true,
    docsUrl: `${USER_GUIDE}action-reference-EKS.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "EC2",
    version: "1",
    title: "Amazon EC2",
    description:
      "Deploys the input to tagged Linux EC2 instances or SSM managed nodes (at most 500) through SSM.",
    inputArtifacts: { min: 1, max: 1 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("InstanceTagKey", 'Tag key that selects the target instances, e.g. "Name".'),
      required("InstanceType", "Kind of target: EC2 instances or SSM managed nodes.", {
        allowedValues: ["EC2", "SSM_MANAGED_NODE"],
      }),
      optional(
        "InstanceTagValue",
        "Tag value that selects the instances; without it every instance with the key matches.",
      ),
      optional(
        "TargetDirectory",
        "Absolute directory the files are deployed to; required unless DeploySpec is used.",
      ),
      optional("PreScript", "Script in the artifact that runs before the deploy phase."),
      optional(
        "PostScript",
        "Script in the artifact that runs after the deploy phase; required unless DeploySpec is used.",
      ),
      optional(
        "DeploySpec",
        "Deploy spec file in the artifact, used instead of TargetDirectory and the scripts.",
      ),
      optional("MaxBatch", 'Instances that deploy in parallel, a number or a percentage such as "50%".'),
      optional(
        "MaxError",
        'Failed instances that stop the deployment, a number or a percentage such as "10%".',
      ),
      optional(
        "TargetGroupNameList",
        "Comma-separated target groups the instances leave during their deployment.",
      ),
    ],
    v2Only: true,
    docsUrl: `${USER_GUIDE}action-reference-EC2Deploy.html`,
  },
  {
    /*
     * The codepipeline.md table gives one input "(doc)", but the same page makes
     * PublishedTargetVersion "required if no input artifact is provided", so zero inputs is valid.
     */
    category: "Deploy",
    owner: "AWS",
    provider: "Lambda",
    version: "1",
    title: "AWS Lambda (deploy)",
    description:
      "Publishes a Lambda version and shifts an alias to it all at once, in canary steps or linearly.",
    inputArtifacts: { min: 0, max: 1 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("FunctionName", "Name of the Lambda function to deploy."),
      optional(
        "FunctionAlias",
        "Alias that receives the new version; without it the code goes to $LATEST and a new version is published.",
      ),
      optional(
        "PublishedTargetVersion",
        "Already published version to shift FunctionAlias to; required when the action has no input artifact.",
      ),
      optional(
        "DeployStrategy",
        "Traffic shift: AllAtOnce (default), Canary<p>Percent<m>Minutes or Linear<p>PercentEvery<m>Minute(s).",
        {
          pattern: "AllAtOnce|Canary[0-9]+Percent[0-9]+Minutes?|Linear[0-9]+PercentEvery[0-9]+Minutes?",
          patternWords:
            "AllAtOnce, Canary<percent>Percent<minutes>Minutes or Linear<percent>PercentEvery<minutes>Minutes, for example Canary10Percent5Minutes",
        },
      ),
      optional(
        "Alarms",
        "Comma-separated CloudWatch alarm names (at most 10) watched during the deployment.",
      ),
    ],
    v2Only: true,
    docsUrl: `${USER_GUIDE}action-reference-LambdaDeploy.html`,
  },
];
