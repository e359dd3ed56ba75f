/**
 * The polling budget with 200 pipelines over 4 account-regions of one sandbox (issue 17): the fleet
 * reads every pipeline, and no account-region gets more than one call in any second, nor more calls
 * than the seconds that passed. Time is a manual clock stepped call by call, so the counts are exact
 * and the test asserts no timing; the rates on the system clock are in `npm run bench -- fleet`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_REGIONS, measureFleet, PER_LANE, startFleet200, type Fleet200 } from "./fleet-200";
import { ManualFleetClock } from "./manual-clock";

let fleet200: Fleet200;

beforeAll(async () => {
  fleet200 = await startFleet200();
}, 120_000);

afterAll(async () => {
  await fleet200?.close();
});

describe("the fleet's call budget", () => {
  it("reads 200 pipelines over 4 account-regions within 1 call per second per account-region", async () => {
    const clock = new ManualFleetClock(Date.now());
    const seconds = 300;
    const measured = await measureFleet(fleet200.lanes, clock, (fleet) =>
      clock.advance(seconds * 1000, () => fleet.settled()),
    );
    expect(measured.rows).toBe(ACCOUNT_REGIONS.length * PER_LANE);
    expect(measured.read).toBe(measured.rows);
    expect(measured.fullPictureMs).not.toBeNull();
    expect(measured.lanes.map((l) => l.account).sort()).toEqual([
      "111111111111",
      "111111111111",
      "222222222222",
      "222222222222",
    ]);
    for (const lane of measured.lanes) {
      expect(lane.mostInOneSecond, lane.lane).toBe(1);
      expect(lane.calls, lane.lane).toBeLessThanOrEqual(seconds + 1);
      // The budget is used, not left idle: the first reads of 50 pipelines alone take ~100 calls.
      expect(lane.calls, lane.lane).toBeGreaterThan(PER_LANE);
    }
  }, 180_000);
});
