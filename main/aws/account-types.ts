import { findActionType, type ActionTypeSpec } from "../../shared/catalog";
import { accountOnlyTypes } from "../../shared/catalog/account-types";
import type { PipelineDocument } from "../../shared/pipeline/model";
import type { Connection } from "./connection";
import type { Gateway } from "./gateway";

/**
 * The target account's own action types (custom, partner), asked for only when an action's type is
 * not in the catalog, so its actions are checked as the service will check them. An account that
 * will not list them leaves the generic checks.
 */
export async function accountTypesFor(
  gateway: Gateway,
  connection: Connection,
  document: PipelineDocument,
): Promise<ActionTypeSpec[] | undefined> {
  const stages: unknown[] = Array.isArray(document.pipeline.stages) ? document.pipeline.stages : [];
  const unknownType = stages.some((stage) => {
    const actions: unknown = (stage as { actions?: unknown }).actions;
    return (
      Array.isArray(actions) &&
      actions.some((a) => findActionType((a as { actionTypeId?: unknown }).actionTypeId) === undefined)
    );
  });
  if (!unknownType) return undefined;
  const listed = await gateway.listActionTypes(connection);
  return listed.ok ? accountOnlyTypes(listed.value) : undefined;
}
