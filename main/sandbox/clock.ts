/**
 * Simulated time. The engine schedules everything on a Clock, so a `speed` factor can make a
 * 30-second build take 30 ms of wall time while histories still report 30 simulated seconds,
 * and tests that want full determinism can step a ManualClock instead of waiting.
 */
export interface Clock {
  /** Simulated epoch milliseconds; every timestamp the sandbox reports comes from here. */
  now(): number;
  /** Runs `fn` once simulated time reaches `atMs`. */
  schedule(atMs: number, fn: () => void): TimerHandle;
  cancel(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** Wall time sped up by `speed`; starts at `startMs` so reloaded histories never go backwards. */
export class ScaledClock implements Clock {
  private readonly originMs: number;
  private readonly originPerf = performance.now();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  constructor(
    private readonly speed: number,
    startMs: number = Date.now(),
  ) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number: ${speed}`);
    this.originMs = startMs;
  }

  now(): number {
    return Math.round(this.originMs + (performance.now() - this.originPerf) * this.speed);
  }

  schedule(atMs: number, fn: () => void): TimerHandle {
    const id = this.nextId++;
    // setTimeout caps at ~24.8 days; re-arm in steps so long approval timeouts at speed 1 still fire.
    const arm = (): void => {
      const wait = Math.max(0, (atMs - this.now()) / this.speed);
      const step = Math.min(wait, 2 ** 31 - 1);
      const timer = setTimeout(() => {
        // Node timers may fire a fraction of a millisecond early, which `speed` magnifies; wait
        // out the rest so a run never reports an action ending before its due time.
        if (step < wait || this.now() < atMs) return arm();
        this.timers.delete(id);
        fn();
      }, step);
      this.timers.set(id, timer);
    };
    arm();
    return { id };
  }

  cancel(handle: TimerHandle): void {
    const timer = this.timers.get(handle.id);
    if (timer) clearTimeout(timer);
    this.timers.delete(handle.id);
  }

  /** Stops every pending timer so a closed sandbox keeps no event-loop work alive. */
  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Time moves only when a test calls advance(); due timers fire in time order. */
export class ManualClock implements Clock {
  private current: number;
  private readonly pending = new Map<number, { atMs: number; fn: () => void }>();
  private nextId = 1;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  schedule(atMs: number, fn: () => void): TimerHandle {
    const id = this.nextId++;
    this.pending.set(id, { atMs, fn });
    return { id };
  }

  cancel(handle: TimerHandle): void {
    this.pending.delete(handle.id);
  }

  cancelAll(): void {
    this.pending.clear();
  }

  /** Moves time forward by `ms`, firing timers (including ones they schedule) as they come due. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      let nextId: number | undefined;
      let nextAt = Infinity;
      for (const [id, timer] of this.pending) {
        if (timer.atMs <= target && timer.atMs < nextAt) [nextId, nextAt] = [id, timer.atMs];
      }
      if (nextId === undefined) break;
      const timer = this.pending.get(nextId);
      this.pending.delete(nextId);
      this.current = Math.max(this.current, nextAt);
      timer?.fn();
    }
    this.current = target;
  }
}
