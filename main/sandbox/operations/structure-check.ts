/**
 * The service's structural checks, done by the same rule engine the editor uses. The first
 * error-severity finding decides the exception: one inside an action is an
 * InvalidActionDeclarationException, inside a blocker an InvalidBlockerDeclarationException,
 * inside a stage an InvalidStageDeclarationException, anything else InvalidStructureException.
 */
import type { ActionTypeSpec } from "../../../shared/catalog";
import { specFromListing, type ListedActionType } from "../../../shared/catalog/account-types";
import { validatePipeline } from "../../../shared/validate";
import { customActionTypeView } from "../action-type-views";
import type { CustomActionTypeRecord } from "../partition-records";
import { fail } from "../protocol";

function exceptionFor(path: readonly (string | number)[]): string {
  if (path[0] !== "stages" || typeof path[1] !== "number") return "InvalidStructureException";
  if (path[2] === "actions" && typeof path[3] === "number") return "InvalidActionDeclarationException";
  if (path[2] === "blockers") return "InvalidBlockerDeclarationException";
  return "InvalidStageDeclarationException";
}

function describe(path: readonly (string | number)[]): string {
  return path
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`))
    .join("")
    .replace(/^\./, "");
}

/**
 * The account's custom action types in the request's Region, as the validator reads them: an
 * action of one of them is checked against its declared properties and artifact details, as the
 * service checks it ("required — Whether the configuration property is a required value." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionConfigurationProperty.html).
 */
export function customTypeSpecs(records: readonly CustomActionTypeRecord[]): ActionTypeSpec[] {
  return records
    .filter((t) => !t.deleted)
    .map((t) => specFromListing(customActionTypeView(t) as unknown as ListedActionType))
    .filter((spec) => spec !== undefined);
}

/**
 * Throws the matching Invalid*Exception when the declaration has an error; warnings pass.
 * `region` is the request's Region: an action's `region` equal to it is not cross-Region.
 */
export function checkStructure(
  pipeline: unknown,
  region?: string,
  accountActionTypes?: readonly ActionTypeSpec[],
): void {
  const options = {
    ...(region === undefined ? {} : { pipelineRegion: region }),
    ...(accountActionTypes === undefined ? {} : { accountActionTypes }),
  };
  const problem = validatePipeline(pipeline, options).find((d) => d.severity === "error");
  if (!problem) return;
  const where =
    problem.path.length > 0
      ? ` (at pipeline.${describe(problem.path)}; rule ${problem.code})`
      : ` (rule ${problem.code})`;
  fail(exceptionFor(problem.path), `${problem.message}${where}`);
}
