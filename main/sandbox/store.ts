/**
 * Where the state lives: memory only by default; with a data directory, loaded at start and
 * saved after changes (atomically, debounced). The notes explain anything a person should know
 * about the load, such as a corrupt file moved aside.
 */
import type { SandboxState } from "./records";
import { lockDataDir } from "./data-dir-lock";
import { loadStateFile, StateWriter } from "./state-file";

export interface Store {
  state: SandboxState;
  /** True when the state came from disk (runs open at the last shutdown need interrupting). */
  loaded: boolean;
  notes: string[];
  markDirty(): void;
  flush(): Promise<void>;
  /** Gives up the data directory (after the final flush). */
  release(): void;
}

export function openStore(
  dataDir: string | undefined,
  clockNow: () => number,
  log: (message: string) => void,
  saveDelayMs = 50,
): Store {
  const notes: string[] = [];
  let state: SandboxState = { pipelines: [], seq: 0, clockMs: 0 };
  let loaded = false;
  if (dataDir === undefined) {
    return { state, loaded, notes, markDirty: () => {}, flush: async () => {}, release: () => {} };
  }
  const release = lockDataDir(dataDir);
  try {
    const result = loadStateFile(dataDir);
    if (result.movedAside !== undefined) {
      notes.push(
        `The sandbox state file was unreadable and has been moved aside; starting with an empty state. Kept as: ${result.movedAside}`,
      );
    }
    if (result.state) {
      state = result.state;
      loaded = true;
    }
  } catch (error) {
    release();
    throw error;
  }
  const writer = new StateWriter(
    dataDir,
    () => ({ ...state, clockMs: clockNow() }),
    saveDelayMs,
    (error) => log(`Could not save the sandbox state: ${error.message}`),
  );
  return {
    state,
    loaded,
    notes,
    markDirty: () => writer.markDirty(),
    flush: () => writer.flush(),
    release,
  };
}
