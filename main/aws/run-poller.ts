/**
 * One adaptive poller per watched pipeline, shared by every view that shows it. Every poll reads
 * GetPipelineState; what else it reads follows from what changed there: the history page only when
 * runs moved between stages, and a followed run's action executions (the timeline a view shows)
 * only when that run's own stages moved. So a view never re-reads a whole run while it goes.
 *
 * Timing: fast while a run goes and something changes, slower while a run goes and nothing changes
 * (a long build, an approval waiting), slow while idle (one call a minute), slower still while every
 * view is hidden; backoff with full jitter on throttling. Every call counts against a budget of
 * calls per rolling minute that no schedule, refresh or nudge can exceed. `refresh()` (after the app
 * changed something) and `nudge()` (the source says something changed: the embedded sandbox does)
 * look at once, within that budget. Time and randomness are injected so tests step them.
 */
import type { ApiPipelineExecutionSummary, ApiPipelineState } from "../../shared/execution";
import type { RunProgress, RunsUpdate } from "../../shared/ipc/runs-channels";
import type { AwsResult } from "./errors";
import { attentionsOf, fullPrint, isActive, runHasConditions, runPrint, runsPrint } from "./run-state-prints";

/** Timers the poller uses; tests pass a manual one. */
export interface PollerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: PollerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the poller reads; the runs service fits. */
export interface PollSource {
  getState(): Promise<AwsResult<ApiPipelineState>>;
  listRecent(): Promise<AwsResult<{ summaries: ApiPipelineExecutionSummary[] }>>;
  /** A run's executions so far; `rules` adds its condition rule executions (a second call). */
  progress?(pipelineExecutionId: string, rules: boolean): Promise<AwsResult<RunProgress>>;
}

/** Intervals in milliseconds, and the call budget. */
export interface PollTiming {
  /** While a run goes, the window is visible and the last poll saw a change. */
  activeMs: number;
  /** While a run goes and nothing changes, waits double from `activeMs` up to this. */
  activeMaxMs: number;
  /** While a run goes and the window is hidden. */
  hiddenActiveMs: number;
  /** The first wait after a run ended; waits double from it up to `idleMaxMs`. */
  idleFirstMs: number;
  /** The longest wait while idle and visible (and the wait after a first read that found nothing going). */
  idleMaxMs: number;
  /** While idle and hidden. */
  hiddenIdleMs: number;
  /** First backoff after a throttled call; doubles per throttled poll, with full jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** After other errors (network loss, a deleted pipeline): keep trying, slowly. */
  errorMs: number;
  /** A nudge waits this long, so a burst of changes is read once. */
  nudgeMs: number;
  /** Calls in any 60 s: polls wait, and history or progress reads are put off, to stay within it. */
  callsPerMinute: number;
}

export const DEFAULT_TIMING: PollTiming = {
  activeMs: 3_000,
  activeMaxMs: 15_000,
  hiddenActiveMs: 20_000,
  idleFirstMs: 10_000,
  idleMaxMs: 60_000,
  hiddenIdleMs: 300_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 300_000,
  errorMs: 30_000,
  nudgeMs: 250,
  callsPerMinute: 30,
};

const WINDOW_MS = 60_000;
/** Fast polls after a refresh that saw no change yet. */
const EAGER_POLLS = 3;
/** Unchanged polls after which every doubling wait is at its cap. */
const LONG_QUIET = 16;

/** What a poll found, pushed to every listener: the `runs.updated` payload without whose it is. */
export type PollUpdate = Omit<RunsUpdate, "pipelineName" | "connection">;

/** Something a person watching should be told about. */
export interface RunAttention {
  kind: "failed" | "approval";
  pipelineExecutionId: string | null;
  stageName: string | null;
  actionName: string | null;
  message: string;
}

export interface PollerOptions {
  clock?: PollerClock;
  timing?: Partial<PollTiming>;
  /** In [0, 1); jitter of backoffs. */
  random?: () => number;
  onUpdate: (update: PollUpdate) => void;
  onAttention?: (attention: RunAttention) => void;
}

type PollError = PollUpdate["error"];

export class RunPoller {
  private readonly clock: PollerClock;
  private readonly timing: PollTiming;
  private readonly random: () => number;
  private timer: unknown;
  private dueAt = Infinity;
  private inflight: Promise<void> | undefined;
  private visible = true;
  private stopped = false;
  /** Unchanged polls in a row, for the doubling waits (active and idle alike). */
  private quietStreak = 0;
  private throttledStreak = 0;
  private fullPrint: string | undefined;
  private runsPrint: string | undefined;
  private listPending = true;
  /** Followed runs and the print of their stages when their progress was last read. */
  private readonly follows = new Map<string, string | undefined>();
  /** Times of the calls made in the last minute, oldest first. */
  private readonly callTimes: number[] = [];
  private runs: ApiPipelineExecutionSummary[] = [];
  private seen: Set<string> | undefined;
  /** Polls left at the fast pace after a refresh, until a change is seen. */
  private eagerPolls = 0;
  /** Set by the first nudge: the source tells of changes, so timers are only a safety net. */
  private pushed = false;
  /** Calls made, for the bench and the tests. */
  calls = 0;
  /** The wait scheduled after the last poll. */
  nextDelayMs: number | null = null;
  last: PollUpdate | undefined;

  constructor(
    private readonly source: PollSource,
    private readonly options: PollerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.random = options.random ?? Math.random;
  }

  /** Starts polling now. */
  start(): void {
    this.stopped = false;
    this.pollSoon(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = Infinity;
  }

  /** A hidden window slows polling; becoming visible polls at once. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) {
      this.quietStreak = 0;
      this.pollSoon(0);
    }
  }

  /**
   * After the app changed something (a release, a control): look now, history too, and keep looking
   * fast for a few polls, since AWS may show the change a moment after it answered.
   */
  refresh(): void {
    this.quietStreak = 0;
    this.eagerPolls = EAGER_POLLS;
    this.listPending = true;
    this.pollSoon(0);
  }

  /** The source says something changed (maybe in another pipeline): look soon, once per burst. */
  nudge(): void {
    this.pushed = true;
    this.pollSoon(this.timing.nudgeMs, true);
  }

  /**
   * The runs whose progress views follow. A run's progress is read when its stages move after it
   * was first followed (the view read the whole run when it chose it).
   */
  setFollowed(ids: ReadonlySet<string>): void {
    for (const id of [...this.follows.keys()]) if (!ids.has(id)) this.follows.delete(id);
    const state = this.last?.state ?? null;
    for (const id of ids)
      if (!this.follows.has(id)) this.follows.set(id, state === null ? undefined : runPrint(state, id));
  }

  /** Resolves when the poll under way (if any) has finished. */
  async settled(): Promise<void> {
    while (this.inflight) await this.inflight;
  }

  /** Schedules the next poll `ms` from now (`sooner`: unless one is due earlier), within the budget. */
  private pollSoon(ms: number, sooner = false): void {
    if (this.stopped) return;
    const at = Math.max(this.clock.now() + ms, this.budgetAt(1));
    if (sooner && at >= this.dueAt) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.dueAt = Infinity;
      if (this.inflight) {
        // A poll is under way: look again right after it, so what prompted this one is seen.
        void this.inflight.then(() => this.pollSoon(0, true));
        return;
      }
      this.inflight = this.poll().finally(() => {
        this.inflight = undefined;
      });
    }, at - this.clock.now());
  }

  /** The earliest time `n` more calls fit the budget. */
  private budgetAt(n: number): number {
    const now = this.clock.now();
    while (this.callTimes.length > 0 && this.callTimes[0]! <= now - WINDOW_MS) this.callTimes.shift();
    const over = this.callTimes.length + n - this.timing.callsPerMinute;
    return over <= 0 ? now : this.callTimes[over - 1]! + WINDOW_MS;
  }

  private spend(): boolean {
    if (this.budgetAt(1) > this.clock.now()) return false;
    this.callTimes.push(this.clock.now());
    this.calls++;
    return true;
  }

  /** One poll: the state, then what its changes call for. */
  private async poll(): Promise<void> {
    if (!this.spend()) return this.pollSoon(0);
    const state = await this.source.getState();
    if (this.stopped) return;
    let error: PollError = null;
    let changed = false;
    const first = this.fullPrint === undefined;
    let stateValue = this.last?.state ?? null;
    const followed: RunProgress[] = [];
    if (state.ok) {
      stateValue = state.value;
      const print = fullPrint(state.value);
      // The first read is a baseline, not a change: nothing says more will follow soon.
      changed = this.fullPrint !== undefined && print !== this.fullPrint;
      this.fullPrint = print;
      if (runsPrint(state.value, this.runs) !== this.runsPrint) this.listPending = true;
      if (this.listPending && this.spend()) {
        const list = await this.source.listRecent();
        if (this.stopped) return;
        if (list.ok) {
          this.runs = list.value.summaries;
          this.runsPrint = runsPrint(state.value, this.runs);
          this.listPending = false;
        } else error = { code: list.error.code, message: list.error.message };
      }
      if (error === null) error = await this.readFollowed(state.value, followed);
      if (this.stopped) return;
    } else error = { code: state.error.code, message: state.error.message };

    const active = error === null && isActive(stateValue, this.runs);
    const delay = this.delayAfter(error, active, changed, first);
    this.nextDelayMs = delay;
    this.last = {
      state: stateValue,
      runs: this.runs,
      error,
      active,
      polledAt: this.clock.now(),
      nextPollMs: delay,
    };
    this.announce(stateValue);
    this.options.onUpdate(followed.length > 0 ? { ...this.last, followed } : this.last);
    this.pollSoon(delay);
  }

  /** Reads the progress of followed runs whose stages moved since it was last read. */
  private async readFollowed(state: ApiPipelineState, into: RunProgress[]): Promise<PollError> {
    const progress = this.source.progress?.bind(this.source);
    if (progress === undefined) return null;
    for (const [id, known] of this.follows) {
      const print = runPrint(state, id);
      if (print === undefined || print === known) continue;
      const rules = runHasConditions(state, id);
      // Put off when the budget is spent: the print stays old, so the next poll reads it.
      if (this.budgetAt(rules ? 2 : 1) > this.clock.now()) continue;
      this.spend();
      if (rules) this.spend();
      const read = await progress(id, rules);
      if (this.stopped) return null;
      if (!read.ok) return { code: read.error.code, message: read.error.message };
      if (this.follows.has(id)) this.follows.set(id, print);
      into.push(read.value);
    }
    return null;
  }

  private delayAfter(error: PollError, active: boolean, changed: boolean, first: boolean): number {
    const t = this.timing;
    if (error?.code === "throttled") {
      this.throttledStreak++;
      const cap = Math.min(t.backoffMaxMs, t.backoffBaseMs * 2 ** (this.throttledStreak - 1));
      // Full jitter, never below the base: callers sharing an account spread out.
      return Math.round(t.backoffBaseMs + this.random() * (cap - t.backoffBaseMs));
    }
    this.throttledStreak = 0;
    if (error) return t.errorMs;
    // A first read that finds nothing going waits longest: nothing says more will follow soon.
    if (first) this.quietStreak = active ? 0 : LONG_QUIET;
    else this.quietStreak = changed ? 0 : this.quietStreak + 1;
    if (!this.visible) return active ? t.hiddenActiveMs : t.hiddenIdleMs;
    if (changed) this.eagerPolls = 0;
    if (this.eagerPolls > 0) {
      this.eagerPolls--;
      return t.activeMs;
    }
    if (this.pushed) return t.idleMaxMs;
    const doubled = (first: number) => first * 2 ** Math.min(this.quietStreak, LONG_QUIET);
    return active
      ? Math.min(t.activeMaxMs, doubled(t.activeMs))
      : Math.min(t.idleMaxMs, doubled(t.idleFirstMs));
  }

  /** Tells about failures and approvals that appeared since the last poll (not those found first). */
  private announce(state: ApiPipelineState | null): void {
    const now = attentionsOf(state, this.runs);
    if (this.seen && this.options.onAttention) {
      for (const [key, attention] of now) if (!this.seen.has(key)) this.options.onAttention(attention);
    }
    this.seen = new Set([...(this.seen ?? []), ...now.keys()]);
  }
}
