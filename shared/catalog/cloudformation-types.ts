import { USER_GUIDE, optional, required, requiredWhen } from "./config-fields";
import type { ActionTypeSpec, ConfigField } from "./types";

/** The action modes the CloudFormation deploy action runs, as the action reference lists them. */
const ACTION_MODES = [
  "CHANGE_SET_REPLACE",
  "CHANGE_SET_EXECUTE",
  "CREATE_UPDATE",
  "DELETE_ONLY",
  "REPLACE_ON_FAILURE",
] as const;

const STACK_SET_DOCS = `${USER_GUIDE}action-reference-StackSets.html`;

/** StackSet and StackInstances share these rollout keys word for word. */
const STACK_SET_ROLLOUT: readonly ConfigField[] = [
  optional(
    "DeploymentTargets",
    'Account IDs (SELF_MANAGED) or organization root/OU IDs (SERVICE_MANAGED), comma-separated or "Artifact::file"; needs Regions.',
  ),
  optional(
    "FailureTolerancePercentage",
    "Percentage of accounts per Region that may fail before CloudFormation stops the operation there.",
  ),
  optional("MaxConcurrentPercentage", "Largest percentage of accounts acted on at the same time."),
];

/** Deploy action types backed by CloudFormation stacks and stack sets. */
export const CLOUDFORMATION_ACTION_TYPES: readonly ActionTypeSpec[] = [
  {
    category: "Deploy",
    owner: "AWS",
    provider: "CloudFormation",
    version: "1",
    title: "AWS CloudFormation",
    description: "Creates, updates or deletes a CloudFormation stack, or prepares and executes a change set.",
    inputArtifacts: { min: 0, max: 10 },
    outputArtifacts: { min: 0, max: 1 },
    configuration: [
      required("ActionMode", "What CloudFormation does to the stack or change set.", {
        allowedValues: ACTION_MODES,
      }),
      required("StackName", "Name of the existing stack, or of the stack to create."),
      requiredWhen(
        "ChangeSetName",
        "Change set to create or execute; required by the change-set modes and ignored by the others.",
        { key: "ActionMode", equals: ["CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE"] },
      ),
      requiredWhen(
        "RoleArn",
        "Service role CloudFormation assumes to change the stack's resources; not applied when executing a change set.",
        {
          key: "ActionMode",
          equals: ["CREATE_UPDATE", "REPLACE_ON_FAILURE", "DELETE_ONLY", "CHANGE_SET_REPLACE"],
        },
      ),
      requiredWhen(
        "TemplatePath",
        'Template file in an input artifact, written "ArtifactName::path/template.yml".',
        { key: "ActionMode", equals: ["CREATE_UPDATE", "REPLACE_ON_FAILURE", "CHANGE_SET_REPLACE"] },
      ),
      optional(
        "Capabilities",
        "Acknowledges IAM resources or macros in the template; required when the template has them.",
        {
          allowedValues: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
          listSeparator: ",",
        },
      ),
      optional("OutputFileName", "File name for the stack outputs JSON written to the output artifact."),
      optional(
        "ParameterOverrides",
        "JSON object of template parameter values; overrides the template configuration file (keep under 1 KB).",
      ),
      optional(
        "TemplateConfiguration",
        'Template configuration file (parameters, stack policy, tags) written "ArtifactName::path/config.json".',
      ),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-CloudFormation.html`,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "CloudFormationStackSet",
    version: "1",
    title: "AWS CloudFormation StackSet",
    description:
      "Creates or updates a stack set from a template and deploys it to the given accounts and Regions.",
    inputArtifacts: { min: 1, max: 3 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("StackSetName", "Name of the stack set, unique in its Region."),
      required("TemplatePath", 'Template of the stack set, written "ArtifactName::path/template.json".'),
      optional("Description", "Description of the stack set."),
      optional(
        "Parameters",
        'Template parameters, in "ParameterKey=…,ParameterValue=…" shorthand or as "ArtifactName::file".',
      ),
      optional("Capabilities", "Acknowledges IAM resources in the template.", {
        allowedValues: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
        listSeparator: ",",
      }),
      optional(
        "PermissionModel",
        "Who creates the IAM roles for stack set operations (default SELF_MANAGED).",
        {
          allowedValues: ["SELF_MANAGED", "SERVICE_MANAGED"],
        },
      ),
      optional(
        "AdministrationRoleArn",
        "Administrator-account role for stack set operations (SELF_MANAGED only).",
      ),
      optional(
        "ExecutionRoleName",
        "Role name in the target accounts for stack set operations (SELF_MANAGED only).",
      ),
      optional(
        "OrganizationsAutoDeployment",
        "Deploy automatically to accounts added to the target organization or OU (SERVICE_MANAGED only).",
        { allowedValues: ["Enabled", "Disabled", "EnabledWithStackRetention"] },
      ),
      optional("Regions", 'Regions to create or update instances in, in order, e.g. "us-west-2,us-east-1".'),
      ...STACK_SET_ROLLOUT,
    ],
    v2Only: false,
    docsUrl: STACK_SET_DOCS,
  },
  {
    category: "Deploy",
    owner: "AWS",
    provider: "CloudFormationStackInstances",
    version: "1",
    title: "AWS CloudFormation stack instances",
    description:
      "Creates or updates stack instances of an existing stack set, with optional parameter overrides.",
    inputArtifacts: { min: 0, max: 2 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("StackSetName", "Name of the stack set whose instances are created or updated."),
      required("Regions", 'Regions to create or update instances in, in order, e.g. "us-west-2,us-east-1".'),
      optional(
        "ParameterOverrides",
        'Stack set parameters to override on these instances, in shorthand or as "ArtifactName::file".',
      ),
      ...STACK_SET_ROLLOUT,
    ],
    v2Only: false,
    docsUrl: STACK_SET_DOCS,
  },
];
