import type { GitPullRequestEventType } from "../../shared/pipeline/model";
import {
  PULL_REQUEST_EVENT_TYPES,
  testTriggers,
  type TriggerEvent,
  type TriggerTestResult,
} from "../../shared/triggers";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { FORMAT_OPTION, parseCommand, reportFormat, UsageError, type CliCommand } from "./command";
import { formatCompilerLine, placeDiagnostics } from "./diagnostic-report";
import { readPipelineFile } from "./pipeline-file";

const HELP = `Usage: pipewright trigger-test <file> (--branch B | --tag T) [--files f1,f2]
                              [--event push|pull-request] [--pr-event OPEN|UPDATED|CLOSED]
                              [--source-branch S] [--format text|json]

Says which V2 trigger of the pipeline starts it for a Git event, or why none does: which include
or exclude of which filter decided. Follows the glob rules and precedence of the CodePipeline user
guide ("Working with glob patterns in syntax", "Add trigger with code push or pull request event
types"): excludes win over includes, filters of a trigger are ORed, the parts of a filter ANDed.

Options:
  --branch B          push: the branch pushed to; pull request: the destination branch
  --tag T             push of the Git tag T (push only)
  --files f1,f2       changed file paths, relative to the repository root
  --event E           push (default) or pull-request
  --pr-event E        OPEN (default), UPDATED or CLOSED, for --event pull-request
  --source-branch S   the pull request's source branch (shown, not filtered on)
  --format text|json  text (default) or {"fires", "sourceActionName", "reason"}
  -h, --help          show this help

Exit status: 0 the event was judged (whether or not a trigger fires), 1 the file cannot be read
as a pipeline, 2 wrong command line.
`;

function eventFrom(values: Record<string, string | boolean | undefined>): TriggerEvent {
  const get = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  const branch = get("branch");
  const tag = get("tag");
  const kind = get("event") ?? "push";
  if (kind !== "push" && kind !== "pull-request") {
    throw new UsageError(`--event must be push or pull-request: ${kind}`);
  }
  if (branch !== undefined && tag !== undefined) throw new UsageError("give --branch or --tag, not both");
  if (branch === undefined && tag === undefined)
    throw new UsageError("give the branch (--branch B) or the tag (--tag T)");
  if (branch === "" || tag === "") throw new UsageError("a branch or tag name cannot be empty");
  const files = (get("files") ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  if (kind === "push") {
    if (get("pr-event") !== undefined || get("source-branch") !== undefined) {
      throw new UsageError("--pr-event and --source-branch apply to --event pull-request only");
    }
    return branch !== undefined ? { kind, branch, files } : { kind, tag: tag ?? "", files };
  }
  if (tag !== undefined)
    throw new UsageError("a pull request has branches, not tags: use --branch for its destination");
  const action = get("pr-event") ?? "OPEN";
  if (!(PULL_REQUEST_EVENT_TYPES as readonly string[]).includes(action)) {
    throw new UsageError(`--pr-event must be OPEN, UPDATED or CLOSED: ${action}`);
  }
  const sourceBranch = get("source-branch");
  return {
    kind,
    action: action as GitPullRequestEventType,
    destinationBranch: branch ?? "",
    ...(sourceBranch === undefined ? {} : { sourceBranch }),
    files,
  };
}

/** The text report: the verdict first, then what each trigger said. */
export function formatTriggerTest(result: TriggerTestResult): string {
  const lines = [
    result.fires ? `Fires: the trigger of source action "${result.sourceActionName}"` : "No trigger fires",
  ];
  for (const verdict of result.verdicts) {
    lines.push(`  ${verdict.fires ? "fires" : "no"}    ${verdict.reason}`);
    for (const problem of verdict.problems) lines.push(`          warning: ${problem}`);
  }
  return `${lines.join("\n")}\n`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, io, HELP, {
    branch: { type: "string" },
    tag: { type: "string" },
    files: { type: "string" },
    event: { type: "string" },
    "pr-event": { type: "string" },
    "source-branch": { type: "string" },
    ...FORMAT_OPTION,
  });
  if (!parsed) return EXIT_OK;
  const { values, positionals } = parsed;
  const format = reportFormat(values.format);
  if (positionals.length !== 1) throw new UsageError("name exactly one pipeline file");
  const event = eventFrom(values);
  const file = positionals[0] as string;
  const read = await readPipelineFile(file);
  if (!read.document) {
    io.err(placeDiagnostics(file, read.text, read.diagnostics).map(formatCompilerLine).join(""));
    return EXIT_ERRORS;
  }
  const result = testTriggers(read.document.pipeline, event);
  if (format === "json") {
    const { fires, sourceActionName, reason } = result;
    io.out(`${JSON.stringify({ fires, sourceActionName, reason }, null, 2)}\n`);
  } else io.out(formatTriggerTest(result));
  return EXIT_OK;
}

/** `pipewright trigger-test`. */
export const triggerTestCommand: CliCommand = {
  name: "trigger-test",
  summary: "which V2 trigger starts the pipeline for a push or pull request, and why",
  help: HELP,
  run,
};
