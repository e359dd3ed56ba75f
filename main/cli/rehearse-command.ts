import { readFile } from "node:fs/promises";
import { describeEvent, formatOffset, type RehearsalResult } from "../../shared/rehearse";
import { validateDocument } from "../../shared/validate";
import { RehearsalInvalidPipeline, RehearsalScenarioError, rehearsePipeline } from "../rehearse/rehearse";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { FORMAT_OPTION, parseCommand, reportFormat, UsageError, type CliCommand } from "./command";
import { formatCompilerLine, placeDiagnostics } from "./diagnostic-report";
import { errorCode, readPipelineFile } from "./pipeline-file";

const HELP = `Usage: pipewright rehearse <file> [--scenario FILE] [--format text|json]

Rehearses the pipeline in a private, in-memory sandbox (never your sandbox state or an AWS
account) at the speed of the simulation, and prints the path the run took: stages entered,
skipped by a condition, retried, rolled back, failed, and the variables each action resolved.

A rehearsal starts with a baseline run in which everything succeeds, as on a pipeline that has
shipped before, so a rollback has an earlier successful execution to return to; then it runs the
pipeline with the scenario's outcomes. Without --scenario everything succeeds. Manual approvals
are approved unless the scenario answers them; rollback runs keep the scenario's durations but
succeed.

Options:
  --scenario FILE     what actions, condition rules and approvals do: the format of
                      "pipewright sandbox --scenario", plus "variables" (values the run starts
                      with) and "expect" (what the run must do; see README)
  --format text|json  text (default) or {"status", "stages": [{"name", "status", "attempts",
                      "rolledBack"}], "actions": [{"stage", "name", "status",
                      "resolvedConfiguration"}]} (and "expectations" when the scenario has them)
  -h, --help          show this help

Exit status: 0 the rehearsal ran (whatever its outcome), 1 the pipeline is invalid, 2 wrong
command line or an unusable scenario file.
`;

async function readScenario(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the scenario file (${errorCode(error)}): ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the scenario file is not valid JSON (${(error as Error).message}): ${file}`);
  }
}

/** The JSON the issue specifies: the rehearsed run's status, stages and action executions. */
export function rehearsalJson(result: RehearsalResult): Record<string, unknown> {
  return {
    status: result.status,
    stages: result.stages.map(({ name, status, attempts, rolledBack }) => ({
      name,
      status,
      attempts,
      rolledBack,
    })),
    actions: result.actions.map(({ stage, name, status, resolvedConfiguration }) => ({
      stage,
      name,
      status,
      resolvedConfiguration,
    })),
    ...(result.expectations ? { expectations: result.expectations } : {}),
  };
}

/** The path, then one line per stage, then the expectations. */
export function formatRehearsal(result: RehearsalResult): string {
  const lines = [`Rehearsal of pipeline "${result.pipelineName}": ${result.status}`, ""];
  for (const note of result.notes) lines.push(`Note: ${note}`, "");
  for (const event of result.events) {
    const who = event.role === "rollback" ? "rollback " : "";
    lines.push(`  ${formatOffset(event.atMs).padStart(7)}  ${who}${describeEvent(event)}`);
  }
  lines.push("", "Stages:");
  const width = Math.max(...result.stages.map((s) => s.name.length), 5);
  for (const stage of result.stages) {
    const extra = [
      stage.retryMode ? `retried ${stage.retryMode}` : "",
      stage.rolledBack ? `rolled back to ${stage.rollbackTargetExecutionId ?? "?"}` : "",
    ].filter((x) => x !== "");
    const attempts = `${stage.attempts} ${stage.attempts === 1 ? "attempt" : "attempts"}`;
    lines.push(
      `  ${stage.name.padEnd(width)}  ${(stage.status ?? "not run").padEnd(10)}  ${attempts}${extra.length ? `  ${extra.join(", ")}` : ""}`,
    );
  }
  if (result.expectations) {
    const met = result.expectations.filter((e) => e.passed).length;
    lines.push("", `Expectations: ${met} of ${result.expectations.length} met`);
    for (const e of result.expectations) {
      lines.push(e.passed ? `  ok    ${e.expected}` : `  FAIL  expected ${e.expected}, got ${e.actual}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, io, HELP, { scenario: { type: "string" }, ...FORMAT_OPTION });
  if (!parsed) return EXIT_OK;
  const { values, positionals } = parsed;
  const format = reportFormat(values.format);
  if (positionals.length !== 1) throw new UsageError("name exactly one pipeline file");
  const file = positionals[0] as string;
  const scenario = values.scenario === undefined ? undefined : await readScenario(values.scenario);
  const read = await readPipelineFile(file);
  const diagnostics = read.document
    ? [...read.diagnostics, ...validateDocument(read.document)]
    : read.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!read.document || errors.length > 0) {
    io.err(placeDiagnostics(file, read.text, errors).map(formatCompilerLine).join(""));
    io.err(`pipewright rehearse: the pipeline has errors; nothing was rehearsed\n`);
    return EXIT_ERRORS;
  }
  let result: RehearsalResult;
  try {
    result = rehearsePipeline(read.document.pipeline, scenario);
  } catch (error) {
    if (error instanceof RehearsalScenarioError)
      throw new UsageError(`${values.scenario ?? "scenario"}: ${error.message}`);
    if (error instanceof RehearsalInvalidPipeline) {
      for (const d of error.diagnostics) io.err(`${file}: error ${d.code}: ${d.message}\n`);
      return EXIT_ERRORS;
    }
    throw error;
  }
  io.out(format === "json" ? `${JSON.stringify(rehearsalJson(result), null, 2)}\n` : formatRehearsal(result));
  return EXIT_OK;
}

/** `pipewright rehearse`. */
export const rehearseCommand: CliCommand = {
  name: "rehearse",
  summary: "run the pipeline's failure paths in a private sandbox and print the path",
  help: HELP,
  run,
};
