import type { FieldWords } from "./field-words";
import { checkShape } from "./model-walk";
import { MODEL_RULES } from "./model-rules";
import type { RuleContext, RuleGroup } from "./rule";

export { checkShape } from "./model-walk";
export {
  COUNT_OUT_OF_RANGE,
  INVALID_ENUM_VALUE,
  LENGTH_OUT_OF_RANGE,
  PATTERN_MISMATCH,
  REQUIRED_MEMBER,
  UNKNOWN_MEMBER,
  VALUE_OUT_OF_RANGE,
  WRONG_TYPE,
} from "./model-rules";

const PIPELINE_WORDS: FieldWords = { label: "The pipeline" };

/** Model constraints of the whole PipelineDeclaration, from the generated service model. */
export const SERVICE_CONSTRAINTS: RuleGroup = {
  topic: "service-constraints",
  rules: MODEL_RULES,
  check(context: RuleContext): void {
    checkShape(
      context.index.pipeline,
      "PipelineDeclaration",
      [],
      PIPELINE_WORDS,
      (rule, path, message) => context.report(rule, path, message),
      context.cache,
    );
  },
};
