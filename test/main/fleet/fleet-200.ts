/**
 * The fleet issue 17 measures: 200 pipelines over 4 account-regions (two accounts by their 12-digit
 * access key ids, two regions each), all in one sandbox reached through profiles' `endpoint_url`.
 * Every tenth pipeline's build takes an hour, so its run stays in progress and it is polled more
 * often; the others finish in seconds. Used by the budget test (call counts) and the bench (rates).
 */
import { Gateway } from "../../../main/aws";
import type { FleetClock } from "../../../main/fleet/call-budget";
import { FleetService } from "../../../main/fleet/fleet-service";
import { laneKey, type LaneSpec } from "../../../main/fleet/fleet-selection";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { fleetPipeline, useAwsEnv, writeProfiles, type ProfileFiles } from "./fleet-fixture";

export const ACCOUNT_REGIONS = [
  { name: "one-eu", accessKeyId: "111111111111", region: "eu-west-1" },
  { name: "one-us", accessKeyId: "111111111111", region: "us-east-1" },
  { name: "two-eu", accessKeyId: "222222222222", region: "eu-west-1" },
  { name: "two-us", accessKeyId: "222222222222", region: "us-east-1" },
] as const;
export const PER_LANE = 50;

export interface Fleet200 {
  sandbox: Sandbox;
  files: ProfileFiles;
  lanes: LaneSpec[];
  close(): Promise<void>;
}

const name = (profile: string, i: number) => `${profile}-p${String(i).padStart(2, "0")}`;

/** Starts the sandbox, writes the profiles, points this process at them and creates the pipelines. */
export async function startFleet200(): Promise<Fleet200> {
  const quick = { durationSeconds: 1 };
  const sandbox = await startSandbox({
    speed: 1,
    log: () => {},
    scenario: {
      defaults: { Source: quick, Build: quick, Deploy: quick },
      rules: ACCOUNT_REGIONS.flatMap((p) =>
        Array.from({ length: PER_LANE / 10 }, (_, k) => ({
          pipeline: name(p.name, k * 10),
          action: "Compile",
          durationSeconds: 3600,
        })),
      ),
    },
  });
  const files = await writeProfiles(ACCOUNT_REGIONS.map((p) => ({ ...p, endpoint: sandbox.endpoint })));
  const restore = useAwsEnv(files.env);
  const gateway = new Gateway({ maxAttempts: 3 });
  try {
    for (const p of ACCOUNT_REGIONS) {
      const connection = files.connection(p.name);
      await Promise.all(
        Array.from({ length: PER_LANE }, async (_, i) => {
          const created = await gateway.createPipeline(connection, fleetPipeline(name(p.name, i)), []);
          if (!created.ok) throw new Error(`${name(p.name, i)}: ${created.error.message}`);
        }),
      );
    }
  } finally {
    gateway.dispose();
  }
  return {
    sandbox,
    files,
    lanes: ACCOUNT_REGIONS.map((p) => ({
      key: laneKey(p.name, p.region),
      profile: p.name,
      region: p.region,
      connection: files.connection(p.name),
    })),
    async close() {
      restore();
      await sandbox.close();
      await files.remove();
    },
  };
}

/** What one account-region's lane did. */
export interface LaneMeasure {
  lane: string;
  account: string | null;
  calls: number;
  /** The most calls that started within any 1000 ms. */
  mostInOneSecond: number;
}

export interface FleetMeasure {
  lanes: LaneMeasure[];
  rows: number;
  /** Rows whose newest run was read. */
  read: number;
  /** Milliseconds (on the fleet's clock) from the start until every row was read; null: not within the run. */
  fullPictureMs: number | null;
}

/**
 * Runs the fleet over `lanes` on `clock` and counts the calls each lane starts. `wait` lets the
 * measured time pass: a manual clock steps through it, the system clock waits for it.
 */
export async function measureFleet(
  lanes: readonly LaneSpec[],
  clock: FleetClock,
  wait: (fleet: FleetService) => Promise<void>,
  callsPerSecond = 1,
): Promise<FleetMeasure> {
  const gateway = new Gateway({ maxAttempts: 1 });
  const calls = new Map<string, number[]>(lanes.map((l) => [l.key, []]));
  const started = clock.now();
  let fullPictureMs: number | null = null;
  const fleet: FleetService = new FleetService({
    gateway,
    clock,
    budget: { callsPerSecond },
    onCall: (lane, at) => calls.get(lane)?.push(at),
    changeIntervalMs: 100,
    onChange: (snapshot) => {
      const total = lanes.length * PER_LANE;
      if (fullPictureMs === null && snapshot.rows.length === total && snapshot.rows.every((r) => r.polledAt !== null))
        fullPictureMs = clock.now() - started;
    },
  });
  try {
    fleet.setLanes(lanes);
    await wait(fleet);
    const snapshot = fleet.snapshot();
    return {
      lanes: snapshot.lanes.map((lane) => {
        const times = calls.get(lane.key) ?? [];
        let most = 0;
        for (let i = 0, j = 0; i < times.length; i++) {
          while ((times[i] ?? 0) - (times[j] ?? 0) >= 1000) j++;
          most = Math.max(most, i - j + 1);
        }
        return { lane: `${lane.profile} · ${lane.region}`, account: lane.account, calls: times.length, mostInOneSecond: most };
      }),
      rows: snapshot.rows.length,
      read: snapshot.rows.filter((r) => r.polledAt !== null).length,
      fullPictureMs,
    };
  } finally {
    fleet.dispose();
    await fleet.settled();
    gateway.dispose();
  }
}
