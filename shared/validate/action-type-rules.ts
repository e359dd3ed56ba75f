import { ACTION_TYPES, type ActionTypeSpec } from "../catalog";
import { member, show, stringMember } from "./json-value";
import type { IndexedAction } from "./pipeline-index";
import { defineRule, type RuleContext } from "./rule";

/**
 * The action type is not in Pipewright's catalog (a custom type, or one AWS added since): only the
 * generic checks apply. A warning, because AWS may well have it.
 *
 * AWS: "Some action types in CodePipeline are available in select AWS Regions only." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html#actions-valid-providers
 */
export const UNKNOWN_ACTION_TYPE = defineRule(
  "unknown-action-type",
  "warning",
  "The action type is not in Pipewright's catalog; only generic checks apply.",
);

/**
 * A provider Pipewright knows, in a category it does not belong to (CodeBuild under Deploy): no such
 * action type exists, and the service refuses the action.
 *
 * AWS: "Valid providers are determined by the action category." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionTypeId.html
 * Observed: "InvalidActionDeclarationException: ActionType (Category: 'Deploy', Provider: 'ECS',
 * Owner: 'AWS', Version: '1') in action 'Deploy' is not available" —
 * https://github.com/hashicorp/terraform-provider-aws/issues/4667
 */
export const PROVIDER_NOT_IN_CATEGORY = defineRule(
  "provider-not-in-category",
  "error",
  "The provider does not offer an action in this category, so the action type does not exist.",
);

/**
 * `timeoutInMinutes` on an action type other than manual approval. The model says only manual
 * approval uses it; that the service refuses it elsewhere is not documented, so this warns.
 *
 * AWS: "This attribute is available only to the manual approval ActionType." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const TIMEOUT_NOT_ALLOWED = defineRule(
  "timeout-not-allowed",
  "warning",
  "timeoutInMinutes applies only to manual approval actions.",
);

/** A provider each category is known by, for "use … instead" hints. */
const EXAMPLE_PROVIDER: Readonly<Record<string, string>> = {
  Source: "S3",
  Build: "CodeBuild",
  Test: "CodeBuild",
  Deploy: "CodeDeploy",
  Approval: "Manual",
  Invoke: "Lambda",
  Compute: "Commands",
};

/** The categories each AWS or third-party provider is documented in (Custom types are per account). */
const CATEGORIES_BY_PROVIDER: ReadonlyMap<string, readonly string[]> = (() => {
  const byProvider = new Map<string, string[]>();
  for (const spec of ACTION_TYPES) {
    if (spec.owner === "Custom") continue;
    const key = `${spec.owner}/${spec.provider}`;
    const categories = byProvider.get(key) ?? [];
    if (!categories.includes(spec.category)) categories.push(spec.category);
    byProvider.set(key, categories);
  }
  return byProvider;
})();

function typeLabel(action: IndexedAction): string {
  return `${action.owner ?? "?"}/${action.category ?? "?"}/${action.provider ?? "?"}/${stringMember(action.typeId, "version") ?? "?"}`;
}

/**
 * Reports an action type Pipewright does not know: as an error when its provider exists only in
 * other categories, else as a warning. Only called for well-formed ids.
 */
export function checkUnknownType(context: RuleContext, action: IndexedAction): void {
  const categories = CATEGORIES_BY_PROVIDER.get(`${action.owner ?? ""}/${action.provider ?? ""}`);
  if (categories !== undefined && action.category !== undefined && !categories.includes(action.category)) {
    const instead = EXAMPLE_PROVIDER[action.category];
    context.report(
      PROVIDER_NOT_IN_CATEGORY,
      [...action.path, "actionTypeId", "category"],
      `${action.provider ?? "This provider"} actions are ${categories.join(" or ")} actions, not ${action.category}; set the category to ${categories[0] ?? ""}${instead === undefined ? "" : `, or use a ${action.category} provider such as ${instead}`}: ${action.category}`,
    );
    return;
  }
  context.report(
    UNKNOWN_ACTION_TYPE,
    [...action.path, "actionTypeId"],
    `Pipewright does not know this action type, so its configuration is not checked; check the category, owner, provider and version: ${typeLabel(action)}`,
  );
}

function timeoutAllowed(action: IndexedAction, spec: ActionTypeSpec | undefined): boolean {
  if (action.category === "Approval" && action.provider === "Manual") return true;
  return spec?.members?.includes("timeoutInMinutes") ?? false;
}

/** Warns about `timeoutInMinutes` on an action type that does not use it. */
export function checkTimeout(
  context: RuleContext,
  action: IndexedAction,
  spec: ActionTypeSpec | undefined,
): void {
  const timeout = member(action.action, "timeoutInMinutes");
  if (timeout === undefined || timeoutAllowed(action, spec)) return;
  context.report(
    TIMEOUT_NOT_ALLOWED,
    [...action.path, "timeoutInMinutes"],
    `Remove the Timeout (minutes): only manual approval actions use it, and this is a ${action.provider ?? "different"} action: ${show(timeout)}`,
  );
}
