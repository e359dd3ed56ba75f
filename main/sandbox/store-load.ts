/**
 * Start-up: the snapshot, then every log segment written after it, in order. A line torn by a
 * crash in the middle of a write (the last line of the last segment; never acknowledged) is cut
 * off. Damage anywhere else, or a log that does not fit its snapshot, stops the replay there: the
 * damaged segment and those after it are set aside, never overwritten, and a note says so.
 */
import { mkdirSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { ReplayIndex, type DurableRoot } from "./change-ops";
import { loadSnapshot, moveAside, STATE_FILE } from "./snapshot-file";
import { listSegments, readSegment, segmentName, truncateSegment } from "./write-ahead-log";

export interface DurableLoad {
  root: DurableRoot;
  /** True when anything came from disk. */
  loaded: boolean;
  /** The generation new commits go to. */
  nextGeneration: number;
  /** Bytes of log replayed (they count towards the next snapshot). */
  logBytes: number;
  snapshotBytes: number;
  notes: string[];
  /** A snapshot must be written before serving: the state was migrated or recovered. */
  rewrite: boolean;
}

/** Temp files a crash left behind; every write replaces them, so none is worth keeping. */
function removeTempFiles(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.includes(".tmp-")) unlinkSync(join(dataDir, name));
  }
}

export function loadDurableState(
  dataDir: string,
  defaults: { accountId: string; region: string },
  now: Date = new Date(),
): DurableLoad {
  mkdirSync(dataDir, { recursive: true });
  removeTempFiles(dataDir);
  const snapshotPath = join(dataDir, STATE_FILE);
  const snapshot = loadSnapshot(dataDir, defaults, now);
  const notes: string[] = [];
  if (snapshot.migrated) notes.push(snapshot.migrated);
  const segments = listSegments(dataDir);
  if (snapshot.setAside) {
    // The log belongs to the state that was set aside; it goes with it.
    const kept = segments.map((g) => moveAside(join(dataDir, segmentName(g)), "set-aside", now));
    notes.push(snapshot.setAside + (kept.length > 0 ? ` (with its log: ${kept.join(", ")})` : ""));
    return {
      root: snapshot.root,
      loaded: false,
      nextGeneration: 0,
      logBytes: 0,
      snapshotBytes: 0,
      notes,
      rewrite: false,
    };
  }
  let snapshotBytes = 0;
  try {
    snapshotBytes = statSync(snapshotPath).size;
  } catch {
    snapshotBytes = 0;
  }
  const index = new ReplayIndex(snapshot.root);
  let logBytes = 0;
  let replayed = 0;
  let rewrite = snapshot.migrated !== undefined;
  const live = segments.filter((g) => g >= snapshot.generation);
  for (const obsolete of segments.filter((g) => g < snapshot.generation)) {
    // Left by a crash after a snapshot landed and before its older segments were deleted.
    unlinkSync(join(dataDir, segmentName(obsolete)));
  }
  for (const [i, generation] of live.entries()) {
    const path = join(dataDir, segmentName(generation));
    const read = readSegment(path);
    let problem = read.damage;
    let applied = 0;
    try {
      for (const commit of read.commits) {
        for (const op of commit.o) index.apply(op);
        snapshot.root.clockMs = Math.max(snapshot.root.clockMs, commit.k);
        applied += 1;
      }
    } catch (error) {
      problem = `commit ${read.commits[applied]?.c ?? "?"} does not fit the state before it: ${(error as Error).message}`;
    }
    replayed += applied;
    const last = i === live.length - 1;
    if (problem === undefined) {
      logBytes += read.goodBytes;
      continue;
    }
    if (read.tornTail && last && applied === read.commits.length) {
      truncateSegment(path, read.goodBytes);
      logBytes += read.goodBytes;
      continue;
    }
    const kept = live.slice(i).map((g) => moveAside(join(dataDir, segmentName(g)), "corrupt", now));
    notes.push(
      `The sandbox's write-ahead log is damaged (${segmentName(generation)}: ${problem}). The state was recovered up to the damage; the damaged log is kept as: ${kept.join(", ")}`,
    );
    rewrite = true;
    break;
  }
  const lastGeneration = live.length > 0 ? (live[live.length - 1] as number) : snapshot.generation - 1;
  return {
    root: snapshot.root,
    loaded: snapshot.generation > 0 || replayed > 0 || snapshotBytes > 0,
    nextGeneration: Math.max(snapshot.generation, lastGeneration + 1),
    logBytes,
    snapshotBytes,
    notes,
    rewrite,
  };
}
