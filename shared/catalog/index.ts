import type { ActionCategory, ActionTypeId } from "../pipeline/model";
import { ACTION_TYPES } from "./action-types";
import { RULE_TYPES } from "./rule-types";
import type { ActionTypeSpec, RuleTypeSpec } from "./types";

export type { ActionTypeSpec, ArtifactCount, ConfigField, RuleTypeSpec } from "./types";
export { ACTION_TYPES } from "./action-types";
export { RULE_TYPES } from "./rule-types";

/** Palette order of the categories. */
export const CATEGORIES: readonly ActionCategory[] = [
  "Source",
  "Build",
  "Test",
  "Deploy",
  "Approval",
  "Invoke",
  "Compute",
];

function keyOf(id: Pick<ActionTypeId, "category" | "owner" | "provider" | "version">): string {
  return `${id.category}/${id.owner}/${id.provider}/${id.version}`;
}

const BY_ID = new Map<string, ActionTypeSpec>(ACTION_TYPES.map((spec) => [keyOf(spec), spec]));

/**
 * The catalog entry for an action type id, or `undefined` for a type the catalog does not know
 * (a Custom type, or one AWS added later). Exact match on all four members; never throws, even on
 * malformed ids.
 */
export function findActionType(id: unknown): ActionTypeSpec | undefined {
  if (typeof id !== "object" || id === null) return undefined;
  const { category, owner, provider, version } = id as Record<string, unknown>;
  if (![category, owner, provider, version].every((v) => typeof v === "string")) return undefined;
  return BY_ID.get(keyOf(id as ActionTypeId));
}

/**
 * The catalog grouped for the palette: one group per entry of `CATEGORIES`, in that order, each
 * listing its action types in catalog order. Categories without entries get an empty list.
 */
export function listActionTypesByCategory(): readonly {
  category: ActionCategory;
  actionTypes: readonly ActionTypeSpec[];
}[] {
  return CATEGORIES.map((category) => ({
    category,
    actionTypes: ACTION_TYPES.filter((spec) => spec.category === category),
  }));
}

const RULES_BY_ID = new Map<string, RuleTypeSpec>(
  RULE_TYPES.map((spec) => [`${spec.owner}/${spec.provider}/${spec.version}`, spec]),
);

/**
 * The catalog entry for a stage-condition `ruleTypeId`, or `undefined` when it is not a known rule
 * type. `category` must be `Rule`. The service model makes `owner` and `version` optional; an absent
 * one matches `AWS` / `1`, the only values the rule reference lists. Never throws, even on malformed
 * ids.
 */
export function findRuleType(id: unknown): RuleTypeSpec | undefined {
  if (typeof id !== "object" || id === null) return undefined;
  const { category, owner = "AWS", provider, version = "1" } = id as Record<string, unknown>;
  if (category !== "Rule") return undefined;
  if (![owner, provider, version].every((v) => typeof v === "string")) return undefined;
  return RULES_BY_ID.get(`${String(owner)}/${String(provider)}/${String(version)}`);
}
