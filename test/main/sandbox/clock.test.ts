import { describe, expect, it } from "vitest";
import { ManualClock, ScaledClock } from "../../../main/sandbox";

describe("clocks", () => {
  it("ManualClock fires due timers in time order, including ones scheduled while advancing", () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    clock.schedule(1_300, () => fired.push("c"));
    clock.schedule(1_100, () => {
      fired.push("a");
      clock.schedule(1_200, () => fired.push("b"));
    });
    const cancelled = clock.schedule(1_150, () => fired.push("never"));
    clock.cancel(cancelled);
    clock.advance(250);
    expect(fired).toEqual(["a", "b"]);
    expect(clock.now()).toBe(1_250);
    clock.advance(50);
    expect(fired).toEqual(["a", "b", "c"]);
  });

  it("ScaledClock runs simulated time `speed` times faster than wall time", async () => {
    const clock = new ScaledClock(1_000, Date.UTC(2026, 0, 1));
    const start = clock.now();
    const wallStart = performance.now();
    const firedAt = await new Promise<number>((resolve) =>
      clock.schedule(start + 50_000, () => resolve(clock.now())),
    );
    const wall = performance.now() - wallStart;
    expect(firedAt).toBeGreaterThanOrEqual(start + 50_000);
    expect(wall).toBeGreaterThanOrEqual(45);
    expect(wall).toBeLessThan(5_000);
    clock.cancelAll();
  });

  it("refuses a speed that is not a positive number", () => {
    expect(() => new ScaledClock(0)).toThrow(/speed/);
    expect(() => new ScaledClock(Number.NaN)).toThrow(/speed/);
  });
});
