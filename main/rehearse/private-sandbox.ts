/**
 * A sandbox of one's own for a rehearsal: memory-only state, a ManualClock that runs the whole
 * simulated timeline at once, and the sandbox's own engine and operation handlers reached through
 * `dispatch` (the same path an HTTP request takes, without a socket). Nothing here touches the
 * user's sandbox state, a data directory or an AWS account.
 */
import { dispatch, type SandboxRuntime } from "../sandbox/dispatch";
import { ManualClock } from "../sandbox/clock";
import { TARGET_PREFIX } from "../../shared/service-model";
import { Partitions } from "../sandbox/partitions";
import type { SandboxState } from "../sandbox/records";
import { ScenarioBook } from "../sandbox/scenario";
import { Store } from "../sandbox/store";

/** The account the rehearsal pretends to be (as the sandbox's default). */
const ACCOUNT_ID = "123456789012";
/** Simulated time the rehearsal starts at: fixed, so two rehearsals report the same times. */
const START_MS = Date.UTC(2026, 0, 1);

/** An AWS error a rehearsal call got back, e.g. InvalidStructureException. */
export class RehearsalCallError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = "RehearsalCallError";
  }
}

export interface PrivateSandbox {
  readonly state: SandboxState;
  readonly clock: ManualClock;
  readonly scenario: ScenarioBook;
  /** Told after every change the engine makes (replace it to observe the runs). */
  onChange: () => void;
  /** Calls one CodePipeline operation; resolves to its output (wire JSON) or throws RehearsalCallError. */
  call(operation: string, input: Record<string, unknown>): Record<string, unknown>;
  /** Runs every timer due within `ms` of simulated time, in time order. */
  advance(ms: number): void;
  /** Drops every pending timer. */
  close(): void;
}

/** Opens a private sandbox. */
export function openPrivateSandbox(region = "us-east-1"): PrivateSandbox {
  const clock = new ManualClock(START_MS);
  const scenario = new ScenarioBook();
  const defaults = { accountId: ACCOUNT_ID, region };
  // A store with no data directory keeps everything in memory: nothing reaches the disk.
  const store = new Store({
    defaults,
    clockNow: () => clock.now(),
    log: () => {},
    history: { maxExecutions: Number.MAX_SAFE_INTEGER },
    onChange: () => sandbox.onChange(),
  });
  const partitions = new Partitions(
    { clock, scenario, onChange: (data) => store.changed(data), endpoint: () => "http://127.0.0.1" },
    store.root.partitions,
  );
  const runtime: SandboxRuntime = { partitions, store, defaults };
  const state = partitions.get(ACCOUNT_ID, region).data.state;
  state.clockMs = START_MS;
  const sandbox: PrivateSandbox = {
    state,
    clock,
    scenario,
    onChange: () => {},
    call(operation, input) {
      let internal: unknown;
      const request = { target: `${TARGET_PREFIX}.${operation}`, body: JSON.stringify(input), authorization: undefined };
      const result = dispatch(runtime, request, (error: unknown) => {
        internal = error;
      });
      if (internal !== undefined) throw internal;
      const body = JSON.parse(result.body) as Record<string, unknown>;
      if (result.status !== 200) {
        throw new RehearsalCallError(result.errorType ?? "Error", String(body.message ?? body.Message ?? ""));
      }
      return body;
    },
    advance: (ms) => clock.advance(ms),
    close: () => clock.cancelAll(),
  };
  return sandbox;
}
