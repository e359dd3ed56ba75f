/**
 * The `AWS::CodePipeline::Pipeline` resource as data: each CodePipeline API member (the document
 * model's name) with the CloudFormation property that carries it and its type. Taken from the
 * resource's schema as aws-cdk-lib ships it (the generated `CfnPipeline` property converters of
 * aws-cdk-lib 2.276, which are generated from the CloudFormation resource schema), not by analogy
 * with the API: the two differ (`artifactStores` is a map in the API and a list of
 * `{Region, ArtifactStore}` in CloudFormation, tags are `Key`/`Value`, a rule has no
 * `TimeoutInMinutes`, disabled transitions and `RestartExecutionOnUpdate` exist only in
 * CloudFormation). test/shared/iac checks every export against that schema with aws-cdk-lib.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codepipeline-pipeline.html
 */

/** The type of a property. */
export type CfnShape =
  | { readonly kind: "string" }
  | { readonly kind: "integer" }
  | { readonly kind: "boolean" }
  /** A list of strings. */
  | { readonly kind: "strings" }
  /** A JSON object of string values (`Configuration`, whose schema type is Json). */
  | { readonly kind: "map" }
  | { readonly kind: "object"; readonly members: readonly CfnMember[] }
  | { readonly kind: "list"; readonly element: CfnShape };

/** One API member and the CloudFormation property that carries it. */
export interface CfnMember {
  readonly api: string;
  readonly cfn: string;
  readonly shape: CfnShape;
}

const STRING: CfnShape = { kind: "string" };
const INTEGER: CfnShape = { kind: "integer" };
const STRINGS: CfnShape = { kind: "strings" };
const MAP: CfnShape = { kind: "map" };

function m(api: string, shape: CfnShape = STRING): CfnMember {
  return { api, cfn: api.charAt(0).toUpperCase() + api.slice(1), shape };
}
function object(...members: CfnMember[]): CfnShape {
  return { kind: "object", members };
}
function list(element: CfnShape): CfnShape {
  return { kind: "list", element };
}

const TYPE_ID = object(m("category"), m("owner"), m("provider"), m("version"));
const INPUT_ARTIFACTS = list(object(m("name")));
const CRITERIA = object(m("includes", STRINGS), m("excludes", STRINGS));

/** `RuleDeclaration`: CloudFormation has no `TimeoutInMinutes` for a rule. */
const RULE = object(
  m("name"),
  m("ruleTypeId", TYPE_ID),
  m("configuration", MAP),
  m("commands", STRINGS),
  m("inputArtifacts", INPUT_ARTIFACTS),
  m("roleArn"),
  m("region"),
);
const CONDITIONS = m("conditions", list(object(m("result"), m("rules", list(RULE)))));

const ACTION = object(
  m("name"),
  m("actionTypeId", TYPE_ID),
  m("runOrder", INTEGER),
  m("configuration", MAP),
  m("commands", STRINGS),
  m("outputArtifacts", list(object(m("name"), m("files", STRINGS)))),
  m("inputArtifacts", INPUT_ARTIFACTS),
  m("outputVariables", STRINGS),
  m("roleArn"),
  m("region"),
  m("namespace"),
  m("timeoutInMinutes", INTEGER),
  m("environmentVariables", list(object(m("name"), m("value"), m("type")))),
);

const STAGE = object(
  m("name"),
  m("blockers", list(object(m("name"), m("type")))),
  m("actions", list(ACTION)),
  m("onFailure", object(m("result"), m("retryConfiguration", object(m("retryMode"))), CONDITIONS)),
  m("onSuccess", object(CONDITIONS)),
  m("beforeEntry", object(CONDITIONS)),
);

/** `ArtifactStore`, also the value of each `ArtifactStoreMap`. */
export const ARTIFACT_STORE: CfnShape = object(
  m("type"),
  m("location"),
  m("encryptionKey", object(m("id"), m("type"))),
);

/**
 * `PipelineDeclaration` members. `artifactStores` is converted apart (a map in the API, a list in
 * CloudFormation); `version` has no property (CloudFormation owns the version counter).
 */
export const PIPELINE_MEMBERS: readonly CfnMember[] = [
  m("name"),
  m("roleArn"),
  m("artifactStore", ARTIFACT_STORE),
  m("stages", list(STAGE)),
  m("executionMode"),
  m("pipelineType"),
  m("variables", list(object(m("name"), m("defaultValue"), m("description")))),
  m(
    "triggers",
    list(
      object(
        m("providerType"),
        m(
          "gitConfiguration",
          object(
            m("sourceActionName"),
            m("push", list(object(m("tags", CRITERIA), m("branches", CRITERIA), m("filePaths", CRITERIA)))),
            m(
              "pullRequest",
              list(object(m("events", STRINGS), m("branches", CRITERIA), m("filePaths", CRITERIA))),
            ),
          ),
        ),
      ),
    ),
  ),
];

/** Properties of the resource that the API declaration has no member for; kept as imported. */
export const CFN_ONLY_PROPERTIES = ["DisableInboundStageTransitions", "RestartExecutionOnUpdate"] as const;

/** The resource type. */
export const PIPELINE_RESOURCE_TYPE = "AWS::CodePipeline::Pipeline";
