import { ARTIFACT_FLOW } from "./artifact-flow";
import { CATALOG_RULES } from "./catalog-rules";
import { CONDITIONS } from "./conditions";
import { CROSS_REGION } from "./cross-region";
import type { RuleGroup, RuleInfo } from "./rule";
import { SERVICE_CONSTRAINTS } from "./service-constraints";
import { STRUCTURE } from "./structure";
import { TAG_RULES } from "./tags";
import { TRIGGERS } from "./triggers";
import { V2_FEATURES } from "./v2-features";
import { VARIABLES } from "./variables";

/** Every rule group of a pipeline check, in the order their findings are listed. */
export const PIPELINE_RULE_GROUPS: readonly RuleGroup[] = [
  SERVICE_CONSTRAINTS,
  STRUCTURE,
  ARTIFACT_FLOW,
  CATALOG_RULES,
  CROSS_REGION,
  V2_FEATURES,
  TRIGGERS,
  CONDITIONS,
  VARIABLES,
];

function uniqueByCode(rules: readonly RuleInfo[]): readonly RuleInfo[] {
  const byCode = new Map<string, RuleInfo>();
  for (const rule of rules) if (!byCode.has(rule.code)) byCode.set(rule.code, rule);
  return [...byCode.values()];
}

/**
 * Every diagnostic code validation can emit, once each, with its severity and a one-line summary.
 * Derived from the rule groups, so a new rule is listed by registering it.
 */
export const RULES: readonly RuleInfo[] = uniqueByCode([
  ...PIPELINE_RULE_GROUPS.flatMap((group) => group.rules),
  ...TAG_RULES,
]);
