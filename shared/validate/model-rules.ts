/**
 * The rules the service model itself states: every member's type, whether it is required, its
 * length, range, pattern, enum and list size. The service answers a request that breaks one with
 * ValidationException (the model's own words: "The validation was specified in an invalid format.",
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_CreatePipeline.html#API_CreatePipeline_Errors).
 */
import { defineRule, type RuleInfo } from "./rule";

/**
 * A member the model marks required is absent.
 *
 * AWS: "Required: Yes" (for example `name`, `roleArn` and `stages` of a pipeline) —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const REQUIRED_MEMBER = defineRule("required-member", "error", "A member AWS requires is missing.");

/**
 * A value has the wrong JSON type for its member (an explicit `null` included: the AWS CLI refuses
 * it for a typed parameter before sending, so a file holding one cannot be deployed as written).
 *
 * AWS: "runOrder … Type: Integer" —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const WRONG_TYPE = defineRule("wrong-type", "error", "A member holds the wrong kind of value.");

/**
 * A string does not match the model's whole-string pattern.
 *
 * AWS: "Pattern: [A-Za-z0-9.@\-_]+" (pipeline, stage and action names) —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const PATTERN_MISMATCH = defineRule(
  "pattern-mismatch",
  "error",
  "A value uses characters AWS does not allow there.",
);

/**
 * A string is shorter or longer than the model allows. Configuration values use the live service's
 * limit of 50000 (see shared/service-model), not the model's 1000.
 *
 * AWS: "Length Constraints: Minimum length of 1. Maximum length of 100." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const LENGTH_OUT_OF_RANGE = defineRule(
  "length-out-of-range",
  "error",
  "A value is shorter or longer than AWS allows.",
);

/**
 * A number is outside the model's range.
 *
 * AWS: "runOrder … Valid Range: Minimum value of 1. Maximum value of 999." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const VALUE_OUT_OF_RANGE = defineRule(
  "value-out-of-range",
  "error",
  "A number is outside the range AWS allows.",
);

/**
 * A string is not one of the model's enum values.
 *
 * AWS: "executionMode … Valid Values: QUEUED | SUPERSEDED | PARALLEL" —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const INVALID_ENUM_VALUE = defineRule(
  "invalid-enum-value",
  "error",
  "A value is not one of the values AWS accepts.",
);

/**
 * A list or map has too few or too many entries (the model's limits, plus the 50-tag quota).
 *
 * AWS: "commands … Array Members: Minimum number of 1 item. Maximum number of 50 items." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const COUNT_OUT_OF_RANGE = defineRule(
  "count-out-of-range",
  "error",
  "A list or map has fewer or more entries than AWS allows.",
);

/**
 * A member the model does not have. Kept in the file (AWS adds members over time), but the AWS
 * CLI refuses unknown parameters ("Unknown parameter in pipeline: …") and the SDK silently drops
 * them, so the user should know before deploying; the service itself ignores them.
 *
 * AWS: "The JSON string follows the format provided by --generate-cli-skeleton." —
 * https://docs.aws.amazon.com/cli/latest/reference/codepipeline/create-pipeline.html
 */
export const UNKNOWN_MEMBER = defineRule(
  "unknown-member",
  "warning",
  "A member AWS does not know; it is kept, but AWS clients reject or drop it.",
);

/** Every rule of the service model's constraints, in the order their findings are listed. */
export const MODEL_RULES: readonly RuleInfo[] = [
  REQUIRED_MEMBER,
  WRONG_TYPE,
  PATTERN_MISMATCH,
  LENGTH_OUT_OF_RANGE,
  VALUE_OUT_OF_RANGE,
  INVALID_ENUM_VALUE,
  COUNT_OUT_OF_RANGE,
  UNKNOWN_MEMBER,
];
