/** A clock tests step by hand; timers fire in time order, each call settled before the next. */
import type { FleetClock } from "../../../main/fleet/call-budget";

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

export class ManualFleetClock implements FleetClock {
  private timers = new Map<number, Timer>();
  private seq = 0;

  constructor(private current = Date.parse("2024-06-01T12:00:00Z")) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.current + Math.max(0, ms), seq: id, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /**
   * Moves time forward by `ms`, firing every timer due on the way; `settled` is awaited after each
   * (the calls a timer started), so what they schedule fires in order too.
   */
  async advance(ms: number, settled: () => Promise<void>): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settled();
      let next: [number, Timer] | undefined;
      for (const entry of this.timers) {
        if (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[1].seq < next[1].seq))
          next = entry;
      }
      if (!next || next[1].at > target) break;
      this.timers.delete(next[0]);
      this.current = Math.max(this.current, next[1].at);
      next[1].callback();
    }
    this.current = target;
  }
}
