import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { MAX_FILE_BYTES, serializeDocument } from "../../shared/formats";
import { deployTimeValuesOf, describeDeployTimeValue, importIac } from "../../shared/iac";
import { writeFileAtomic } from "../storage/atomic-write";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { UsageError, type CliCommand } from "./command";
import { errorCode } from "./pipeline-file";

const HELP = `Usage: pipewright import <template> [--resource ID] [-o <out.json>]

Reads a pipeline resource of a CloudFormation template (YAML, short-form intrinsics such as !Ref,
!Sub, !GetAtt and !If included, or JSON) or of a Terraform file (aws_codepipeline), and writes it
as a Pipewright pipeline file (create-pipeline input JSON). Intrinsic functions and Terraform
expressions are kept as they are, as values resolved at deploy time; exporting the file with
--format cfn-yaml, cfn-json or terraform writes them back unchanged, into the same template.

Options:
  --resource ID         the pipeline resource to import when the template has several: its logical
                        id (CloudFormation) or its name (Terraform: web or aws_codepipeline.web)
  -o, --output <out>    write to <out> (atomically) instead of stdout
  -h, --help            show this help

Exit status: 0 imported, 1 the template cannot be imported (errors name the line) or the write
failed, 2 wrong command line. Nothing is written on an error.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      resource: { type: "string" },
      output: { type: "string", short: "o" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError("name the template to import");
  if (extra.length > 0) throw new UsageError(`import takes one template; unexpected: ${extra.join(" ")}`);

  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      io.err(`${file}: not a regular file\n`);
      return EXIT_ERRORS;
    }
    if (info.size > MAX_FILE_BYTES) {
      io.err(`${file}: the file is too large to import; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MB\n`);
      return EXIT_ERRORS;
    }
    text = await readFile(file, "utf8");
  } catch (error) {
    io.err(`${file}: cannot read the file (${errorCode(error)})\n`);
    return EXIT_ERRORS;
  }

  const result = importIac(text, {
    fileName: basename(file),
    ...(values.resource === undefined ? {} : { resource: values.resource }),
  });
  if (result.document === undefined) {
    for (const d of result.diagnostics) {
      const where = d.location ? `${file}:${d.location.line}:${d.location.column}` : file;
      io.err(`${where}: error ${d.code}: ${d.message.replace(/^line \d+: /, "")}\n`);
    }
    if (result.choices.length > 1 && values.resource === undefined)
      io.err(`${file}: choose one with --resource ${result.choices.map((c) => c.id).join(" | ")}\n`);
    io.err(`${file}: not imported; nothing was written\n`);
    return EXIT_ERRORS;
  }

  const deployTime = deployTimeValuesOf(result.document.pipeline);
  if (deployTime.length > 0) {
    const first = deployTime[0];
    io.err(
      `${file}: ${deployTime.length} value${deployTime.length === 1 ? " is" : "s are"} resolved at deploy time and kept as written${first ? `, e.g. ${describeDeployTimeValue(first.value)}` : ""}\n`,
    );
  }
  const output = serializeDocument(result.document);
  if (values.output === undefined || values.output === "-") {
    io.out(output);
    return EXIT_OK;
  }
  try {
    await writeFileAtomic(values.output, output);
  } catch (error) {
    io.err(`pipewright import: cannot write ${values.output} (${errorCode(error)})\n`);
    return EXIT_ERRORS;
  }
  io.err(`${file}: imported ${result.resource ?? "the pipeline"} to ${values.output}\n`);
  return EXIT_OK;
}

/** `pipewright import`. */
export const importCommand: CliCommand = {
  name: "import",
  summary: "read a pipeline from a CloudFormation template or a Terraform file into a pipeline file",
  help: HELP,
  run,
};
