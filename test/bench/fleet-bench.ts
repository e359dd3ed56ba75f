/**
 * Fleet benchmark: the polling budget with 200 pipelines over 4 account-regions of one sandbox
 * (two accounts by their access key ids, two regions each), as issue 17 asks. Two runs:
 * - on a manual clock, ten simulated minutes stepped call by call: calls per second per
 *   account-region, the most calls within any one second, and how long until every pipeline's
 *   newest run was read (the first full picture);
 * - on the system clock for 20 wall seconds: the same calls per second, measured as a user gets them.
 * Printed with the target (<= 1 call per second per account-region); never asserted.
 */
import { systemClock } from "../../main/fleet/call-budget";
import { ManualFleetClock } from "../main/fleet/manual-clock";
import { measureFleet, startFleet200, type FleetMeasure } from "../main/fleet/fleet-200";
import { atMost, record } from "./report";

const SIMULATED_S = 600;
const WALL_S = 20;

function report(kind: string, seconds: number, m: FleetMeasure, how: string): void {
  console.log(`  ${kind}: ${m.read} of ${m.rows} pipelines read in ${seconds} s`);
  for (const lane of m.lanes) {
    const rate = lane.calls / seconds;
    console.log(
      `    ${lane.lane.padEnd(22)} account ${lane.account ?? "?"}: ${lane.calls} calls, ${rate.toFixed(3)} calls/s, most in one second ${lane.mostInOneSecond}`,
    );
    record({
      name: `calls/s, ${lane.lane} (${kind})`,
      value: Number(rate.toFixed(3)),
      unit: "calls/s",
      target: "<= 1 calls/s",
      // The first call starts at 0 s, so n seconds hold n + 1 starts at 1 call/s.
      met: lane.mostInOneSecond <= 1 && atMost(lane.calls, seconds + 1),
      method: `${how}; met: at most one call in any second and at most seconds + 1 calls`,
    });
  }
  if (m.fullPictureMs !== null) {
    console.log(`    every pipeline read after ${(m.fullPictureMs / 1000).toFixed(0)} s`);
    record({
      name: `first full picture of 200 pipelines (${kind})`,
      value: Math.round(m.fullPictureMs / 1000),
      unit: "s",
      method: `${how}; time from the start until every pipeline's newest run was read`,
    });
  }
}

export async function runFleetBench(): Promise<void> {
  console.log("\n# Fleet: 200 pipelines over 4 account-regions of one sandbox, 1 call/s per account-region");
  const fleet = await startFleet200();
  try {
    const clock = new ManualFleetClock(Date.now());
    const manual = await measureFleet(fleet.lanes, clock, (f) => clock.advance(SIMULATED_S * 1000, () => f.settled()));
    report("simulated", SIMULATED_S, manual, `${SIMULATED_S} simulated s on a manual clock, calls counted as the budget starts them`);
    const wall = await measureFleet(fleet.lanes, systemClock, () => new Promise((r) => setTimeout(r, WALL_S * 1000)));
    report("wall clock", WALL_S, wall, `${WALL_S} wall seconds on the system clock, calls counted as the budget starts them`);
  } finally {
    await fleet.close();
  }
}
