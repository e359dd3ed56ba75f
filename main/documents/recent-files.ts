import { basename, join } from "node:path";
import type { RecentFile } from "../../shared/ipc";
import { JsonFile } from "./json-store";

interface StoredRecent {
  path: string;
  openedAt: string;
}

interface StoredList {
  files: StoredRecent[];
}

function decode(raw: unknown): StoredList {
  const files = (raw as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return { files: [] };
  return {
    files: files.filter(
      (f): f is StoredRecent =>
        typeof f === "object" && f !== null && typeof f.path === "string" && typeof f.openedAt === "string",
    ),
  };
}

/** The recent-files list, most recent first, kept in `recent-files.json` of the data folder. */
export class RecentFiles {
  private readonly file: JsonFile<StoredList>;

  constructor(
    dataDir: string,
    private readonly limit: () => Promise<number>,
  ) {
    this.file = new JsonFile(join(dataDir, "recent-files.json"), decode, () => ({ files: [] }));
  }

  async list(): Promise<RecentFile[]> {
    const { files } = await this.file.read();
    return files.map((f) => ({ path: f.path, name: basename(f.path), openedAt: f.openedAt }));
  }

  /** Moves `path` to the top (adding it if new) and trims the list to the user's limit. */
  async add(path: string, now = new Date()): Promise<void> {
    const limit = await this.limit();
    await this.file.update(({ files }) => ({
      files: [{ path, openedAt: now.toISOString() }, ...files.filter((f) => f.path !== path)].slice(0, limit),
    }));
  }
}
