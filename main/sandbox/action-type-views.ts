/**
 * Action and rule types as ListActionTypes and ListRuleTypes show them: the built-in ones from
 * the repo's catalog (shared/catalog, the same data the palette and the validator use), custom
 * ones from the partition.
 */
import { ACTION_TYPES, RULE_TYPES, type ActionTypeSpec, type ConfigField } from "../../shared/catalog";
import type { CustomActionTypeRecord } from "./partition-records";

/** The model's ActionConfigurationProperty.description allows 1–160 characters. */
function description(text: string): string {
  return text.length <= 160 ? text : `${text.slice(0, 159)}…`;
}

/**
 * A catalog field as ActionConfigurationProperty. The catalog does not record which keys AWS
 * marks `key`; the built-in types AWS lists mark their required keys (ProjectName,
 * RepositoryName, S3Bucket…) as keys, so `key` follows `required` here.
 */
function property(field: ConfigField): Record<string, unknown> {
  return {
    name: field.key,
    required: field.required,
    key: field.required,
    secret: field.secret === true,
    queryable: false,
    description: description(field.description),
    type: "String",
  };
}

/**
 * The model types ArtifactDetails counts as 0–5; a catalog count above that (CloudFormation takes
 * up to 10 input artifacts) is shown as 5, the most an ArtifactDetails can say.
 */
function artifactDetails(count: { min: number; max: number }): {
  minimumCount: number;
  maximumCount: number;
} {
  return { minimumCount: Math.min(count.min, 5), maximumCount: Math.min(count.max, 5) };
}

/**
 * The model's ActionConfigurationPropertyList holds at most 10 properties. For the few built-in
 * types whose catalog knows more keys (DeviceFarm, CloudFormation stack sets, CodeDeployToECS),
 * the required keys come first, then optional ones up to 10; the palette and the validator read
 * the whole catalog, not this listing.
 */
function listed(fields: readonly ConfigField[]): ConfigField[] {
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)].slice(0, 10);
}

/** A built-in action type (owner AWS or ThirdParty) as the model's ActionType. */
export function builtInActionTypeView(spec: ActionTypeSpec): Record<string, unknown> {
  return {
    id: { category: spec.category, owner: spec.owner, provider: spec.provider, version: spec.version },
    ...(spec.docsUrl ? { settings: { thirdPartyConfigurationUrl: spec.docsUrl } } : {}),
    actionConfigurationProperties: listed(spec.configuration).map(property),
    inputArtifactDetails: artifactDetails(spec.inputArtifacts),
    outputArtifactDetails: artifactDetails(spec.outputArtifacts),
  };
}

/**
 * The types AWS offers every account. Custom entries of the catalog (the common Jenkins
 * registration) are not AWS's: an account has them only once it created them.
 */
export const BUILT_IN_ACTION_TYPES: readonly ActionTypeSpec[] = ACTION_TYPES.filter(
  (t) => t.owner !== "Custom",
);

export function customActionTypeView(record: CustomActionTypeRecord): Record<string, unknown> {
  return {
    id: { ...record.id },
    ...(record.settings && Object.keys(record.settings).length > 0
      ? { settings: { ...record.settings } }
      : {}),
    actionConfigurationProperties: record.configurationProperties.map((p) => ({ ...p })),
    inputArtifactDetails: { ...record.inputArtifactDetails },
    outputArtifactDetails: { ...record.outputArtifactDetails },
  };
}

/**
 * Rule types as the model's RuleType. The rule reference gives no artifact counts per rule, so
 * every rule shows the model's ArtifactDetails bounds (0–5).
 */
export function ruleTypeViews(): Record<string, unknown>[] {
  return RULE_TYPES.map((spec) => ({
    id: { category: "Rule", owner: spec.owner, provider: spec.provider, version: spec.version },
    ...(spec.docsUrl ? { settings: { thirdPartyConfigurationUrl: spec.docsUrl } } : {}),
    ruleConfigurationProperties: listed(spec.configuration).map(property),
    inputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
  }));
}
