import { isAbsolute, resolve } from "node:path";

/**
 * The document a command line asks to open: the last argument that is not a flag and names a JSON
 * file. The first `skip` arguments are Electron's own (the executable, and in development the app
 * folder), and never count.
 */
export function fileFromArgv(argv: readonly string[], cwd: string, skip: number): string | undefined {
  const candidates = argv.slice(skip).filter((a) => !a.startsWith("-") && a.toLowerCase().endsWith(".json"));
  const last = candidates.at(-1);
  if (last === undefined) return undefined;
  return isAbsolute(last) ? last : resolve(cwd, last);
}
