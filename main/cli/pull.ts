import { stat } from "node:fs/promises";
import { writeFileAtomic } from "../storage/atomic-write";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { CONNECTION_OPTIONS, onlyArgument, parseCommand, UsageError, type CliCommand } from "./command";
import { errorCode } from "./pipeline-file";

const HELP = `Usage: pipewright pull <name> [-o <file>] [--force] [--profile P] [--region R] [--sandbox URL]

Fetches a pipeline (GetPipeline) and writes it as "aws codepipeline get-pipeline" output:
{"pipeline", "metadata"}, canonical 2-space JSON, plus the pipeline's tags (ListTagsForResource)
as "tags" when it has any, so a deploy of the file keeps them. Its pipeline.version is the version
a later "pipewright deploy" of the file is based on.

Options:
  -o, --output <file>  write to <file> (atomically) instead of stdout
  --force              replace <file> if it exists
  --profile P          AWS profile (default: AWS_PROFILE, else the SDK's default credential chain)
  --region R           AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's)
  --sandbox URL        pull from a Pipewright sandbox (or another CodePipeline endpoint)
  -h, --help           show this help

Exit status: 0 written, 1 AWS or file error, 2 wrong command line.
`;

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, io, HELP, {
    output: { type: "string", short: "o" },
    force: { type: "boolean", default: false },
    ...CONNECTION_OPTIONS,
  });
  if (!parsed) return EXIT_OK;
  const { values, positionals } = parsed;
  const name = onlyArgument(positionals, "name the pipeline to pull", "pull takes one pipeline name");
  if (values.output !== undefined && !values.force && (await exists(values.output))) {
    io.err(`pipewright pull: the file exists; pass --force to replace it: ${values.output}\n`);
    return EXIT_ERRORS;
  }
  // Loaded here, not at start-up, so commands that never talk to AWS do not pay for the SDK.
  const { connectionFromFlags, describeConnection, Gateway, pullPipeline } = await import("../aws");
  const connection = await connectionFromFlags(values);
  if (!connection.ok) throw new UsageError(connection.error.message);
  const gateway = new Gateway();
  try {
    const pulled = await pullPipeline(gateway, connection.value, name);
    if (!pulled.ok) {
      io.err(`pipewright pull: ${pulled.error.message}\n`);
      return EXIT_ERRORS;
    }
    if (pulled.value.tagsError !== undefined) {
      io.err(
        `pipewright pull: warning: the pipeline's tags could not be read, so the file has none: ${pulled.value.tagsError.message}\n`,
      );
    }
    if (values.output === undefined) {
      io.out(pulled.value.text);
      return EXIT_OK;
    }
    try {
      await writeFileAtomic(values.output, pulled.value.text);
    } catch (error) {
      io.err(`pipewright pull: could not write the file (${errorCode(error)}): ${values.output}\n`);
      return EXIT_ERRORS;
    }
    io.err(
      `Pulled ${name} (version ${pulled.value.document.pipeline.version ?? "?"}) from ${describeConnection(connection.value)} to ${values.output}.\n`,
    );
    return EXIT_OK;
  } finally {
    gateway.dispose();
  }
}

/** `pipewright pull`. */
export const pullCommand: CliCommand = {
  name: "pull",
  summary: "fetch a pipeline from AWS or the sandbox as get-pipeline output JSON",
  help: HELP,
  run,
};
