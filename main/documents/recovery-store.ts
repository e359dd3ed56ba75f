import { pipelineNameText } from "../../shared/pipeline/names";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { RecoveryEntry } from "../../shared/ipc";
import type { PipelineDocument } from "../../shared/pipeline/model";
import {
  describeSize,
  FILE_LIMIT_TEXT,
  MAX_FILE_BYTES,
  serializeDocument,
  utf8Length,
} from "../../shared/formats";
import { writeFileAtomic } from "../storage/atomic-write";
import { readState, type StateReporter, type StateSchema } from "../storage/state-file";
import { AppFailure } from "./fs-errors";

/** What one recovery file holds: the entry shown to the user and the document text. */
interface RecoveryFile extends RecoveryEntry {
  text: string;
}

/**
 * A recovery file: format 1 is `{ "format": 1, "id", "path", "title", "savedAt", "text" }` (`text`
 * is the document's file text). There was no format before 1, so format 0 cannot be migrated.
 */
const RECOVERY_SCHEMA: StateSchema<RecoveryFile | undefined> = {
  what: "A recovery copy",
  format: 1,
  migrations: {},
  decode: (r) => {
    const valid =
      typeof r["id"] === "string" &&
      (r["path"] === null || typeof r["path"] === "string") &&
      typeof r["title"] === "string" &&
      typeof r["savedAt"] === "string" &&
      typeof r["text"] === "string";
    return valid ? (r as unknown as RecoveryFile) : undefined;
  },
  fallback: () => undefined,
};

/**
 * Autosaved copies of unsaved edits, one file per document in `<data>/recovery/`. An entry lives
 * from the first unsaved edit until the document is saved or its edits are discarded, so any entry
 * found at start-up belongs to a session that ended without either: a crash, a kill, a closed tab.
 * Ids are checked by the contract's schema (letters, digits, `-`, `_`), so they are safe file names.
 */
export class RecoveryStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly report: StateReporter = () => undefined,
  ) {
    this.dir = join(dataDir, "recovery");
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  async store(
    id: string,
    path: string | null,
    document: PipelineDocument,
    now = new Date(),
  ): Promise<RecoveryEntry> {
    // Kept whatever the name field holds: a document without a string name has edits to lose too.
    const title = pipelineNameText(document.pipeline).slice(0, 200);
    const entry: RecoveryEntry = { id, path, title, savedAt: now.toISOString() };
    const text = serializeDocument(document);
    // The one limit for every save: a copy over it could not be restored (opened) again.
    const bytes = utf8Length(text);
    if (bytes > MAX_FILE_BYTES) {
      throw new AppFailure({
        code: "file-too-large",
        message: `The pipeline is too large to keep a recovery copy: ${describeSize(bytes)} as a file, the limit is ${FILE_LIMIT_TEXT}: ${id}`,
      });
    }
    const file: RecoveryFile & { format: number } = { format: RECOVERY_SCHEMA.format, ...entry, text };
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(id), JSON.stringify(file));
    return entry;
  }

  /**
   * Every readable entry, newest first. A file that cannot be used (damaged, or from a newer version
   * of Pipewright) is skipped, reported once, and left in place: its id is its own, so nothing is
   * ever written over it.
   */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const files = await Promise.all(
      names.filter((n) => n.endsWith(".json")).map((n) => this.read(n.slice(0, -".json".length))),
    );
    return files
      .filter((f): f is RecoveryFile => f !== undefined)
      .map(({ id, path, title, savedAt }) => ({ id, path, title, savedAt }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async read(id: string): Promise<RecoveryFile | undefined> {
    const path = this.fileOf(id);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, "utf8")) as unknown;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ENOENT") this.unusable(path, "is not valid JSON");
      return undefined;
    }
    const read = readState(raw, RECOVERY_SCHEMA);
    if (read.kind === "ok" && read.value !== undefined) return read.value;
    this.unusable(
      path,
      read.kind === "newer"
        ? `was written by a newer version of Pipewright (format ${read.format})`
        : "is damaged",
    );
    return undefined;
  }

  private unusable(path: string, problem: string): void {
    this.report(`${RECOVERY_SCHEMA.what} ${problem}; it is not offered and is left in place: ${path}`);
  }

  async discard(id: string): Promise<void> {
    await rm(this.fileOf(id), { force: true });
  }
}
