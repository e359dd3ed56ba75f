import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writeFileAtomic } from "../storage/atomic-write";

/**
 * A small JSON file in the app data folder (recent files, settings). Reads never fail: a missing or
 * corrupt file yields `fallback`, because losing a recent-files list must not stop the app.
 * Writes are atomic and serialized, so two quick updates cannot interleave.
 */
export class JsonFile<T> {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly decode: (raw: unknown) => T,
    private readonly fallback: () => T,
  ) {}

  async read(): Promise<T> {
    try {
      return this.decode(JSON.parse(await readFile(this.path, "utf8")) as unknown);
    } catch {
      return this.fallback();
    }
  }

  /** Applies `change` to the current value and writes the result; returns it. */
  update(change: (current: T) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const next = change(await this.read());
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      return next;
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
