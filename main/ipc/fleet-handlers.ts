import { deliveryMetrics, periodFromText } from "../../shared/execution";
import { fail, ok, type ConnectionChoice, type Handlers, type Result } from "../../shared/ipc";
import type { Connection } from "../aws";
import { readRunHistory } from "../aws/run-history";
import { toResult } from "./aws-handlers";
import type { AppServices } from "./services";

type FleetHandlers = Pick<
  Handlers,
  Extract<keyof Handlers, `fleet.${string}` | `notifications.${string}` | `metrics.${string}`>
>;

/** The handlers of the fleet, notification and metrics channels. */
export function createFleetHandlers(s: AppServices): FleetHandlers {
  async function resolve(connection: ConnectionChoice): Promise<Result<Connection>> {
    if (connection.kind === "aws")
      return ok(
        connection.profile === undefined
          ? { kind: "aws", region: connection.region }
          : { kind: "aws", profile: connection.profile, region: connection.region },
      );
    try {
      await s.sandbox.start();
      return ok({ kind: "sandbox" });
    } catch (error) {
      return fail(
        "sandbox-unavailable",
        `The embedded sandbox could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return {
    "fleet.start": async ({ profiles, regions, callsPerSecond }) =>
      ok(await s.fleet.start({ profiles, regions, callsPerSecond })),
    "fleet.stop": async () => {
      s.fleet.stop();
      return ok(null);
    },
    "fleet.snapshot": async () => ok(s.fleet.snapshot()),
    "notifications.list": async () => ok(await s.fleet.center.list()),
    "notifications.markRead": async ({ ids }) => ok(await s.fleet.center.markRead(ids ?? "all")),
    "notifications.settings": async () => ok(await s.fleet.center.settings()),
    "notifications.updateSettings": async (patch) => {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return ok(await s.fleet.center.updateSettings(defined));
    },
    "metrics.pipeline": async ({ connection, pipelineName, since }) => {
      const period = periodFromText(since, Date.now());
      if (!period) return fail("invalid-request", `Not a period such as 30d, 12h or 2w: ${since}`);
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      return toResult(await readRunHistory(s.aws.gateway, resolved.value, pipelineName, period.since), (history) =>
        deliveryMetrics([history], period),
      );
    },
  };
}
