/**
 * The fleet: one lane per profile × region (and the sandbox), each with the call budget of its
 * account-region, merged into one snapshot in the order a person needs it. Calls go through the
 * one gateway (its own instance, with the SDK's retries off, so every call the budget allows is
 * one request and throttling reaches the budget instead of being retried behind its back).
 */
import {
  sortFleetRows,
  type FleetConnection,
  type FleetLane,
  type FleetSnapshot,
} from "../../shared/fleet/fleet-rows";
import { connectionKey, type Connection, type Gateway } from "../aws";
import { RunsService } from "../aws/runs-service";
import { CallBudget, DEFAULT_BUDGET, systemClock, type BudgetOptions, type FleetClock } from "./call-budget";
import { DEFAULT_TIMING, Lane, type FleetTiming, type LaneSource, type Observation } from "./fleet-lane";
import type { LaneSpec } from "./fleet-selection";

export interface FleetServiceOptions {
  /** A gateway for the fleet alone, made with `maxAttempts: 1`. */
  gateway: Gateway;
  clock?: FleetClock;
  random?: () => number;
  timing?: Partial<FleetTiming>;
  budget?: Partial<BudgetOptions>;
  /** The snapshot changed (at most every `changeIntervalMs`). */
  onChange?(snapshot: FleetSnapshot): void;
  /** A pipeline was read; the notification events come from here. */
  onObserved?(lane: FleetLane, observation: Observation): void;
  /** Each API call as it starts, by lane, for the bench. */
  onCall?(laneKey: string, at: number): void;
  changeIntervalMs?: number;
}

/** The connection as the renderer names it: a sandbox without its endpoint is the app's own. */
function fleetConnection(connection: Connection): FleetConnection {
  if (connection.kind === "sandbox") return { kind: "sandbox" };
  return connection.profile === undefined
    ? { kind: "aws", region: connection.region }
    : { kind: "aws", profile: connection.profile, region: connection.region };
}

/** The calls of one lane, through the gateway and the runs service. */
function sourceFor(gateway: Gateway, runs: RunsService, connection: Connection): LaneSource {
  return {
    listPipelines: () => gateway.listPipelines(connection),
    listRuns: (name, pageSize) => runs.listRuns(connection, name, { pageSize }),
    getState: (name) => runs.getState(connection, name),
    pipelineArn: async (name) => {
      const got = await gateway.getPipeline(connection, name);
      return got.ok ? { ok: true, value: got.value.metadata.pipelineArn } : got;
    },
  };
}

interface Running {
  spec: LaneSpec;
  lane: Lane;
  budget: CallBudget;
}

export class FleetService {
  private readonly lanes = new Map<string, Running>();
  private readonly runs: RunsService;
  private readonly clock: FleetClock;
  private readonly timing: FleetTiming;
  private changeTimer: unknown;
  private updatedAt = 0;
  private notes: string[] = [];

  constructor(private readonly options: FleetServiceOptions) {
    this.runs = new RunsService(options.gateway);
    this.clock = options.clock ?? systemClock;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
  }

  /** Polls exactly these lanes: new ones start, missing ones stop, unchanged ones go on. */
  setLanes(specs: readonly LaneSpec[], notes: readonly string[] = []): void {
    this.notes = [...notes];
    const wanted = new Map(specs.map((s) => [s.key, s]));
    for (const [key, running] of this.lanes) {
      const spec = wanted.get(key);
      if (spec && connectionKey(spec.connection) === connectionKey(running.spec.connection)) continue;
      running.lane.stop();
      running.budget.stop();
      this.lanes.delete(key);
    }
    for (const spec of specs) if (!this.lanes.has(spec.key)) this.startLane(spec);
    this.changed();
  }

  private startLane(spec: LaneSpec): void {
    const onCall = this.options.onCall;
    const budget = new CallBudget(
      this.clock,
      this.options.budget,
      this.options.random,
      onCall ? (at) => onCall(spec.key, at) : undefined,
    );
    const lane: Lane = new Lane({
      key: spec.key,
      connection: fleetConnection(spec.connection),
      profile: spec.profile,
      region: spec.region,
      account: spec.account,
      source: sourceFor(this.options.gateway, this.runs, spec.connection),
      budget,
      clock: this.clock,
      timing: this.timing,
      random: this.options.random ?? Math.random,
      onChange: () => this.changed(),
      onObserved: (observation) => this.options.onObserved?.(lane.view, observation),
      onAccount: (learned) => this.shownBy(learned),
    });
    this.lanes.set(spec.key, { spec, lane, budget });
    lane.start();
  }

  /** Another lane already showing the same account and region, which keeps showing it. */
  private shownBy(lane: Lane): string | null {
    for (const { lane: other } of this.lanes.values()) {
      if (other === lane || other.view.status === "duplicate") continue;
      if (other.view.account === lane.view.account && other.view.region === lane.view.region)
        return other.view.key;
    }
    return null;
  }

  /** The connection a lane reads through (for controls on its pipelines). */
  connectionOf(laneKey: string): Connection | undefined {
    return this.lanes.get(laneKey)?.spec.connection;
  }

  /** Polls a pipeline at once in every lane that reads it through `connection`. */
  refresh(connection: Connection, pipelineName: string): void {
    const key = connectionKey(connection);
    for (const { spec, lane } of this.lanes.values())
      if (connectionKey(spec.connection) === key) lane.refresh(pipelineName);
  }

  snapshot(): FleetSnapshot {
    const running = [...this.lanes.values()];
    return {
      rows: sortFleetRows(running.flatMap(({ lane }) => lane.rows())),
      lanes: running.map(({ lane }) => ({ ...lane.view })),
      notes: [...this.notes],
      callsPerSecond: this.options.budget?.callsPerSecond ?? DEFAULT_BUDGET.callsPerSecond,
      updatedAt: this.updatedAt,
    };
  }

  /** Resolves once no lane has a call under way. */
  async settled(): Promise<void> {
    for (;;) {
      const budgets = [...this.lanes.values()].map((r) => r.budget);
      await Promise.all(budgets.map((b) => b.settled()));
      if (budgets.every((b) => !b.busy)) return;
    }
  }

  /** Lanes running, for tests. */
  get size(): number {
    return this.lanes.size;
  }

  private changed(): void {
    this.updatedAt = this.clock.now();
    const onChange = this.options.onChange;
    if (!onChange || this.changeTimer !== undefined) return;
    // Many pipelines change at once on the first listing; one snapshot covers them.
    this.changeTimer = this.clock.setTimeout(() => {
      this.changeTimer = undefined;
      onChange(this.snapshot());
    }, this.options.changeIntervalMs ?? 250);
  }

  dispose(): void {
    for (const { lane, budget } of this.lanes.values()) {
      lane.stop();
      budget.stop();
    }
    this.lanes.clear();
    if (this.changeTimer !== undefined) this.clock.clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
  }
}

export type { Observation };
