import { exportPipeline, parseDocument } from "../../shared/formats";
import { EXPORT_FORMATS, exportIac, iacSourceOf, type ExportFormat } from "../../shared/iac";
import type { JsonPath, PipelineDocument, PipelineType } from "../../shared/pipeline/model";
import { validateDocument, type Diagnostic } from "../../shared/validate";
import { writeFileAtomic } from "../storage/atomic-write";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { onlyArgument, parseCommand, UsageError, type CliCommand } from "./command";
import { formatCompilerLine, formatPath, placeDiagnostics } from "./diagnostic-report";
import { errorCode, readPipelineFile } from "./pipeline-file";

const HELP = `Usage: pipewright export <file> [--format F] [--type V1|V2] [--drop-unsupported] [--parameterize] [-o <out>]

Writes the pipeline as "aws codepipeline create-pipeline --cli-input-json" input: {"pipeline",
"tags"} with pipelineType set, canonical 2-space JSON; or, with --format, as infrastructure as
code. Nothing is written when the pipeline has errors.

Options:
  --format F            json (default), cfn-yaml or cfn-json (a CloudFormation template with an
                        AWS::CodePipeline::Pipeline resource), terraform (an aws_codepipeline
                        resource), cdk-ts (a CDK stack in TypeScript with a CfnPipeline). Secret
                        configuration values always become NoEcho parameters / sensitive variables.
                        A pipeline imported from a template is written back into that template.
  --parameterize        template formats: account-specific values (role ARNs, artifact bucket, KMS
                        key, connection ARNs, account ids in ARNs) become parameters whose
                        defaults are the current values
  --type V1|V2          pipeline type to export (default: the file's pipelineType)
  --drop-unsupported    for V1, delete V2-only features (triggers, variables, QUEUED/PARALLEL,
                        stage conditions, V2-only actions) instead of refusing; each is listed
                        on stderr
  -o, --output <out>    write to <out> (atomically: the old file or the new one, never a part)
                        instead of stdout
  -h, --help            show this help

Exit status: 0 exported, 1 refused (errors are on stderr) or the write failed, 2 wrong command line.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, io, HELP, {
    type: { type: "string" },
    "drop-unsupported": { type: "boolean", default: false },
    format: { type: "string", default: "json" },
    parameterize: { type: "boolean", default: false },
    output: { type: "string", short: "o" },
  });
  if (!parsed) return EXIT_OK;
  const { values, positionals } = parsed;
  const file = onlyArgument(positionals, "name the pipeline file to export", "export takes one file");
  const requested = values.type?.toUpperCase();
  if (requested !== undefined && requested !== "V1" && requested !== "V2") {
    throw new UsageError(`--type must be V1 or V2: ${values.type}`);
  }

  const format = values.format as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}: ${values.format}`);
  }
  if (values.parameterize && format === "json") {
    throw new UsageError("--parameterize makes template parameters; use it with a template --format");
  }

  const read = await readPipelineFile(file);
  const report = (diagnostics: readonly Diagnostic[]): void => {
    io.err(placeDiagnostics(file, read.text, diagnostics).map(formatCompilerLine).join(""));
  };
  if (!read.document) {
    report(read.diagnostics);
    return EXIT_ERRORS;
  }
  const ownType = requested ?? documentType(read.document);
  // A template keeps an absent PipelineType absent; the JSON export states the type it exports.
  if (ownType === undefined && (format === "json" || iacSourceOf(read.document) === undefined)) {
    throw new UsageError(`${file} has no pipelineType; choose one with --type V1 or --type V2`);
  }
  const pipelineType = ownType ?? "V2";

  const exported = exportPipeline(read.document, {
    pipelineType,
    dropUnsupported: values["drop-unsupported"],
  });
  if (exported.text === undefined) {
    report(exported.diagnostics);
    io.err(
      `${file}: not exported; use --type V2, or --drop-unsupported to export V1 without these features\n`,
    );
    return EXIT_ERRORS;
  }
  const rootPrefix: JsonPath = read.document.shape === "bare" ? [] : ["pipeline"];
  for (const feature of exported.dropped) {
    io.err(`${file}: dropped ${formatPath(["pipeline", ...feature.path])}: ${feature.message}\n`);
  }

  // Validate what is written, not the source: dropping features can break a pipeline (an emptied stage).
  const problems = validateDocument(reparse(exported.text));
  const blocking = problems.filter((d) => d.severity !== "info");
  if (exported.dropped.length === 0) {
    // Nothing moved, so each path into the export names the same member of the source file.
    report(
      blocking.map((d) =>
        d.path[0] === "pipeline" ? { ...d, path: [...rootPrefix, ...d.path.slice(1)] } : d,
      ),
    );
  } else {
    for (const d of blocking)
      io.err(`${file}: ${d.severity} ${d.code}: ${d.message} (at ${formatPath(d.path)})\n`);
  }
  if (problems.some((d) => d.severity === "error")) {
    io.err(`${file}: not exported: the ${pipelineType} pipeline has errors\n`);
    return EXIT_ERRORS;
  }

  let text = exported.text;
  {
    // The same export through the IaC writer: for json it refuses values only a template resolves.
    const iac = exportIac(read.document, {
      format,
      ...(ownType === undefined ? {} : { pipelineType: ownType }),
      dropUnsupported: values["drop-unsupported"],
      parameterize: values.parameterize,
    });
    if (iac.text === undefined) {
      report(iac.diagnostics);
      io.err(`${file}: not exported\n`);
      return EXIT_ERRORS;
    }
    text = iac.text;
    for (const note of iac.notes) io.err(`${file}: note: ${note}\n`);
    for (const p of iac.parameters.filter((x) => x.secret))
      io.err(`${file}: note: secret parameter ${p.name}: give its value when deploying (${p.description})\n`);
  }

  if (values.output === undefined || values.output === "-") {
    io.out(text);
    return EXIT_OK;
  }
  try {
    await writeFileAtomic(values.output, text);
  } catch (error) {
    io.err(`pipewright export: cannot write ${values.output} (${errorCode(error)})\n`);
    return EXIT_ERRORS;
  }
  io.err(
    `${file}: exported ${ownType ?? "the"} pipeline${format === "json" ? "" : ` as ${format}`} to ${values.output}\n`,
  );
  return EXIT_OK;
}

function documentType(doc: PipelineDocument): PipelineType | undefined {
  const type = doc.pipeline.pipelineType;
  return type === "V1" || type === "V2" ? type : undefined;
}

function reparse(text: string): PipelineDocument {
  const { document } = parseDocument(text);
  // exportPipeline writes only what parseDocument accepted, so this holds; fail loudly if it does not.
  if (!document) throw new Error("internal error: the exported text does not parse");
  return document;
}

/** `pipewright export`. */
export const exportCommand: CliCommand = {
  name: "export",
  summary: "write create-pipeline JSON, a CloudFormation, Terraform or CDK template (atomic with -o)",
  help: HELP,
  run,
};
