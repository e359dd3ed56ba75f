import { watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";
import { currentVersion } from "./document-files";

/** What changed about the watched file. */
export type DiskChange = "modified" | "deleted";

/**
 * Notices when another program changes or deletes the open file. It watches the folder rather than
 * the file, because editors that save atomically replace the file (a new inode the old watch would
 * not see). Events are compared by content version, so Pipewright's own saves (which update the
 * known version first) and touch-without-change do not alarm the user.
 */
export class FileWatcher {
  private watcher: FSWatcher | undefined;
  private path: string | undefined;
  private known: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChange: (path: string, change: DiskChange) => void,
    private readonly settleMs = 100,
  ) {}

  /** Watches `path`, whose content is `version` now; replaces any earlier watch. */
  watch(path: string, version: string | null): void {
    this.stop();
    this.path = path;
    this.known = version;
    try {
      this.watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
        if (name === null || name === basename(path)) this.schedule();
      });
      this.watcher.on("error", () => this.stop());
    } catch {
      // A folder that cannot be watched (removed, no permission) just means no notifications.
      this.watcher = undefined;
    }
  }

  /** Records a version Pipewright itself wrote, so the resulting event is not reported. */
  acknowledge(path: string, version: string): void {
    if (path === this.path) this.known = version;
  }

  get watchedPath(): string | undefined {
    return this.path;
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.path = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    // Writers often produce several events per save; look once things have settled.
    this.timer = setTimeout(() => void this.check(), this.settleMs);
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    const path = this.path;
    if (path === undefined) return;
    let version: string | null;
    try {
      version = await currentVersion(path);
    } catch {
      return;
    }
    if (path !== this.path || version === this.known) return;
    this.known = version;
    this.onChange(path, version === null ? "deleted" : "modified");
  }
}
