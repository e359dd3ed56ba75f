/**
 * Persistence of the sandbox state under a data directory: atomic writes (temp file + rename,
 * so a crash leaves either the old or the new file, never half of one), debounced so a burst of
 * requests costs one write, and a corrupt file moved aside with a message instead of being
 * overwritten, so nobody silently loses run history.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { SandboxState } from "./records";

const STATE_FILE = "state.json";
const FORMAT = 1;

/**
 * Checks the envelope and the top-level collections; records inside are the sandbox's own
 * output, so a deeper schema would only duplicate records.ts.
 */
const fileSchema = z.object({
  format: z.literal(FORMAT),
  state: z.object({
    seq: z.number().int().nonnegative(),
    clockMs: z.number(),
    pipelines: z.array(
      z
        .object({
          name: z.string(),
          arn: z.string(),
          versions: z.array(z.object({ name: z.string(), stages: z.array(z.unknown()) }).loose()).min(1),
          created: z.number(),
          updated: z.number(),
          tags: z.array(z.object({ key: z.string(), value: z.string() })),
          transitions: z.array(z.object({ stageName: z.string() }).loose()),
          executions: z.array(
            z.object({ id: z.string(), status: z.string(), stages: z.array(z.unknown()) }).loose(),
          ),
          actionRuns: z.array(
            z.object({ id: z.string(), executionId: z.string(), status: z.string() }).loose(),
          ),
          clientTokens: z.array(z.object({ token: z.string(), executionId: z.string() })),
          // Absent from files written before stage conditions were simulated.
          conditionChecks: z
            .array(z.object({ id: z.string(), executionId: z.string(), status: z.string() }).loose())
            .default([]),
          ruleRuns: z
            .array(z.object({ id: z.string(), executionId: z.string(), status: z.string() }).loose())
            .default([]),
        })
        .loose(),
    ),
  }),
});

export interface LoadResult {
  state?: SandboxState;
  /** Set when a file was found unreadable and moved aside. */
  movedAside?: string;
}

/** Reads the state file, moving a corrupt one aside. Throws only on I/O errors it cannot fix. */
export function loadStateFile(dataDir: string, now: Date = new Date()): LoadResult {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, STATE_FILE);
  if (!existsSync(path)) return {};
  const text = readFileSync(path, "utf8");
  let problem: string | undefined;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { state: parsed.data.state as unknown as SandboxState };
    const issue = parsed.error.issues[0];
    problem = `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "unexpected content"}`;
  } catch (error) {
    problem = (error as Error).message;
  }
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  // Never clobber an earlier corrupt copy, even one moved aside in the same millisecond.
  let aside = `${path}.corrupt-${stamp}`;
  for (let n = 1; existsSync(aside); n++) aside = `${path}.corrupt-${stamp}-${n}`;
  renameSync(path, aside);
  return { movedAside: `${aside} (${problem})` };
}

/** Debounced atomic writer; `flush()` waits for everything scheduled so far to reach the disk. */
export class StateWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private failure: Error | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly snapshot: () => SandboxState,
    private readonly delayMs = 50,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  /** How long the last save took; saves are spaced so they use at most a fifth of the time. */
  private lastWriteMs = 0;

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.writeNow();
      },
      Math.max(this.delayMs, this.lastWriteMs * 4),
    );
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writeNow();
    if (this.failure) throw this.failure;
  }

  private writeNow(): Promise<void> {
    // Chained so two writes never race on the temp file and the last snapshot lands last.
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const started = performance.now();
      const text = JSON.stringify({ format: FORMAT, state: this.snapshot() });
      const target = join(this.dataDir, STATE_FILE);
      const temp = `${target}.tmp-${process.pid}`;
      try {
        const handle = await open(temp, "w");
        try {
          await handle.writeFile(text, "utf8");
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
        this.failure = undefined;
        this.lastWriteMs = performance.now() - started;
      } catch (error) {
        this.failure = error as Error;
        this.dirty = true;
        await unlink(temp).catch(() => {});
        this.onError(error as Error);
      }
    });
    return this.writing;
  }
}
