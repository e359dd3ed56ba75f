import { findActionType, type ActionTypeSpec } from "../../shared/catalog";
import { accountOnlyTypes } from "../../shared/catalog/account-types";
import type { PipelineDocument } from "../../shared/pipeline/model";
import type { ValidateOptions } from "../../shared/validate";
import { SANDBOX_REGION, type Connection } from "./connection";
import type { Gateway } from "./gateway";

/**
 * The target account's own action types (custom, partner), asked for only when an action's type is
 * not in the catalog, so its actions are checked as the service will check them. An account that
 * will not list them leaves the generic checks. Spread into the validator's options.
 */
async function accountTypesFor(
  gateway: Gateway,
  connection: Connection,
  document: PipelineDocument,
): Promise<{ accountActionTypes?: ActionTypeSpec[] }> {
  const stages: unknown[] = Array.isArray(document.pipeline.stages) ? document.pipeline.stages : [];
  const unknownType = stages.some((stage) => {
    const actions: unknown = (stage as { actions?: unknown }).actions;
    return (
      Array.isArray(actions) &&
      actions.some((a) => findActionType((a as { actionTypeId?: unknown }).actionTypeId) === undefined)
    );
  });
  if (!unknownType) return {};
  const listed = await gateway.listActionTypes(connection);
  return listed.ok ? { accountActionTypes: accountOnlyTypes(listed.value) } : {};
}

/**
 * How a deploy validates: for the Region deployed to, which decides which action Regions are
 * cross-Region (the sandbox answers as SANDBOX_REGION), and with the target account's own types.
 */
export async function validationOptions(
  gateway: Gateway,
  connection: Connection,
  document: PipelineDocument,
): Promise<ValidateOptions> {
  const pipelineRegion = connection.kind === "aws" ? connection.region : SANDBOX_REGION;
  return { pipelineRegion, ...(await accountTypesFor(gateway, connection, document)) };
}
