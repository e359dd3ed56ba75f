import { deliveryMetrics, periodFromText } from "../../shared/execution";
import { fail, ok, type ConnectionChoice, type Handlers } from "../../shared/ipc";
import { readRunHistory } from "../aws/run-history";
import { resolveConnection, toResult } from "./aws-bridge";
import type { AppServices } from "./services";

type FleetHandlers = Pick<
  Handlers,
  Extract<keyof Handlers, `fleet.${string}` | `notifications.${string}` | `metrics.${string}`>
>;

/** The handlers of the fleet, notification and metrics channels. */
export function createFleetHandlers(s: AppServices): FleetHandlers {
  const resolve = (connection: ConnectionChoice) => resolveConnection(s, connection);
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
