/**
 * The service's structural checks, done by the same rule engine the editor uses. The first
 * error-severity finding decides the exception: one inside an action is an
 * InvalidActionDeclarationException, inside a blocker an InvalidBlockerDeclarationException,
 * inside a stage an InvalidStageDeclarationException, anything else InvalidStructureException.
 */
import { validatePipeline } from "../../../shared/validate";
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
 * Throws the matching Invalid*Exception when the declaration has an error; warnings pass.
 * `region` is the request's Region: an action's `region` equal to it is not cross-Region.
 */
export function checkStructure(pipeline: unknown, region?: string): void {
  const options = region === undefined ? {} : { pipelineRegion: region };
  const problem = validatePipeline(pipeline, options).find((d) => d.severity === "error");
  if (!problem) return;
  const where =
    problem.path.length > 0
      ? ` (at pipeline.${describe(problem.path)}; rule ${problem.code})`
      : ` (rule ${problem.code})`;
  fail(exceptionFor(problem.path), `${problem.message}${where}`);
}
