import { validateDocument } from "../../shared/validate";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { FORMAT_OPTION, parseCommand, reportFormat, UsageError, type CliCommand } from "./command";
import {
  formatCompilerLine,
  formatSummary,
  placeDiagnostics,
  type ReportedDiagnostic,
} from "./diagnostic-report";
import { readPipelineFile } from "./pipeline-file";

const HELP = `Usage: pipewright validate <file...> [--format text|json] [--region R]

Checks pipeline files (create-pipeline input, get-pipeline output or a bare pipeline) and prints
every problem as "file:line:col: severity code: message", then a summary line.

Options:
  --format text|json  text (default) or a JSON array of {file, line, column, severity, code,
                      message, path}
  --region R          the Region the pipeline is deployed to (default: AWS_REGION, then
                      AWS_DEFAULT_REGION); an action whose region is another one is cross-Region.
                      Without any, the Region is inferred from the file where it can be
  -h, --help          show this help

Exit status: 0 no errors (warnings and info allowed), 1 errors found, 2 wrong command line.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, io, HELP, { ...FORMAT_OPTION, region: { type: "string" } });
  if (!parsed) return EXIT_OK;
  const { values, positionals } = parsed;
  const format = reportFormat(values.format);
  if (positionals.length === 0) throw new UsageError("name at least one pipeline file to validate");
  const region = values.region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined);
  const options = region === undefined ? {} : { pipelineRegion: region };

  const reported: ReportedDiagnostic[] = [];
  for (const file of positionals) {
    const read = await readPipelineFile(file);
    const diagnostics = read.document
      ? [...read.diagnostics, ...validateDocument(read.document, options)]
      : read.diagnostics;
    const placed = placeDiagnostics(file, read.text, diagnostics);
    reported.push(...placed);
    if (format === "text") io.out(placed.map(formatCompilerLine).join(""));
  }
  if (format === "json") io.out(`${JSON.stringify(reported, null, 2)}\n`);
  else io.out(formatSummary(positionals.length, reported));
  return reported.some((d) => d.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}

/** `pipewright validate`. */
export const validateCommand: CliCommand = {
  name: "validate",
  summary: "check pipeline files; compiler-style problems, exit 1 on errors",
  help: HELP,
  run,
};
