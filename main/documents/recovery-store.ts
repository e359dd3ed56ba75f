import { pipelineNameText } from "../../shared/pipeline/names";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { RecoveryEntry } from "../../shared/ipc";
import type { PipelineDocument } from "../../shared/pipeline/model";
import { serializeDocument } from "../../shared/formats";
import { writeFileAtomic } from "../storage/atomic-write";

/** What one recovery file holds: the entry shown to the user and the document text. */
interface RecoveryFile extends RecoveryEntry {
  format: 1;
  text: string;
}

function decode(raw: unknown): RecoveryFile | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const valid =
    r["format"] === 1 &&
    typeof r["id"] === "string" &&
    (r["path"] === null || typeof r["path"] === "string") &&
    typeof r["title"] === "string" &&
    typeof r["savedAt"] === "string" &&
    typeof r["text"] === "string";
  return valid ? (raw as RecoveryFile) : undefined;
}

/**
 * Autosaved copies of unsaved edits, one file per document in `<data>/recovery/`. An entry lives
 * from the first unsaved edit until the document is saved or its edits are discarded, so any entry
 * found at start-up belongs to a session that ended without either: a crash, a kill, a closed tab.
 * Ids are checked by the contract's schema (letters, digits, `-`, `_`), so they are safe file names.
 */
export class RecoveryStore {
  readonly dir: string;

  constructor(dataDir: string) {
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
    const file: RecoveryFile = { format: 1, ...entry, text: serializeDocument(document) };
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(id), JSON.stringify(file));
    return entry;
  }

  /** Every readable entry, newest first; unreadable files are skipped rather than failing the list. */
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
    try {
      return decode(JSON.parse(await readFile(this.fileOf(id), "utf8")) as unknown);
    } catch {
      return undefined;
    }
  }

  async discard(id: string): Promise<void> {
    await rm(this.fileOf(id), { force: true });
  }
}
