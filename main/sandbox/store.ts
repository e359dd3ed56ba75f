/**
 * Where the state lives, and the promise that an answered write is on disk. Memory only by
 * default. With a data directory: `state.json` (a snapshot, schema-versioned) plus write-ahead
 * log segments. Changes are captured record by record (change-capture.ts) and appended as one
 * line per group commit, fsync'ed before any request that made them is answered; when the log
 * outgrows the snapshot, a new snapshot is written and the log before it deleted.
 *
 * Requests that arrive while a commit is being written share the next one (group commit), so a
 * burst costs one fsync, not one per request.
 *
 * Why a log of our own rather than an embedded database: node:sqlite needs Node 22; better-sqlite3
 * is a native module that must be rebuilt against Electron's ABI for the desktop app (headers and
 * prebuilt binaries come from the network, which packaging here cannot reach), its synchronous
 * fsync would stall the event loop on every commit, and it would not find the changes either: the
 * engine mutates records in place, so change capture is needed with or without it. The log is
 * plain Node (fs + zlib's crc32) and runs the same under Node 20 and Electron.
 */
import { unlinkSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ChangeTracker, type Touched } from "./change-capture";
import { ReplayIndex, type ChangeOp, type DurableRoot } from "./change-ops";
import { lockDataDir } from "./data-dir-lock";
import { boundHistory, type HistoryBounds } from "./history-bounds";
import type { PartitionData } from "./partition-records";
import { snapshotText, writeSnapshot, writeSnapshotSync } from "./snapshot-file";
import { loadDurableState } from "./store-load";
import { frame, listSegments, LogSegment, segmentName } from "./write-ahead-log";

export interface StoreOptions {
  /** Persist here; memory only when absent. */
  dataDir?: string;
  /** The account and region a format-1 state file belonged to when its ARNs do not say. */
  defaults: { accountId: string; region: string };
  clockNow: () => number;
  log: (message: string) => void;
  history: HistoryBounds;
  /**
   * Test hook: replay every commit onto a shadow copy and report any difference from memory (a
   * change the capture missed). Costs a full serialisation per commit.
   */
  verify?: (problem: string) => void;
  /** Log bytes after which a snapshot is written (default 16 MB, or the snapshot's size if larger). */
  compactBytes?: number;
  /** Told of every change, at once (the embedding app's watch); must not call back into the sandbox. */
  onChange?: () => void;
}

export interface StoreStats {
  commits: number;
  snapshots: number;
  /** Bytes of log since the last snapshot. */
  logBytes: number;
}

const DEFAULT_COMPACT_BYTES = 16 * 1024 * 1024;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A partition that nothing has been written to; never worth a log line or a comparison. */
function pristine(data: PartitionData): boolean {
  return (
    data.state.pipelines.length === 0 &&
    data.state.seq === 0 &&
    data.customActionTypes.length === 0 &&
    data.integrationActionTypes.length === 0 &&
    data.webhooks.length === 0
  );
}

export class Store {
  readonly root: DurableRoot;
  /** True when the state came from disk (runs open at the last shutdown need interrupting). */
  readonly loaded: boolean;
  readonly notes: string[];
  readonly stats: StoreStats = { commits: 0, snapshots: 0, logBytes: 0 };
  /** Increases with every change; dispatch compares it around a request. */
  changeCount = 0;

  private readonly dirty = new Map<PartitionData, Touched>();
  private waiters: Waiter[] = [];
  private loop: Promise<void> | undefined;
  private tracker: ChangeTracker | undefined;
  private segment: LogSegment | undefined;
  private generation: number;
  private commitNumber = 0;
  private snapshotBytes = 0;
  private mustSnapshot = false;
  private snapshotWanted = false;
  private snapshotting: Promise<void> | undefined;
  private shadow: { root: DurableRoot; index: ReplayIndex } | undefined;
  private readonly release: () => void;
  private closed = false;
  private verifications = 0;
  private sweeper: NodeJS.Timeout | undefined;
  private verifyMs = 0;

  constructor(private readonly options: StoreOptions) {
    this.notes = [];
    if (options.dataDir === undefined) {
      this.root = { clockMs: 0, partitions: [] };
      this.loaded = false;
      this.generation = 0;
      this.release = () => {};
    } else {
      this.release = lockDataDir(options.dataDir);
      try {
        const load = loadDurableState(options.dataDir, options.defaults);
        this.root = load.root;
        this.loaded = load.loaded;
        this.generation = load.nextGeneration;
        this.stats.logBytes = load.logBytes;
        this.snapshotBytes = load.snapshotBytes;
        this.notes.push(...load.notes);
        if (load.rewrite) this.snapshotNowSync();
      } catch (error) {
        this.release();
        throw error;
      }
    }
    if (options.dataDir !== undefined || options.verify) this.tracker = new ChangeTracker(this.root);
    if (options.verify) {
      const copy = JSON.parse(JSON.stringify(this.root)) as DurableRoot;
      this.shadow = { root: copy, index: new ReplayIndex(copy) };
    }
  }

  /** Something in `data` changed. */
  changed(data: PartitionData): void {
    this.changeCount += 1;
    this.options.onChange?.();
    if (!this.dirty.has(data)) this.dirty.set(data, new Set());
    this.kick();
  }

  /** A request changed pipeline `name` of `data` ("all": a request that names no pipeline). */
  touched(data: PartitionData, name: string | "all"): void {
    const current = this.dirty.get(data);
    if (name === "all" || current === "all") this.dirty.set(data, "all");
    else if (current) current.add(name);
    else this.dirty.set(data, new Set([name]));
    this.kick();
  }

  /** Resolves once every change made so far is durable (at once when memory only). */
  durable(): Promise<void> {
    if (this.options.dataDir === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  /**
   * Waits until the disk holds everything, as a snapshot: `state.json` alone then describes the
   * state, and a restart has no log to replay.
   */
  async flush(): Promise<void> {
    this.sweep();
    if (this.options.dataDir === undefined) {
      this.kick();
      await this.loop;
      return;
    }
    // First let a snapshot already being written land; then take one that holds everything.
    await this.durable();
    await this.snapshotting;
    this.snapshotWanted = true;
    await this.durable();
    await this.snapshotting;
  }

  /**
   * Applies the history bounds to every pipeline, including ones nobody touches: runs pass the
   * 12-month mark with time alone. Runs at start, on flush and every minute.
   */
  sweep(): void {
    const now = this.options.clockNow();
    for (const data of this.root.partitions) {
      for (const pipeline of data.state.pipelines) {
        if (!boundHistory(pipeline, this.options.history, now)) continue;
        this.changed(data);
        this.touched(data, pipeline.name);
      }
    }
  }

  /** Starts the minute sweep (not in the constructor: the clock is not running yet). */
  startSweeping(): void {
    this.sweeper ??= setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
    this.sweep();
  }

  /** Final flush, then gives up the data directory. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.sweeper);
    try {
      await this.flush();
      // The final state is compared even when comparisons were being sampled.
      if (this.shadow) this.compare(this.shadow, this.root.clockMs);
    } finally {
      this.closed = true;
      await this.segment?.close().catch(() => {});
      this.release();
    }
  }

  private kick(): void {
    if (this.loop || this.closed) return;
    this.loop = this.drain().finally(() => {
      this.loop = undefined;
      if (this.dirty.size > 0 || this.waiters.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    // Let the rest of this turn's requests and timers make their changes: one commit for all.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.dirty.size > 0 || this.waiters.length > 0) {
      const waiters = this.waiters.splice(0);
      try {
        await this.commit();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        const failure = error as Error;
        this.options.log(`Could not save the sandbox state: ${failure.message}`);
        for (const waiter of waiters) waiter.reject(failure);
      }
    }
  }

  /** Applies the history bounds and logs what changed since the last commit. */
  private async commit(): Promise<void> {
    const dirty = new Map(this.dirty);
    this.dirty.clear();
    const now = this.options.clockNow();
    const ops: ChangeOp[] = [];
    for (const [data, touched] of dirty) {
      let names = touched;
      for (const pipeline of data.state.pipelines) {
        if (!boundHistory(pipeline, this.options.history, now)) continue;
        if (names !== "all") names = new Set([...names, pipeline.name]);
      }
      if (this.tracker && !pristine(data)) this.tracker.capturePartition(data, names, ops);
    }
    this.root.clockMs = now;
    if (this.shadow) this.verify(ops, now);
    if (this.options.dataDir === undefined) return;
    if (this.mustSnapshot) {
      // A log write failed earlier: only a snapshot taken now is sure to hold everything.
      await this.snapshotting?.catch(() => {});
      await this.startSnapshot();
      return;
    }
    if (ops.length > 0) {
      this.commitNumber += 1;
      const line = frame({ c: this.commitNumber, k: now, o: ops });
      try {
        this.segment ??= await LogSegment.open(this.options.dataDir, this.generation);
        await this.segment.append(line);
      } catch (error) {
        this.mustSnapshot = true;
        throw error;
      }
      this.stats.commits += 1;
      this.stats.logBytes += line.length;
    }
    // Only here, between commits, may the segment change: no append is in flight.
    const limit = Math.max(this.options.compactBytes ?? DEFAULT_COMPACT_BYTES, this.snapshotBytes);
    const wanted = this.snapshotWanted && this.stats.logBytes > 0;
    if ((this.stats.logBytes > limit || wanted) && !this.snapshotting) {
      this.snapshotWanted = false;
      void this.startSnapshot().catch((error: unknown) => {
        this.options.log(`Could not write the sandbox snapshot: ${(error as Error).message}`);
      });
    }
  }

  /**
   * Serialises the whole state now, at a commit boundary, and sends later commits to a new log
   * segment; the snapshot then holds everything the earlier segments do, which are deleted once
   * it is on disk. Until then they still count, so a crash meanwhile loses nothing.
   */
  private startSnapshot(): Promise<void> {
    if (this.snapshotting) return this.snapshotting;
    const dataDir = this.options.dataDir as string;
    const generation = this.generation + 1;
    const text = snapshotText(this.root, generation);
    const previous = this.segment;
    this.segment = undefined;
    this.generation = generation;
    this.stats.logBytes = 0;
    this.snapshotting = (async () => {
      await previous?.close();
      await writeSnapshot(dataDir, text);
      this.mustSnapshot = false;
      this.snapshotBytes = text.length;
      this.stats.snapshots += 1;
      for (const old of listSegments(dataDir))
        if (old < generation) unlinkSync(join(dataDir, segmentName(old)));
    })().finally(() => {
      this.snapshotting = undefined;
    });
    return this.snapshotting;
  }

  /** The start-up snapshot after a migration or a recovery, before anything is served. */
  private snapshotNowSync(): void {
    const dataDir = this.options.dataDir as string;
    const generation = this.generation;
    writeSnapshotSync(dataDir, snapshotText(this.root, generation));
    for (const old of listSegments(dataDir))
      if (old < generation) unlinkSync(join(dataDir, segmentName(old)));
  }

  /**
   * Replays the commit onto the shadow, then compares it with memory. The comparison costs a
   * serialisation of the whole state, so once comparisons have taken a second in all, only every
   * 16th commit and the last one (at close) are compared; a change the capture missed stays
   * missing from the shadow, so a later comparison still finds it.
   */
  private verify(ops: ChangeOp[], now: number): void {
    const shadow = this.shadow as { root: DurableRoot; index: ReplayIndex };
    try {
      for (const op of JSON.parse(JSON.stringify(ops)) as ChangeOp[]) shadow.index.apply(op);
    } catch (error) {
      this.options.verify?.(`replaying a commit failed: ${(error as Error).message}`);
      return;
    }
    this.verifications += 1;
    if (this.verifyMs > 1000 && this.verifications % 16 !== 0) return;
    const started = performance.now();
    this.compare(shadow, now);
    this.verifyMs += performance.now() - started;
  }

  private compare(shadow: { root: DurableRoot }, now: number): void {
    shadow.root.clockMs = now;
    const memory = JSON.parse(
      JSON.stringify({ ...this.root, partitions: this.root.partitions.filter((p) => !pristine(p)) }),
    ) as DurableRoot;
    const replayed = { ...shadow.root, partitions: shadow.root.partitions.filter((p) => !pristine(p)) };
    if (!isDeepStrictEqual(memory, replayed)) {
      this.options.verify?.(
        `the log does not reproduce memory after commit ${this.commitNumber}: ${firstDifference(memory, replayed)}`,
      );
    }
  }
}

/** The path of the first difference between two JSON values, for a readable verify report. */
function firstDifference(a: unknown, b: unknown, path = "$"): string {
  if (isDeepStrictEqual(a, b)) return "";
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return path;
}
