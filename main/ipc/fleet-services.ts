import type { FleetSnapshot } from "../../shared/fleet/fleet-rows";
import { Gateway, type AwsService, type Connection } from "../aws";
import type { EmbeddedSandbox } from "../app/embedded-sandbox";
import type { FleetClock } from "../fleet/call-budget";
import { FleetService } from "../fleet/fleet-service";
import { laneSpecs, type FleetSelection } from "../fleet/fleet-selection";
import { NotificationCenter } from "../fleet/notification-center";
import type { EmitEvent } from "./services";

/** The fleet side of the services: the fleet, watched on demand, and its notifications. */
export interface FleetServices {
  center: NotificationCenter;
  /** Starts (or re-aims) the fleet; the sandbox lane starts the embedded sandbox if it can. */
  start(
    selection: Pick<FleetSelection, "profiles" | "regions"> & { callsPerSecond?: number | undefined },
  ): Promise<FleetSnapshot>;
  stop(): void;
  snapshot(): FleetSnapshot | null;
  /** A control changed a pipeline: its fleet row is read again at once. */
  refresh(connection: Connection, pipelineName: string): void;
  dispose(): Promise<void>;
}

export interface FleetServicesOptions {
  dataDir: string;
  emit: EmitEvent;
  aws: AwsService;
  sandbox: EmbeddedSandbox;
  clock?: FleetClock;
  /** Problems with the notification file a person should know. */
  report?: (message: string) => void;
}

export function createFleetServices(options: FleetServicesOptions): FleetServices {
  const center = new NotificationCenter({
    dataDir: options.dataDir,
    deliver: (item, popup) => options.emit("notifications.raised", { item, popup }),
    ...(options.report ? { report: options.report } : {}),
  });
  let fleet: FleetService | undefined;
  let gateway: Gateway | undefined;
  let rate = 1;
  const make = (): FleetService => {
    // Its own gateway: one request per call the budget allows (no retries behind its back).
    gateway = new Gateway({ maxAttempts: 1, sandboxEndpoint: () => options.sandbox.endpoint() });
    return new FleetService({
      gateway,
      ...(options.clock ? { clock: options.clock } : {}),
      budget: { callsPerSecond: rate },
      onChange: (snapshot) => options.emit("fleet.updated", snapshot),
      onObserved: (_lane, observation) => void center.observe(observation),
    });
  };
  return {
    center,
    async start({ callsPerSecond, ...selection }) {
      // Another budget: the lanes start again with it (their calls so far are not carried over).
      if (callsPerSecond !== undefined && callsPerSecond !== rate) {
        this.stop();
        rate = callsPerSecond;
      }
      const profiles = await options.aws.listProfiles();
      const list = profiles.ok ? profiles.value : { profiles: [], files: { config: "", credentials: "" }, notes: [] };
      // The sandbox is one more account of the fleet; if it cannot start, its lane says so.
      await options.sandbox.start().catch(() => undefined);
      const chosen = laneSpecs(list, { ...selection, sandbox: {} });
      const notes = [
        ...list.notes,
        ...chosen.notes,
        ...chosen.unknown.map((name) => `Not a profile of the AWS config or credentials files: ${name}`),
      ];
      fleet ??= make();
      fleet.setLanes(chosen.lanes, notes);
      return fleet.snapshot();
    },
    stop() {
      fleet?.dispose();
      gateway?.dispose();
      fleet = undefined;
      gateway = undefined;
    },
    snapshot: () => fleet?.snapshot() ?? null,
    refresh: (connection, pipelineName) => fleet?.refresh(connection, pipelineName),
    async dispose() {
      this.stop();
      await center.settled();
    },
  };
}
