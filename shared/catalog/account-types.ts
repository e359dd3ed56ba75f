import type { ActionCategory, ActionOwner, ActionTypeId } from "../pipeline/model";
import { CATEGORIES, findActionType } from "./index";
import type { ActionTypeSpec, ConfigField } from "./types";

/**
 * One entry of ListActionTypes' `actionTypes`, as the service model's `ActionType` shape has it
 * (only the members Pipewright reads).
 */
export interface ListedActionType {
  id: { category: string; owner: string; provider: string; version: string };
  settings?: { thirdPartyConfigurationUrl?: string; entityUrlTemplate?: string };
  actionConfigurationProperties?: readonly {
    name: string;
    required: boolean;
    key: boolean;
    secret: boolean;
    queryable?: boolean;
    description?: string;
  }[];
  inputArtifactDetails: { minimumCount: number; maximumCount: number };
  outputArtifactDetails: { minimumCount: number; maximumCount: number };
}

const OWNERS: readonly string[] = ["AWS", "ThirdParty", "Custom"];

function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function field(
  property: NonNullable<ListedActionType["actionConfigurationProperties"]>[number],
): ConfigField {
  // What the type declares about the property, said where the inspector shows the field.
  const description = [
    sentence(property.description ?? "A configuration property of this action type"),
    property.secret ? "Secret: AWS shows it masked as ****." : "",
    property.queryable === true ? "Job workers poll by it: up to 20 letters, digits, _ or -." : "",
  ]
    .filter((part) => part !== "")
    .join(" ");
  return {
    key: property.name,
    required: property.required,
    description,
    ...(property.secret ? { secret: true } : {}),
    ...(property.queryable === true ? { queryable: true } : {}),
  };
}

/**
 * An action type the connected account lists (ListActionTypes) as the palette, the inspector and
 * the validator read catalog entries: its configuration properties become fields, its artifact
 * details the artifact bounds. `undefined` for an entry whose id is not a valid action type id.
 */
export function specFromListing(listed: ListedActionType): ActionTypeSpec | undefined {
  const { category, owner, provider, version } = listed.id;
  if (!CATEGORIES.includes(category as ActionCategory) || !OWNERS.includes(owner)) return undefined;
  const docsUrl = listed.settings?.thirdPartyConfigurationUrl;
  return {
    category: category as ActionCategory,
    owner: owner as ActionOwner,
    provider,
    version,
    title: provider,
    description: `${owner === "Custom" ? "A custom" : owner === "ThirdParty" ? "A partner" : "An"} action type of the connected account (${category}, version ${version}).`,
    inputArtifacts: {
      min: listed.inputArtifactDetails.minimumCount,
      max: listed.inputArtifactDetails.maximumCount,
    },
    outputArtifacts: {
      min: listed.outputArtifactDetails.minimumCount,
      max: listed.outputArtifactDetails.maximumCount,
    },
    configuration: (listed.actionConfigurationProperties ?? []).map(field),
    v2Only: false,
    fromAccount: true,
    ...(docsUrl === undefined ? {} : { docsUrl }),
  };
}

/**
 * The action types of a ListActionTypes answer that Pipewright's catalog does not know (custom
 * types, partner types, types AWS added since), in the answer's order. Catalog types keep their
 * richer catalog entries.
 */
export function accountOnlyTypes(listed: readonly ListedActionType[]): ActionTypeSpec[] {
  return listed
    .filter((t) => findActionType(t.id) === undefined)
    .map(specFromListing)
    .filter((spec) => spec !== undefined);
}

/**
 * The entry for an action type id: the catalog's, else one of `account` (the connected account's
 * types, from {@link accountOnlyTypes}). Never throws, even on malformed ids.
 */
export function findActionTypeWith(
  id: unknown,
  account: readonly ActionTypeSpec[] | undefined,
): ActionTypeSpec | undefined {
  const known = findActionType(id);
  if (known !== undefined || account === undefined || typeof id !== "object" || id === null) return known;
  const { category, owner, provider, version } = id as Partial<Record<keyof ActionTypeId, unknown>>;
  return account.find(
    (s) => s.category === category && s.owner === owner && s.provider === provider && s.version === version,
  );
}
