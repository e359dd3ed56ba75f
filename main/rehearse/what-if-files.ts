/**
 * What-ifs saved beside a pipeline file: `web.json` keeps `web.whatif.deploy-fails.json`,
 * `web.whatif.alarm-skips.json`, … each one scenario in the `pipewright sandbox --scenario` format
 * (plus `variables` and `expect`), so `pipewright rehearse web.json --scenario
 * web.whatif.deploy-fails.json` plays exactly what the app plays, and the files review in git.
 */
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { writeFileAtomic } from "../storage/atomic-write";
import { parseWhatIf } from "./rehearse";

/** A what-if name: what goes between `.whatif.` and `.json`. */
export const WHAT_IF_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** What-if files are small; a bigger one is not a what-if. */
const MAX_BYTES = 1024 * 1024;

/** One what-if file as found beside the document. */
export interface WhatIfFile {
  name: string;
  path: string;
  /** The scenario as saved (JSON), when it could be read and is a valid scenario. */
  whatIf?: unknown;
  /** Why the file cannot be used, in the user's words. */
  problem?: string;
}

function stem(documentPath: string): string {
  const name = basename(documentPath);
  return name.toLowerCase().endsWith(".json") ? name.slice(0, -5) : name;
}

/** The path of the what-if `name` of the document at `documentPath`. */
export function whatIfPath(documentPath: string, name: string): string {
  if (!WHAT_IF_NAME.test(name)) {
    throw new Error(`A what-if name has letters, digits, - and _ only (up to 64): ${name}`);
  }
  return join(dirname(documentPath), `${stem(documentPath)}.whatif.${name}.json`);
}

async function readOne(path: string, name: string): Promise<WhatIfFile> {
  try {
    const info = await stat(path);
    if (info.size > MAX_BYTES)
      return { name, path, problem: `The what-if file is larger than 1 MB: ${path}` };
    const value: unknown = JSON.parse(await readFile(path, "utf8"));
    parseWhatIf(value);
    return { name, path, whatIf: value };
  } catch (error) {
    const message =
      error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message;
    return { name, path, problem: `${message}: ${path}` };
  }
}

/** The what-ifs beside the document, by name. */
export async function listWhatIfs(documentPath: string): Promise<WhatIfFile[]> {
  const prefix = `${stem(documentPath)}.whatif.`;
  let entries: string[];
  try {
    entries = await readdir(dirname(documentPath));
  } catch {
    return [];
  }
  const names = entries
    .filter((entry) => entry.startsWith(prefix) && entry.endsWith(".json"))
    .map((entry) => entry.slice(prefix.length, -".json".length))
    .filter((name) => WHAT_IF_NAME.test(name))
    .sort();
  return Promise.all(
    names.map((name) => readOne(join(dirname(documentPath), `${prefix}${name}.json`), name)),
  );
}

/** Saves a what-if beside the document (atomically); refuses one that is not a valid scenario. */
export async function saveWhatIf(documentPath: string, name: string, whatIf: unknown): Promise<string> {
  const path = whatIfPath(documentPath, name);
  parseWhatIf(whatIf);
  await writeFileAtomic(path, `${JSON.stringify(whatIf, null, 2)}\n`);
  return path;
}

/** Deletes a what-if file (a missing one is already deleted). */
export async function deleteWhatIf(documentPath: string, name: string): Promise<void> {
  await rm(whatIfPath(documentPath, name), { force: true });
}
