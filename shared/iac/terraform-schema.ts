/**
 * The `aws_codepipeline` resource of the Terraform AWS provider as data: which API member becomes
 * which argument, and whether it is written as an attribute or as nested blocks. Names follow the
 * provider's resource documentation (website/docs/r/codepipeline.html.markdown: `artifact_store`,
 * `stage`/`action`, `trigger`/`git_configuration`/`push`/`pull_request`, `variable`,
 * `execution_mode`, `pipeline_type`) and, for the stage conditions and compute actions the
 * provider added later, its schema as published in the generated Pulumi AWS SDK (classes
 * `PipelineStageAction`, `PipelineStageBeforeEntryCondition`, `…ConditionRule`,
 * `…RuleRuleTypeId`, `PipelineStageOnFailureRetryConfiguration`: `before_entry`, `on_success`,
 * `on_failure`, `condition`, `rule`, `rule_type_id`, `retry_configuration`, `timeout_in_minutes`,
 * `commands`, `output_variables`). The provider has no argument for an action's environment
 * variables, an output artifact's `files` or a stage's `blockers`; those travel as unmapped members.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codepipeline
 */

/** How one member is written. */
export type TfShape =
  | { readonly kind: "scalar" }
  | { readonly kind: "strings" }
  | { readonly kind: "map" }
  /** A list of `{name}` objects written as a list of the names (`input_artifacts = ["src"]`). */
  | { readonly kind: "names" }
  /** An object written as one nested block. */
  | { readonly kind: "block"; readonly members: readonly TfMember[] }
  /** A list of objects written as repeated blocks. */
  | { readonly kind: "blocks"; readonly members: readonly TfMember[] };

/** One API member and its Terraform argument. */
export interface TfMember {
  readonly api: string;
  readonly tf: string;
  readonly shape: TfShape;
}

const SCALAR: TfShape = { kind: "scalar" };
const STRINGS: TfShape = { kind: "strings" };

function snake(api: string): string {
  return api.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
function m(api: string, shape: TfShape = SCALAR, tf = snake(api)): TfMember {
  return { api, tf, shape };
}
function block(...members: TfMember[]): TfShape {
  return { kind: "block", members };
}
function blocks(...members: TfMember[]): TfShape {
  return { kind: "blocks", members };
}

const CRITERIA = block(m("includes", STRINGS), m("excludes", STRINGS));

const RULE = blocks(
  m("name"),
  m("ruleTypeId", block(m("category"), m("owner"), m("provider"), m("version"))),
  m("configuration", { kind: "map" }),
  m("commands", STRINGS),
  m("inputArtifacts", { kind: "names" }),
  m("roleArn"),
  m("region"),
  m("timeoutInMinutes"),
);
const CONDITIONS = m("conditions", blocks(m("result"), m("rules", RULE, "rule")), "condition");

/** The members of `actionTypeId`, written flat into the action block. */
export const ACTION_TYPE_MEMBERS = ["category", "owner", "provider", "version"] as const;

/** `action` block members other than `actionTypeId`. */
export const ACTION_MEMBERS: readonly TfMember[] = [
  m("name"),
  m("runOrder"),
  m("configuration", { kind: "map" }),
  m("commands", STRINGS),
  m("outputArtifacts", { kind: "names" }),
  m("inputArtifacts", { kind: "names" }),
  m("outputVariables", STRINGS),
  m("roleArn"),
  m("region"),
  m("namespace"),
  m("timeoutInMinutes"),
];

/** `stage` block members other than `actions`. */
export const STAGE_MEMBERS: readonly TfMember[] = [
  m("name"),
  m("onFailure", block(m("result"), m("retryConfiguration", block(m("retryMode"))), CONDITIONS)),
  m("onSuccess", block(CONDITIONS)),
  m("beforeEntry", block(CONDITIONS)),
];

/** `artifact_store` block members (the API's region key becomes `region`). */
export const STORE_MEMBERS: readonly TfMember[] = [
  m("type"),
  m("location"),
  m("encryptionKey", block(m("id"), m("type"))),
];

/** Pipeline members other than `artifactStore(s)` and `stages`. */
export const PIPELINE_MEMBERS: readonly TfMember[] = [
  m("name"),
  m("roleArn"),
  m("executionMode"),
  m("pipelineType"),
  m("variables", blocks(m("name"), m("defaultValue"), m("description")), "variable"),
  m(
    "triggers",
    blocks(
      m("providerType"),
      m(
        "gitConfiguration",
        block(
          m("sourceActionName"),
          m("push", blocks(m("tags", CRITERIA), m("branches", CRITERIA), m("filePaths", CRITERIA))),
          m("pullRequest", blocks(m("events", STRINGS), m("branches", CRITERIA), m("filePaths", CRITERIA))),
        ),
      ),
    ),
    "trigger",
  ),
];

/** Meta-arguments Terraform accepts on any resource; kept as written when re-exporting. */
export const META_ARGUMENTS = [
  "count",
  "for_each",
  "provider",
  "depends_on",
  "lifecycle",
  "provisioner",
  "connection",
];

/** The resource type. */
export const TERRAFORM_RESOURCE_TYPE = "aws_codepipeline";

/** A Terraform variable name for a template parameter (`PipelineRoleArn` → `pipeline_role_arn`). */
export function variableName(parameter: string): string {
  return parameter
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
