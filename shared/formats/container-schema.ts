/**
 * The containers (objects, arrays, maps) of the document model, as data. Parsing checks only
 * these: every part of the app walks them (`stages.map`, `action.configuration[key]`), so a
 * string where an array belongs would crash an operation. Scalars, enums and patterns are left to
 * the validator, which can say more about them, and a file with `"PollForSourceChanges": false`
 * still opens.
 *
 * `required` follows the model types (shared/pipeline/model.ts): a container typed as required
 * there is guaranteed present in every parsed document.
 */
/**
 * What one member must be: an object (with rules for some of its members), an array (with a rule
 * for every element) or a map (an object with a rule for every value), and whether it is required.
 */
export type ContainerRule =
  | { kind: "object"; required?: boolean; members?: Readonly<Record<string, ContainerRule>> }
  | { kind: "array"; required?: boolean; elements?: ContainerRule }
  | { kind: "map"; required?: boolean; values?: ContainerRule };

function object(members?: Record<string, ContainerRule>, required = false): ContainerRule {
  return members ? { kind: "object", required, members } : { kind: "object", required };
}
function array(elements?: ContainerRule, required = false): ContainerRule {
  return elements ? { kind: "array", required, elements } : { kind: "array", required };
}
function required(rule: ContainerRule): ContainerRule {
  return { ...rule, required: true };
}

const GIT_FILTER_CRITERIA = object({ includes: array(), excludes: array() });
const ARTIFACT_REFERENCES = array(object());
const RULE = object({
  ruleTypeId: required(object()),
  configuration: object(),
  commands: array(),
  inputArtifacts: ARTIFACT_REFERENCES,
});
const CONDITIONS = array(object({ rules: array(RULE) }));
const ACTION = object({
  actionTypeId: required(object()),
  configuration: object(),
  commands: array(),
  outputArtifacts: array(object({ files: array() })),
  inputArtifacts: ARTIFACT_REFERENCES,
  outputVariables: array(),
  environmentVariables: array(object()),
});
const STAGE = object({
  blockers: array(object()),
  actions: required(array(ACTION)),
  onFailure: object({ retryConfiguration: object(), conditions: CONDITIONS }),
  onSuccess: object({ conditions: required(CONDITIONS) }),
  beforeEntry: object({ conditions: required(CONDITIONS) }),
});
const ARTIFACT_STORE = object({ encryptionKey: object() });
const TRIGGER = object({
  gitConfiguration: required(
    object({
      push: array(
        object({ tags: GIT_FILTER_CRITERIA, branches: GIT_FILTER_CRITERIA, filePaths: GIT_FILTER_CRITERIA }),
      ),
      pullRequest: array(
        object({ events: array(), branches: GIT_FILTER_CRITERIA, filePaths: GIT_FILTER_CRITERIA }),
      ),
    }),
  ),
});

/** `PipelineDeclaration`. */
export const PIPELINE_RULE: ContainerRule = object({
  artifactStore: ARTIFACT_STORE,
  artifactStores: { kind: "map", values: ARTIFACT_STORE },
  stages: required(array(STAGE)),
  variables: array(object()),
  triggers: array(TRIGGER),
});

/** The members around the pipeline in create-pipeline input and get-pipeline output. */
export const ROOT_MEMBER_RULES: Readonly<Record<string, ContainerRule>> = {
  tags: array(object()),
  metadata: object(),
};
