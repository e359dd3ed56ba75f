import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from "./cli/cli-io";
import { UsageError, type CliCommand } from "./cli/command";
import { COMMANDS, type CommandEntry } from "./cli/command-table";
import { readVersion } from "./cli/version";

function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `Usage: pipewright <command> [options]

Design, ship and watch AWS CodePipeline pipelines.

Commands:
${list}

Options:
  -h, --help     show this help (pipewright <command> --help for a command's options)
  -v, --version  print the version

`;
}

/**
 * Runs `pipewright` with the arguments after the program name and resolves to the exit code: 0
 * success, 1 the input has errors, 2 the command line is wrong (usage on stderr).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
  commands: readonly CommandEntry[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  // The full list needs every command's summary; that alone loads every command module.
  const usageText = async () => usage(await Promise.all(commands.map((c) => c.load())));
  if (name === "-h" || name === "--help" || name === "help") {
    const topic = commands.find((c) => c.name === rest[0]);
    io.out(topic ? (await topic.load()).help : await usageText());
    return EXIT_OK;
  }
  if (name === "-v" || name === "--version") {
    io.out(`${readVersion()}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(
      `${name === undefined ? "pipewright: no command given" : `pipewright: unknown command: ${name}`}\n\n`,
    );
    io.err(await usageText());
    return EXIT_USAGE;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError) && !isParseArgsError(error)) throw error;
    io.err(`pipewright ${command.name}: ${(error as Error).message}\n`);
    io.err(`Run "pipewright ${command.name} --help" for its options.\n`);
    return EXIT_USAGE;
  }
}

/** node:util parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes. */
function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
