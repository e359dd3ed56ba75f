/**
 * The call budget of one account and region: at most `callsPerSecond` API calls, one at a time,
 * shared by every pipeline of the account-region in order of when each is due (so a pipeline polled
 * often because a run is going gets more turns, and a quiet one still gets its turn: the most
 * overdue goes first). Throttling halves the allowed rate and pauses the budget with jittered
 * backoff; successes bring the rate back step by step (the additive-increase, multiplicative-
 * decrease the SDK's adaptive retry mode uses).
 *
 * AWS publishes no per-operation rate for CodePipeline, and users report ThrottlingException when
 * tools page through about 160 pipelines at once (see ../shared/reference/codepipeline.md,
 * "Throttling"), hence a modest default of one call per second per account-region.
 */

/** Timers the budget uses; tests pass a manual one. */
export interface FleetClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: FleetClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How a call went, as far as the budget cares. */
export type CallOutcome = "ok" | "throttled" | "error";

/** One API call waiting for its turn. */
export interface BudgetTask {
  /** Epoch ms from which it may run. */
  dueAt: number;
  /** Among tasks equally due, lower runs first (a follow-up read before a fresh poll). */
  priority: number;
  /** Makes exactly one API call. */
  run(): Promise<CallOutcome>;
}

export interface BudgetOptions {
  /** The most calls per second; default 1. */
  callsPerSecond: number;
  /** The least the rate falls to under throttling. */
  minCallsPerSecond: number;
  /** First pause after a throttled call; doubles per throttled call in a row, with full jitter. */
  throttleBaseMs: number;
  throttleMaxMs: number;
}

export const DEFAULT_BUDGET: BudgetOptions = {
  callsPerSecond: 1,
  minCallsPerSecond: 0.05,
  throttleBaseMs: 2_000,
  throttleMaxMs: 60_000,
};

export class CallBudget {
  private readonly tasks = new Set<BudgetTask>();
  private readonly options: BudgetOptions;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private throttledStreak = 0;
  /** The rate allowed now. */
  rate: number;
  /** Epoch ms until which no call starts (after throttling). */
  pausedUntil = 0;
  /** Calls made. */
  calls = 0;

  constructor(
    private readonly clock: FleetClock = systemClock,
    options: Partial<BudgetOptions> = {},
    private readonly random: () => number = Math.random,
    /** Told of each call as it starts, for the bench. */
    private readonly onCall?: (at: number) => void,
  ) {
    this.options = { ...DEFAULT_BUDGET, ...options };
    this.rate = this.options.callsPerSecond;
  }

  /** Queues a call; it runs once due, when the budget has room. */
  add(task: BudgetTask): void {
    if (this.stopped) return;
    this.tasks.add(task);
    this.wake();
  }

  /** Drops a queued call (a pipeline that is gone, a lane that stopped). */
  remove(task: BudgetTask): void {
    this.tasks.delete(task);
  }

  /** Whether a call is under way. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Calls waiting, for the snapshot and tests. */
  get queued(): number {
    return this.tasks.size;
  }

  stop(): void {
    this.stopped = true;
    this.tasks.clear();
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The next task by due time then priority, or undefined. */
  private next(): BudgetTask | undefined {
    let best: BudgetTask | undefined;
    for (const task of this.tasks) {
      if (!best || task.dueAt < best.dueAt || (task.dueAt === best.dueAt && task.priority < best.priority))
        best = task;
    }
    return best;
  }

  /** Arms the timer for the next call the budget allows, unless a call is under way. */
  private wake(): void {
    if (this.running !== undefined || this.stopped) return;
    const task = this.next();
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!task) return;
    const at = Math.max(task.dueAt, this.lastStart + 1000 / this.rate, this.pausedUntil);
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, at - this.clock.now()));
  }

  private fire(): void {
    this.timer = undefined;
    if (this.running !== undefined || this.stopped) return;
    const now = this.clock.now();
    const task = this.next();
    if (!task) return;
    // Re-check: a task added or a pause begun since the timer was armed.
    if (Math.max(task.dueAt, this.lastStart + 1000 / this.rate, this.pausedUntil) > now) {
      this.wake();
      return;
    }
    this.tasks.delete(task);
    this.lastStart = now;
    this.calls++;
    this.onCall?.(now);
    this.running = task
      .run()
      .catch((): CallOutcome => "error")
      .then((outcome) => {
        this.running = undefined;
        this.settle(outcome);
        this.wake();
      });
  }

  /** Resolves once no call is under way (tests step a manual clock between calls). */
  async settled(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private settle(outcome: CallOutcome): void {
    const o = this.options;
    if (outcome === "throttled") {
      this.throttledStreak++;
      this.rate = Math.max(o.minCallsPerSecond, this.rate / 2);
      const cap = Math.min(o.throttleMaxMs, o.throttleBaseMs * 2 ** (this.throttledStreak - 1));
      this.pausedUntil =
        this.clock.now() + Math.round(o.throttleBaseMs + this.random() * (cap - o.throttleBaseMs));
      return;
    }
    this.throttledStreak = 0;
    if (outcome === "ok") this.rate = Math.min(o.callsPerSecond, this.rate + o.callsPerSecond / 10);
  }
}
