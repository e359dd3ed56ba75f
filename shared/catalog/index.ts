import type { ActionCategory, ActionTypeId } from "../pipeline/model";
import { ACTION_TYPES } from "./action-types";
import type { ActionTypeSpec } from "./types";

export type { ActionTypeSpec, ArtifactCount, ConfigField } from "./types";
export { ACTION_TYPES } from "./action-types";

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
