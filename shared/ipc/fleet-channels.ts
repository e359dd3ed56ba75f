import { z } from "zod";
import type { DeliveryMetrics } from "../execution/delivery-metrics";
import type { FleetSnapshot } from "../fleet/fleet-rows";
import type { NotificationItem, NotificationSettings } from "../fleet/notifications";
import { connectionSchema } from "./aws-channels";
import type { ChannelDefinition } from "./contract";
import { emptySchema } from "./schemas";

/**
 * The fleet channels: watching every pipeline of the chosen profiles × regions (updates arrive as
 * `fleet.updated` events), its notifications (raised as `notifications.raised` events), and the
 * delivery metrics of a pipeline's history. Spread into `CHANNELS`.
 */

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDefinition<Req, Res> => ({ request });
}

const profileName = z.string().min(1).max(128);
const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "Not an AWS region name");
const pipelineName = z.string().regex(/^[A-Za-z0-9.@_-]{1,100}$/, "Not a pipeline name");
const notificationId = z.string().regex(/^[0-9a-f-]{36}$/, "Not a notification id");
const eventChoice = z.strictObject({
  approval: z.boolean().optional(),
  failed: z.boolean().optional(),
  recovered: z.boolean().optional(),
});

/** The in-app notification list, newest first. */
export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

/** The fleet channels, spread into `CHANNELS`. */
export const FLEET_CHANNELS = {
  /**
   * Starts watching the fleet (or changes what it watches) and returns what is known now. Without
   * `profiles`, every profile of the AWS config file, each in its own region (or in `regions`), and
   * the app's sandbox. `callsPerSecond`: the budget of each account-region (default 1).
   */
  "fleet.start": channel<FleetSnapshot>()(
    z.strictObject({
      profiles: z.array(profileName).max(200).optional(),
      regions: z.array(regionName).max(40).optional(),
      callsPerSecond: z.number().positive().max(50).optional(),
    }),
  ),
  /** Stops watching the fleet (no more calls, no more notifications). */
  "fleet.stop": channel<null>()(emptySchema),
  /** What the fleet shows now; null while it is not watched. */
  "fleet.snapshot": channel<FleetSnapshot | null>()(emptySchema),

  /** The in-app notification list. */
  "notifications.list": channel<NotificationList>()(emptySchema),
  /** Marks notifications read: these ids, or (without `ids`) all. */
  "notifications.markRead": channel<NotificationList>()(
    z.strictObject({ ids: z.array(notificationId).max(500).optional() }),
  ),
  /** Which pipelines and events notify. */
  "notifications.settings": channel<NotificationSettings>()(emptySchema),
  /** Changes the notification settings; returns all of them. */
  "notifications.updateSettings": channel<NotificationSettings>()(
    z.strictObject({
      events: z.strictObject({ approval: z.boolean(), failed: z.boolean(), recovered: z.boolean() }).optional(),
      pipelines: z
        .array(z.strictObject({ pipeline: z.string().min(1).max(400), events: eventChoice }))
        .max(2000)
        .optional(),
      popups: z.boolean().optional(),
      watchOnStart: z.boolean().optional(),
    }),
  ),

  /** Delivery metrics of a pipeline over a period ending now (`30d`, `12h`, `2w`). */
  "metrics.pipeline": channel<DeliveryMetrics>()(
    z.strictObject({
      connection: connectionSchema,
      pipelineName,
      since: z.string().regex(/^\d{1,4}[hdw]$/, "A period such as 30d, 12h or 2w"),
    }),
  ),
} as const;
