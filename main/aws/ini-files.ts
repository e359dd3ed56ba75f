/**
 * The AWS shared config and credentials files, read by the SDK's own loader
 * (`@smithy/shared-ini-file-loader` `loadSharedConfigFiles`, the code every SDK client runs), so
 * profiles, `[sso-session x]` and `[services x]` sections, comments and indented sub-properties
 * (`s3 =` followed by indented lines, read as `s3.max_concurrent_requests`) mean here exactly what
 * they mean to the SDK. Only the file locations and "is the file readable" are ours: the loader
 * reads AWS_CONFIG_FILE from `process.env`, while callers here may pass another environment.
 */
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { join } from "node:path";
import { CONFIG_PREFIX_SEPARATOR, getHomeDir, loadSharedConfigFiles } from "@smithy/shared-ini-file-loader";

/** One section's settings, as the loader returns them (sub-properties as `parent.key`). */
export type IniSection = Readonly<Record<string, string | undefined>>;

/** What the shared files hold, split the way the SDK uses them. */
export interface SharedFiles {
  /** The files read (`~/` already expanded by the loader when it reads them). */
  paths: { config: string; credentials: string };
  /** `[profile x]` and `[default]` of the config file, by profile name. */
  configProfiles: ReadonlyMap<string, IniSection>;
  /** `[x]` sections of the credentials file, by profile name. */
  credentialProfiles: ReadonlyMap<string, IniSection>;
  /** `[sso-session x]` sections of the config file. */
  ssoSessions: ReadonlyMap<string, IniSection>;
  /** `[services x]` sections of the config file (`codepipeline.endpoint_url` and the like). */
  services: ReadonlyMap<string, IniSection>;
  /** Problems a person should know (a file that exists but cannot be read). */
  notes: string[];
}

/** Where the SDK looks: the env variables win, else `~/.aws/` under the SDK's home folder. */
export function sharedFilePaths(env: NodeJS.ProcessEnv = process.env): {
  config: string;
  credentials: string;
} {
  return {
    config: env.AWS_CONFIG_FILE || join(getHomeDir(), ".aws", "config"),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), ".aws", "credentials"),
  };
}

/** The loader treats a file it cannot read as empty; say so when the file is there but unreadable. */
async function readProblem(path: string): Promise<string | undefined> {
  const expanded = path.startsWith("~/") ? join(getHomeDir(), path.slice(2)) : path;
  try {
    if ((await stat(expanded)).isDirectory()) return `Could not read the AWS file (EISDIR): ${path}`;
    await access(expanded, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    return `Could not read the AWS file (${typeof code === "string" ? code : "error"}): ${path}`;
  }
}

/** Sections whose names carry a prefix (`sso-session.corp`), split off by prefix. */
function prefixed(data: Readonly<Record<string, IniSection>>, prefix: string): Map<string, IniSection> {
  const found = new Map<string, IniSection>();
  const head = `${prefix}${CONFIG_PREFIX_SEPARATOR}`;
  for (const [key, section] of Object.entries(data)) {
    if (key.startsWith(head)) found.set(key.slice(head.length), section);
  }
  return found;
}

/**
 * Reads both files afresh (the loader caches per path; a user editing ~/.aws/config while the app
 * runs expects the next listing to see it).
 */
export async function readSharedFiles(env: NodeJS.ProcessEnv = process.env): Promise<SharedFiles> {
  const paths = sharedFilePaths(env);
  const [files, ...problems] = await Promise.all([
    loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials, ignoreCache: true }),
    readProblem(paths.config),
    readProblem(paths.credentials),
  ]);
  const config = files.configFile as Record<string, IniSection>;
  const credentials = files.credentialsFile as Record<string, IniSection>;
  const ssoSessions = prefixed(config, "sso-session");
  const services = prefixed(config, "services");
  // The loader keys config profiles by bare name (`[profile x]` → `x`) beside the prefixed
  // sso-session and services sections.
  const configProfiles = new Map(
    Object.entries(config).filter(
      ([key]) =>
        !key.startsWith(`sso-session${CONFIG_PREFIX_SEPARATOR}`) &&
        !key.startsWith(`services${CONFIG_PREFIX_SEPARATOR}`),
    ),
  );
  return {
    paths,
    configProfiles,
    credentialProfiles: new Map(Object.entries(credentials)),
    ssoSessions,
    services,
    notes: problems.filter((p): p is string => p !== undefined),
  };
}
