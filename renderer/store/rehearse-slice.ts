import type { StateCreator } from "zustand";
import type { RehearseOutcome } from "../../shared/ipc";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import {
  setActionMark,
  setRuleMark,
  type ActionMark,
  type RehearsalExpect,
  type RehearsalResult,
  type RuleMark,
  type WhatIf,
} from "../../shared/rehearse";
import type { FlowDeps } from "./flow-slice";
import type { AppState } from "./state";

/** One what-if of the open document: saved beside its file, or a draft. */
export interface WhatIfEntry {
  name: string;
  whatIf: WhatIf;
  /** True when the file beside the document holds exactly this what-if. */
  saved: boolean;
  /** Why the file of this name could not be read (it is then shown, not played). */
  problem: string | null;
  /** The last rehearsal of this what-if, and the pipeline it was for. */
  outcome: RehearseOutcome | null;
  ranFor: PipelineDeclaration | null;
}

/** The rehearse slice: rehearse mode, the document's what-ifs, their rehearsals and the playback. */
export interface RehearseSlice {
  rehearseMode: boolean;
  whatIfs: WhatIfEntry[];
  activeWhatIf: string;
  /** The path the what-ifs were loaded for (null: the document has no file yet). */
  whatIfsFor: string | null;
  /** Index of the last event shown by the playback; -1 shows the pipeline before the run. */
  playbackStep: number;
  playing: boolean;
  rehearseModeToggled(on?: boolean): Promise<void>;
  /** Another document was opened: its what-ifs replace these. */
  rehearseReset(): void;
  whatIfsLoadRequested(): Promise<void>;
  whatIfSelected(name: string): void;
  whatIfAdded(): void;
  whatIfRemoved(name: string): Promise<void>;
  whatIfEdited(update: (whatIf: WhatIf) => WhatIf): Promise<void>;
  actionMarked(stage: string, action: string, mark: ActionMark | undefined): Promise<void>;
  ruleMarked(
    stage: string,
    hook: "beforeEntry" | "onSuccess" | "onFailure",
    rule: string,
    mark: RuleMark | undefined,
  ): Promise<void>;
  /** Makes the active what-if expect what its last rehearsal did (living documentation). */
  expectationsCaptured(): Promise<void>;
  whatIfSaveRequested(): Promise<void>;
  rehearsalRequested(name?: string): Promise<void>;
  /** Re-runs every what-if for the current pipeline (after an edit). */
  rehearsalsRefreshed(): Promise<void>;
  playbackStepped(step: number): void;
  playbackToggled(playing?: boolean): void;
}

const FIRST = "what-if-1";

function draft(name: string, whatIf: WhatIf = {}): WhatIfEntry {
  return { name, whatIf, saved: false, problem: null, outcome: null, ranFor: null };
}

/** The active what-if's last result, when it ran. */
export function activeResult(state: Pick<AppState, "whatIfs" | "activeWhatIf">): RehearsalResult | null {
  const entry = state.whatIfs.find((w) => w.name === state.activeWhatIf);
  return entry?.outcome?.kind === "ran" ? entry.outcome.result : null;
}

function expectationFrom(result: RehearsalResult): RehearsalExpect {
  return {
    status: result.status,
    stages: result.stages.map((s) => ({ name: s.name, status: s.status, rolledBack: s.rolledBack })),
  };
}

function uniqueName(taken: readonly string[]): string {
  for (let i = taken.length + 1; ; i++) if (!taken.includes(`what-if-${i}`)) return `what-if-${i}`;
}

export const createRehearseSlice =
  (deps: FlowDeps): StateCreator<AppState, [], [], RehearseSlice> =>
  (set, get) => {
    const replace = (name: string, update: (entry: WhatIfEntry) => WhatIfEntry): void =>
      set({ whatIfs: get().whatIfs.map((w) => (w.name === name ? update(w) : w)) });

    const run = async (name: string): Promise<void> => {
      const doc = get().doc;
      const entry = get().whatIfs.find((w) => w.name === name);
      if (doc === null || !entry || entry.problem !== null) return;
      const pipeline = doc.document.pipeline;
      const result = await deps.api.rehearse.run({ pipeline, whatIf: entry.whatIf });
      if (!result.ok) return get().errorShown(result.error);
      // An edit made meanwhile starts its own rehearsal; an older answer must not replace it.
      if (get().doc?.document.pipeline !== pipeline) return;
      replace(name, (w) =>
        w.whatIf === entry.whatIf ? { ...w, outcome: result.value, ranFor: pipeline } : w,
      );
      if (name === get().activeWhatIf) {
        const events = result.value.kind === "ran" ? result.value.result.events.length : 0;
        set({ playbackStep: events - 1, playing: false });
      }
    };

    return {
      rehearseMode: false,
      whatIfs: [draft(FIRST)],
      activeWhatIf: FIRST,
      whatIfsFor: null,
      playbackStep: -1,
      playing: false,

      async rehearseModeToggled(on) {
        const next = on ?? !get().rehearseMode;
        const tab = get().bottomTab;
        set({
          rehearseMode: next,
          playing: false,
          bottomTab: next ? "rehearse" : tab === "rehearse" ? "problems" : tab,
        });
        if (!next) return;
        await get().whatIfsLoadRequested();
        await run(get().activeWhatIf);
      },

      rehearseReset() {
        set({
          whatIfs: [draft(FIRST)],
          activeWhatIf: FIRST,
          whatIfsFor: null,
          playbackStep: -1,
          playing: false,
        });
      },

      async whatIfsLoadRequested() {
        const path = get().doc?.path ?? null;
        if (path === null || path === get().whatIfsFor) return;
        const result = await deps.api.rehearse.listWhatIfs({ documentPath: path });
        if (!result.ok) return get().errorShown(result.error);
        const files = result.value.map((f) => ({
          ...draft(f.name, (f.whatIf ?? {}) as WhatIf),
          saved: f.problem === undefined,
          problem: f.problem ?? null,
        }));
        // Drafts made before the document had a file stay, unless a file took their name.
        const drafts = get().whatIfs.filter((w) => !w.saved && !files.some((f) => f.name === w.name));
        const whatIfs = [
          ...files,
          ...drafts.filter((d) => files.length === 0 || Object.keys(d.whatIf).length > 0),
        ];
        const list = whatIfs.length > 0 ? whatIfs : [draft(FIRST)];
        const active = list.some((w) => w.name === get().activeWhatIf)
          ? get().activeWhatIf
          : (list[0]?.name ?? FIRST);
        set({ whatIfs: list, activeWhatIf: active, whatIfsFor: path });
        await get().rehearsalsRefreshed();
      },

      whatIfSelected(name) {
        if (!get().whatIfs.some((w) => w.name === name)) return;
        const entry = get().whatIfs.find((w) => w.name === name);
        const events = entry?.outcome?.kind === "ran" ? entry.outcome.result.events.length : 0;
        set({ activeWhatIf: name, playbackStep: events - 1, playing: false });
        if (entry && entry.ranFor !== get().doc?.document.pipeline) void run(name);
      },

      whatIfAdded() {
        const name = uniqueName(get().whatIfs.map((w) => w.name));
        set({
          whatIfs: [...get().whatIfs, draft(name)],
          activeWhatIf: name,
          playbackStep: -1,
          playing: false,
        });
        void run(name);
      },

      async whatIfRemoved(name) {
        const entry = get().whatIfs.find((w) => w.name === name);
        const path = get().doc?.path ?? null;
        if (!entry) return;
        if (path !== null && (entry.saved || entry.problem !== null)) {
          if (!deps.confirm(`Delete the what-if file ${name}?`)) return;
          const result = await deps.api.rehearse.deleteWhatIf({ documentPath: path, name });
          if (!result.ok) return get().errorShown(result.error);
        }
        const rest = get().whatIfs.filter((w) => w.name !== name);
        const list = rest.length > 0 ? rest : [draft(FIRST)];
        const active = get().activeWhatIf === name ? (list[0]?.name ?? FIRST) : get().activeWhatIf;
        set({ whatIfs: list, activeWhatIf: active });
        if (active !== name) get().whatIfSelected(active);
      },

      async whatIfEdited(update) {
        const name = get().activeWhatIf;
        replace(name, (w) => ({ ...w, whatIf: update(w.whatIf), saved: false }));
        await run(name);
      },

      actionMarked(stage, action, mark) {
        return get().whatIfEdited((w) => setActionMark(w, stage, action, mark));
      },

      ruleMarked(stage, hook, rule, mark) {
        return get().whatIfEdited((w) => setRuleMark(w, stage, hook, rule, mark));
      },

      async expectationsCaptured() {
        const result = activeResult(get());
        if (result) await get().whatIfEdited((w) => ({ ...w, expect: expectationFrom(result) }));
      },

      async whatIfSaveRequested() {
        const path = get().doc?.path ?? null;
        const entry = get().whatIfs.find((w) => w.name === get().activeWhatIf);
        if (!entry) return;
        if (path === null) {
          set({ notice: "Save the pipeline first: what-ifs are kept beside its file." });
          return;
        }
        const result = await deps.api.rehearse.saveWhatIf({
          documentPath: path,
          name: entry.name,
          whatIf: entry.whatIf,
        });
        if (!result.ok) return get().errorShown(result.error);
        replace(entry.name, (w) => (w.whatIf === entry.whatIf ? { ...w, saved: true, problem: null } : w));
      },

      async rehearsalRequested(name) {
        await run(name ?? get().activeWhatIf);
      },

      async rehearsalsRefreshed() {
        await Promise.all(get().whatIfs.map((w) => run(w.name)));
      },

      playbackStepped(step) {
        const result = activeResult(get());
        const last = (result?.events.length ?? 0) - 1;
        set({ playbackStep: Math.max(-1, Math.min(step, last)) });
        if (step >= last) set({ playing: false });
      },

      playbackToggled(playing) {
        const next = playing ?? !get().playing;
        const result = activeResult(get());
        const last = (result?.events.length ?? 0) - 1;
        // Playing from the end replays from the start.
        if (next && get().playbackStep >= last) set({ playbackStep: -1 });
        set({ playing: next && last >= 0 });
      },
    };
  };
