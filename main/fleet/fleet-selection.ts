/**
 * Which lanes a fleet polls: the chosen profiles, each in its own region (or in the regions asked
 * for), plus the sandbox as one more lane. No AWS call: only the shared files are read.
 */
import { ENV_PROFILE, SANDBOX_REGION, type Connection, type ProfileInfo, type ProfileList } from "../aws";

/** What to poll. */
export interface FleetSelection {
  /**
   * Profile names; absent: every profile of the config file (SSO profiles included). `all`: every
   * profile of the config and credentials files and the environment's credentials.
   */
  profiles?: readonly string[] | "all" | undefined;
  /** Regions for every chosen profile; absent: each profile's own region (else the environment's). */
  regions?: readonly string[] | undefined;
  /** The sandbox as one more lane: the app's embedded one (no endpoint) or a sandbox URL. */
  sandbox?: { endpoint?: string } | undefined;
}

/** One lane to poll. */
export interface LaneSpec {
  key: string;
  profile: string;
  region: string;
  connection: Connection;
  /** The account, when the profile says it without a call. */
  account?: string;
}

/** The profile label of the sandbox lane. */
export const SANDBOX_PROFILE = "sandbox";

/** The stable key of a lane. */
export function laneKey(profile: string, region: string): string {
  return JSON.stringify([profile, region]);
}

/** The account a profile acts in, when its settings name it (SSO account, or a role's ARN). */
function knownAccount(profile: ProfileInfo): string | undefined {
  if (profile.ssoAccountId && /^\d{12}$/.test(profile.ssoAccountId)) return profile.ssoAccountId;
  return /^arn:[^:]+:iam::(\d{12}):/.exec(profile.roleArn ?? "")?.[1];
}

/** The lanes of `selection`, with notes on profiles left out and why. */
export function laneSpecs(
  list: ProfileList,
  selection: FleetSelection,
): { lanes: LaneSpec[]; notes: string[]; unknown: string[] } {
  const notes: string[] = [];
  const unknown: string[] = [];
  let chosen: ProfileInfo[];
  if (selection.profiles === "all") chosen = list.profiles;
  else if (selection.profiles === undefined)
    chosen = list.profiles.filter((p) => p.sources.includes("config"));
  else {
    const byName = new Map(list.profiles.map((p) => [p.name, p]));
    chosen = [];
    for (const name of selection.profiles) {
      const found = byName.get(name);
      if (found) chosen.push(found);
      else unknown.push(name);
    }
  }
  const lanes: LaneSpec[] = [];
  const seen = new Set<string>();
  for (const profile of chosen) {
    const regions = selection.regions?.length
      ? selection.regions
      : [profile.region ?? list.environmentRegion].filter((r): r is string => r !== undefined);
    if (regions.length === 0) {
      notes.push(`Profile ${profile.name} names no region; pick regions to include it: ${profile.name}`);
      continue;
    }
    for (const region of regions) {
      const key = laneKey(profile.name, region);
      if (seen.has(key)) continue;
      seen.add(key);
      const connection: Connection =
        profile.name === ENV_PROFILE
          ? { kind: "aws", region }
          : { kind: "aws", profile: profile.name, region };
      const account = knownAccount(profile);
      lanes.push({ key, profile: profile.name, region, connection, ...(account ? { account } : {}) });
    }
  }
  if (selection.sandbox) {
    const connection: Connection = selection.sandbox.endpoint
      ? { kind: "sandbox", endpoint: selection.sandbox.endpoint }
      : { kind: "sandbox" };
    lanes.push({
      key: laneKey(SANDBOX_PROFILE, SANDBOX_REGION),
      profile: SANDBOX_PROFILE,
      region: SANDBOX_REGION,
      connection,
    });
  }
  return { lanes, notes, unknown };
}
