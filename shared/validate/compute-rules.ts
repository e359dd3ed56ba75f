import { arrayMember, member } from "./json-value";
import type { IndexedAction } from "./pipeline-index";
import { defineRule, type RuleContext } from "./rule";

const COMMANDS_DOCS =
  "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html";

/**
 * A Commands action without `commands`: the action is nothing but its shell commands.
 *
 * AWS: "When you run the action, commands specified in the action configuration are run in a
 * separate container." — https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
 * AWS: "commands — The shell commands to run with your compute action in CodePipeline." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const COMMANDS_MISSING = defineRule(
  "commands-missing",
  "error",
  "A Commands action needs the shell commands it runs.",
);

/**
 * A command written on several lines. The service stores it, but the action runs single-line
 * commands only, so it fails when it runs.
 *
 * AWS: "All formats are supported except multi-line formats. You must use single-line format when
 * entering commands." — https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
 */
export const MULTI_LINE_COMMAND = defineRule(
  "multi-line-command",
  "warning",
  "A command spans several lines; the Commands action runs single-line commands only.",
);

/**
 * `commands`, `outputVariables` or output `files` on an action that is not a compute action: the
 * model says they belong to the compute action, and other action types ignore them.
 *
 * AWS: "outputVariables — The list of variables that are to be exported from the compute action." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 * AWS: "files — The files that you want to associate with the output artifact that will be exported
 * from the compute action." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OutputArtifact.html
 */
export const COMPUTE_MEMBER_IGNORED = defineRule(
  "compute-member-ignored",
  "warning",
  "A member only the Commands (compute) action uses is set on another action type.",
);

function isCommands(action: IndexedAction): boolean {
  return action.provider === "Commands" && action.owner === "AWS";
}

/** Commands-action constraints, and compute-only members on other actions. */
export function checkComputeMembers(context: RuleContext, action: IndexedAction): void {
  if (isCommands(action)) {
    if (member(action.action, "commands") === undefined) {
      context.report(
        COMMANDS_MISSING,
        action.path,
        `Add the Commands this action runs, one shell command per entry, for example ["npm ci", "npm test"] (see ${COMMANDS_DOCS}): commands`,
      );
    }
    arrayMember(action.action, "commands").forEach((command, i) => {
      if (typeof command === "string" && /[\r\n]/.test(command)) {
        context.report(
          MULTI_LINE_COMMAND,
          [...action.path, "commands", i],
          `Split this command into one entry per line, or join the lines with && on one line: ${command.split(/\r?\n/)[0] ?? ""}…`,
        );
      }
    });
    return;
  }
  if (action.category === "Compute") return;
  for (const key of ["commands", "outputVariables"] as const) {
    if (member(action.action, key) !== undefined) {
      context.report(
        COMPUTE_MEMBER_IGNORED,
        [...action.path, key],
        `Only Commands actions use ${key === "commands" ? "Commands" : "Output variables"}; a ${action.provider ?? "different"} action ignores it, so remove it: ${key}`,
      );
    }
  }
  arrayMember(action.action, "outputArtifacts").forEach((output, i) => {
    if (member(output, "files") !== undefined) {
      context.report(
        COMPUTE_MEMBER_IGNORED,
        [...action.path, "outputArtifacts", i, "files"],
        `Only Commands actions choose Output files; a ${action.provider ?? "different"} action ignores them, so remove them: files`,
      );
    }
  });
}
