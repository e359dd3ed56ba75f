import { parseArgs, type ParseArgsConfig } from "node:util";
import type { CliIo } from "./cli-io";

/** One `pipewright <name>` command. */
export interface CliCommand {
  name: string;
  /** One line for the command list in `pipewright --help`. */
  summary: string;
  /** The full help of `pipewright <name> --help`, ending with a newline. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A command-line mistake: the message is shown with a pointer to the command's help, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The options of a command that reaches AWS or the sandbox: `connectionFromFlags` reads them. */
export const CONNECTION_OPTIONS = {
  profile: { type: "string" },
  region: { type: "string" },
  sandbox: { type: "string" },
} as const;

/** `--format text|json`, for a command that prints a report. */
export const FORMAT_OPTION = { format: { type: "string", default: "text" } } as const;

type Options = NonNullable<ParseArgsConfig["options"]>;
const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP_OPTION }>
>;

/**
 * A command's arguments parsed with its options plus `-h/--help` (positionals allowed, unknown
 * options refused); `undefined` when help was asked for, after printing it.
 */
export function parseCommand<const O extends Options>(
  args: string[],
  io: CliIo,
  help: string,
  options: O,
): Parsed<O> | undefined {
  const config = { args, allowPositionals: true, options: { ...options, ...HELP_OPTION } } as const;
  const parsed = parseArgs(config) as Parsed<O>;
  if ((parsed.values as { help?: boolean }).help) {
    io.out(help);
    return undefined;
  }
  return parsed;
}

/** The one argument a command takes: a {@link UsageError} with `missing`, or naming the extra ones. */
export function onlyArgument(positionals: readonly string[], missing: string, takes: string): string {
  const [first, ...extra] = positionals;
  if (first === undefined) throw new UsageError(missing);
  if (extra.length > 0) throw new UsageError(`${takes}; unexpected: ${extra.join(" ")}`);
  return first;
}

/** The `--format` value, checked. */
export function reportFormat(format: string | undefined): "text" | "json" {
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format must be text or json: ${format}`);
  return format;
}
