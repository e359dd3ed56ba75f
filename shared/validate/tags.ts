import type { JsonPath } from "../pipeline/model";
import type { Diagnostic } from "./diagnostic";
import { member } from "./json-value";
import type { RuleInfo } from "./rule";
import {
  COUNT_OUT_OF_RANGE,
  LENGTH_OUT_OF_RANGE,
  REQUIRED_MEMBER,
  WRONG_TYPE,
  checkShape,
} from "./service-constraints";

/** The codes tag checks can emit (model constraints on the create-pipeline `tags` list). */
export const TAG_RULES: readonly RuleInfo[] = [
  REQUIRED_MEMBER,
  WRONG_TYPE,
  LENGTH_OUT_OF_RANGE,
  COUNT_OUT_OF_RANGE,
];

/**
 * Checks a file root's `tags` (create-pipeline input): at most 50, keys 1–128 and values 0–256
 * characters. Paths are from the file root.
 */
export function validateTags(root: unknown): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const tags = member(root, "tags");
  if (tags === undefined) return diagnostics;
  const path: JsonPath = ["tags"];
  checkShape(tags, "TagList", path, { label: "Tags" }, (rule, at, message) =>
    diagnostics.push({ code: rule.code, severity: rule.severity, path: at, message }),
  );
  return diagnostics;
}
