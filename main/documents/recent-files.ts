import { basename, join } from "node:path";
import type { RecentFile } from "../../shared/ipc";
import { StateFile, type StateData, type StateReporter, type StateSchema } from "../storage/state-file";

interface StoredRecent {
  path: string;
  openedAt: string;
}

interface StoredList {
  files: StoredRecent[];
}

/**
 * `recent-files.json`: format 1 is `{ "format": 1, "files": [{ "path", "openedAt" }] }`; format 0
 * (before formats) had the same members. Entries that are not of that shape are dropped.
 */
export const RECENT_FILES_SCHEMA: StateSchema<StoredList> = {
  what: "The recent-files list",
  format: 1,
  migrations: { 0: (data: StateData) => data },
  decode: (data) => {
    const files = data["files"];
    if (!Array.isArray(files)) return { files: [] };
    return {
      files: files.filter(
        (f): f is StoredRecent =>
          typeof f === "object" && f !== null && typeof f.path === "string" && typeof f.openedAt === "string",
      ),
    };
  },
  fallback: () => ({ files: [] }),
};

/** The recent-files list, most recent first, kept in `recent-files.json` of the data folder. */
export class RecentFiles {
  private readonly file: StateFile<StoredList>;

  constructor(
    dataDir: string,
    private readonly limit: () => Promise<number>,
    report?: StateReporter,
  ) {
    this.file = new StateFile(join(dataDir, "recent-files.json"), RECENT_FILES_SCHEMA, report);
  }

  async list(): Promise<RecentFile[]> {
    const { files } = await this.file.read();
    return files.map((f) => ({ path: f.path, name: basename(f.path), openedAt: f.openedAt }));
  }

  /** Moves `path` to the top (adding it if new) and trims the list to the user's limit. */
  async add(path: string, now = new Date()): Promise<void> {
    const limit = await this.limit();
    await this.file.update(({ files }): StoredList => ({
      files: [{ path, openedAt: now.toISOString() }, ...files.filter((f) => f.path !== path)].slice(0, limit),
    }));
  }
}
