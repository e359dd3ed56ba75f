/**
 * Small state files of the app data folder (settings, recent files, window state, deploy targets):
 * versioned, migrated forward on read, and never overwritten when they cannot be understood.
 *
 * Each file is a JSON object with a `format` member, the version of its schema. A file without one
 * was written before formats existed and counts as format 0. On read, an older format is migrated
 * step by step to the current one (and written in the current format on the next change). A file
 * that is not a JSON object is corrupt, and one with a format newer than this version of Pipewright
 * knows came from a newer version: either is set aside (renamed beside itself, never overwritten
 * or deleted), reported with a message the user sees, and the defaults are used until the next
 * change writes a fresh file.
 */
import { mkdir, readFile, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { writeFileAtomic } from "./atomic-write";

/** A plain JSON object, as the members of a state file are read. */
export type StateData = Record<string, unknown>;

/** The schema of one kind of state file. */
export interface StateSchema<T> {
  /** What the file holds, for messages: "Settings", "The recent-files list". */
  what: string;
  /** The current format, written as the file's `format` member. */
  format: number;
  /**
   * Migrations from format n to n + 1, one for every n below `format` (0: files written before
   * formats existed). Each gets the file's members (without `format`) and returns the next format's.
   */
  migrations: Readonly<Record<number, (data: StateData) => StateData>>;
  /** The value of a current-format file; members that are unusable fall back on their own. */
  decode(data: StateData): T;
  /** The value when there is no usable file. */
  fallback(): T;
}

/** What a file's content is, read against a schema. */
export type StateRead<T> =
  | { kind: "ok"; value: T; migratedFrom?: number }
  | { kind: "newer"; format: number }
  | { kind: "corrupt"; reason: string };

function isObject(value: unknown): value is StateData {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a file's parsed content against `schema`, migrating an older format forward. */
export function readState<T>(raw: unknown, schema: StateSchema<T>): StateRead<T> {
  if (!isObject(raw)) return { kind: "corrupt", reason: "it is not a JSON object" };
  const { format: written = 0, ...members } = raw;
  if (typeof written !== "number" || !Number.isInteger(written) || written < 0)
    return { kind: "corrupt", reason: "its format is not a version number" };
  if (written > schema.format) return { kind: "newer", format: written };
  let data: StateData = members;
  for (let format = written; format < schema.format; format++) {
    const migrate = schema.migrations[format];
    if (migrate === undefined) return { kind: "corrupt", reason: `format ${format} cannot be migrated` };
    data = migrate(data);
  }
  const value = schema.decode(data);
  return written === schema.format ? { kind: "ok", value } : { kind: "ok", value, migratedFrom: written };
}

/** The text a state file is written as: its format first, then its members. */
export function stateText(format: number, data: StateData): string {
  return `${JSON.stringify({ format, ...data }, null, 2)}\n`;
}

/**
 * Renames an unreadable state file out of the way (`settings.json` → `settings.json.corrupt-<time>`
 * or `.v3-<time>` for a newer format), so it is kept for the user and never overwritten. Returns the
 * new path, or undefined when it could not be moved (then nothing will be written over it either).
 */
export async function setAside(path: string, why: string, now = new Date()): Promise<string | undefined> {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const aside = join(dirname(path), `${basename(path)}.${why}-${stamp}`);
  try {
    await rename(path, aside);
    return aside;
  } catch {
    return undefined;
  }
}

/** Where messages about set-aside files go (the app shows them; the CLI prints them). */
export type StateReporter = (message: string) => void;

/**
 * One state file. Reads never fail: a missing file gives the defaults, an unreadable one is set
 * aside with a message. Writes are atomic and serialized, so two quick updates cannot interleave.
 */
export class StateFile<T> {
  private queue: Promise<void> = Promise.resolve();
  /** Set while a file that could not be moved aside is in the way: it must not be written over. */
  private blocked = false;

  constructor(
    readonly path: string,
    private readonly schema: StateSchema<T>,
    private readonly report: StateReporter = () => undefined,
  ) {}

  async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // A file that exists but cannot be read (permissions) is still the user's: not written over.
      this.blocked = code !== "ENOENT";
      if (this.blocked) {
        this.report(
          `${this.schema.what} could not be read (${String(code ?? error)}); the defaults are used and the file is left as it is: ${this.path}`,
        );
      }
      return this.schema.fallback();
    }
    this.blocked = false;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const read = readState(raw, this.schema);
    if (read.kind === "ok") return read.value;
    const why = read.kind === "newer" ? `v${read.format}` : "corrupt";
    const aside = await setAside(this.path, why);
    const problem =
      read.kind === "newer"
        ? `was written by a newer version of Pipewright (format ${read.format}; this version knows ${this.schema.format})`
        : raw === undefined
          ? "is not valid JSON"
          : `cannot be read: ${read.reason}`;
    this.blocked = aside === undefined;
    this.report(
      aside === undefined
        ? `${this.schema.what} ${problem}; the defaults are used and the file is left as it is: ${this.path}`
        : `${this.schema.what} ${problem}; it was set aside and the defaults are used: ${aside}`,
    );
    return this.schema.fallback();
  }

  /** Applies `change` to the current value and writes the result in the current format; returns it. */
  update(
    change: (current: T) => T,
    toData: (value: T) => StateData = (value) => value as StateData,
  ): Promise<T> {
    const run = this.queue.then(async () => {
      const next = change(await this.read());
      // A file that could not be read or moved aside is the user's: it is not written over.
      if (this.blocked) return next;
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, stateText(this.schema.format, toData(next)));
      return next;
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
