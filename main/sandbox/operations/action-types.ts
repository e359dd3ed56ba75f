/**
 * CreateCustomActionType, DeleteCustomActionType, ListActionTypes, GetActionType,
 * UpdateActionType and ListRuleTypes. Custom types (owner `Custom`, run by job workers) belong
 * to one account in one region, like pipelines; integration-model types (GetActionType,
 * UpdateActionType) are the ones AWS sets up for a provider, here the sandbox's `actionTypes`.
 */
import type { OperationHandler } from "../context";
import {
  BUILT_IN_ACTION_TYPES,
  builtInActionTypeView,
  customActionTypeView,
  ruleTypeViews,
} from "../action-type-views";
import { paginate } from "../pagination";
import {
  actionTypeKey,
  type ActionTypeIdRecord,
  type ConfigurationPropertyRecord,
  type CustomActionTypeRecord,
  type IntegrationActionTypeRecord,
} from "../partition-records";
import { integrationTypesOf } from "../partitions";
import { fail } from "../protocol";
import type { TagRecord } from "../records";
import { checkTags } from "./tags";

/**
 * "Maximum number of custom actions per region in an AWS account: 50"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html).
 */
const MAX_CUSTOM_ACTION_TYPES = 50;

/** The service's wording when a type is unknown ("ActionType (Category: 'Build', Owner: …) is not available"). */
function notAvailable(id: ActionTypeIdRecord): string {
  return `ActionType (Category: '${id.category}', Owner: '${id.owner}', Provider: '${id.provider}', Version: '${id.version}') is not available`;
}

/**
 * ActionConfigurationProperty.queryable: "When creating a custom action, an action can have up
 * to one queryable property. If it has one, that property must be both required and not
 * secret." (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionConfigurationProperty.html)
 */
function checkProperties(properties: readonly ConfigurationPropertyRecord[]): void {
  const queryable = properties.filter((p) => p.queryable === true);
  if (queryable.length > 1) {
    fail(
      "ValidationException",
      `A custom action type can have at most one queryable property; these are: ${queryable.map((p) => p.name).join(", ")}`,
    );
  }
  const [only] = queryable;
  if (only && (!only.required || only.secret)) {
    fail(
      "ValidationException",
      `The queryable property must be required and not secret: ${only.name} (required ${only.required}, secret ${only.secret})`,
    );
  }
}

export const createCustomActionType: OperationHandler = (ctx, input) => {
  const data = ctx.partition.data;
  const id: ActionTypeIdRecord = {
    category: input.category as string,
    owner: "Custom",
    provider: input.provider as string,
    version: input.version as string,
  };
  const existing = data.customActionTypes.find((t) => actionTypeKey(t.id) === actionTypeKey(id));
  if (existing?.deleted) {
    // DeleteCustomActionType: "To re-create a custom action after it has been deleted you must
    // use a string in the version field that has never been used before."
    fail(
      "ValidationException",
      `Version ${id.version} of custom action type ${id.category}/${id.provider} was deleted and cannot be used again; choose a version never used before`,
    );
  }
  if (existing)
    fail("ValidationException", `${notAvailable(id).replace(/ is not available$/, "")} already exists`);
  if (data.customActionTypes.filter((t) => !t.deleted).length >= MAX_CUSTOM_ACTION_TYPES) {
    fail(
      "LimitExceededException",
      `The account already has the maximum number of custom action types in ${ctx.region}: ${MAX_CUSTOM_ACTION_TYPES}`,
    );
  }
  const properties = ((input.configurationProperties as ConfigurationPropertyRecord[] | undefined) ?? []).map(
    (p) => ({ ...p }),
  );
  checkProperties(properties);
  const tags = ((input.tags as TagRecord[] | undefined) ?? []).map((t) => ({ key: t.key, value: t.value }));
  checkTags(tags, []);
  const record: CustomActionTypeRecord = {
    id,
    ...(input.settings ? { settings: { ...(input.settings as CustomActionTypeRecord["settings"]) } } : {}),
    configurationProperties: properties,
    inputArtifactDetails: {
      ...(input.inputArtifactDetails as CustomActionTypeRecord["inputArtifactDetails"]),
    },
    outputArtifactDetails: {
      ...(input.outputArtifactDetails as CustomActionTypeRecord["outputArtifactDetails"]),
    },
    tags,
    created: ctx.engine.clock.now(),
    deleted: false,
  };
  data.customActionTypes.push(record);
  ctx.changed();
  return { actionType: customActionTypeView(record), ...(tags.length > 0 ? { tags } : {}) };
};

/**
 * "Marks a custom action as deleted. PollForJobs for the custom action fails after the action is
 * marked for deletion." The model lists no not-found error, so an unknown type is a
 * ValidationException.
 */
export const deleteCustomActionType: OperationHandler = (ctx, input) => {
  const id: ActionTypeIdRecord = {
    category: input.category as string,
    owner: "Custom",
    provider: input.provider as string,
    version: input.version as string,
  };
  const record = ctx.partition.data.customActionTypes.find(
    (t) => actionTypeKey(t.id) === actionTypeKey(id) && !t.deleted,
  );
  if (!record) fail("ValidationException", notAvailable(id));
  record.deleted = true;
  record.tags = [];
  ctx.changed();
  return {};
};

/**
 * Built-in types (owner AWS and ThirdParty, from the catalog) and the account's custom types in
 * the region, filtered by `actionOwnerFilter`. `regionFilter` lists the custom types of that
 * region (built-in types are offered in every region here).
 */
export const listActionTypes: OperationHandler = (ctx, input) => {
  const owner = input.actionOwnerFilter as string | undefined;
  const region = (input.regionFilter as string | undefined) ?? ctx.region;
  const custom =
    region === ctx.region
      ? ctx.partition.data.customActionTypes
      : (ctx.partition.siblings(region)?.data.customActionTypes ?? []);
  const all = [
    ...BUILT_IN_ACTION_TYPES.map(builtInActionTypeView),
    ...custom.filter((t) => !t.deleted).map(customActionTypeView),
  ]
    .filter((t) => owner === undefined || (t.id as ActionTypeIdRecord).owner === owner)
    .map((view) => ({ view, key: actionTypeKey(view.id as ActionTypeIdRecord) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const { page, nextToken } = paginate(
    all,
    (t) => t.key,
    input as { nextToken?: string },
    `ListActionTypes:${owner ?? ""}:${region}`,
    100,
  );
  return { actionTypes: page.map((t) => t.view), nextToken };
};

function findIntegration(
  records: readonly IntegrationActionTypeRecord[],
  id: ActionTypeIdRecord,
): IntegrationActionTypeRecord {
  return (
    records.find((t) => actionTypeKey(t.declaration.id) === actionTypeKey(id)) ??
    fail("ActionTypeNotFoundException", notAvailable(id))
  );
}

/**
 * "Returns information about an action type created for an external provider" — the
 * integration model's ActionTypeDeclaration. Built-in and custom types are not such types.
 */
export const getActionType: OperationHandler = (ctx, input) => {
  const id = input as unknown as ActionTypeIdRecord;
  const record = findIntegration(integrationTypesOf(ctx.partition.data, ctx.partition.seedActionTypes), id);
  return { actionType: structuredClone(record.declaration) };
};

/** Replaces the whole declaration, as "Use a JSON file with the action definition … to provide the full structure" says. */
export const updateActionType: OperationHandler = (ctx, input) => {
  const declaration = input.actionType as IntegrationActionTypeRecord["declaration"];
  const data = ctx.partition.data;
  findIntegration(integrationTypesOf(data, ctx.partition.seedActionTypes), declaration.id);
  const key = actionTypeKey(declaration.id);
  data.integrationActionTypes = [
    ...data.integrationActionTypes.filter((t) => actionTypeKey(t.declaration.id) !== key),
    { declaration: structuredClone(declaration), updated: ctx.engine.clock.now() },
  ];
  ctx.changed();
  return {};
};

/** The stage-condition rule types (owner AWS), from the catalog the condition editor uses. */
export const listRuleTypes: OperationHandler = () => ({ ruleTypes: ruleTypeViews() });
