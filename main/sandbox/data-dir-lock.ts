/**
 * One sandbox per data directory: two processes saving the same state.json would silently
 * overwrite each other's history. The lock file holds the owner's pid; a lock whose process is
 * gone (a crash) is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const LOCK_FILE = "sandbox.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the directory's lock or throws naming the holder; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, mine, { flag: "wx" });
      return () => {
        try {
          if (readFileSync(path, "utf8") === mine) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(path, "utf8").trim());
    } catch {
      continue; // released between our attempts
    }
    // Our own pid means another sandbox in this process still has it open.
    if (Number.isInteger(holder) && holder > 0 && (holder === process.pid || isAlive(holder))) {
      throw new Error(`Another sandbox (process ${holder}) is using this data directory: ${dataDir}`);
    }
    try {
      unlinkSync(path); // stale: its process is gone
    } catch {
      // Someone else took it over first; try again.
    }
  }
  throw new Error(`Could not lock the sandbox data directory: ${dataDir}`);
}
