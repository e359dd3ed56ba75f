/**
 * The AWS profiles a user can pick, read from the shared config and credentials files (no AWS
 * call), and the connection test. Only names, kinds and non-secret settings leave this module.
 */
import { configuredEndpoint } from "./configured-endpoint";
import { readSharedFiles, type IniSection } from "./ini-files";

/**
 * How a profile gets credentials:
 * - `static`: access keys in the files; `sso`: IAM Identity Center (`sso_session` or legacy `sso_start_url`);
 * - `assume-role`: `role_arn` with `source_profile` or `credential_source`;
 * - `web-identity`: `role_arn` with `web_identity_token_file`;
 * - `process`: `credential_process`; `env`: the environment variables (the pseudo-profile);
 * - `config-only`: settings without credentials (the SDK's chain may still find some, e.g. IMDS).
 */
export type ProfileKind =
  "static" | "sso" | "assume-role" | "web-identity" | "process" | "env" | "config-only";

export interface ProfileInfo {
  /** The profile name; {@link ENV_PROFILE} for the environment credentials. */
  name: string;
  kind: ProfileKind;
  /** The profile's default region, if it names one. */
  region?: string;
  /** Which files define it. */
  sources: ("config" | "credentials" | "environment")[];
  /** For `assume-role`/`web-identity`: the role, and where its source credentials come from. */
  roleArn?: string;
  sourceProfile?: string;
  credentialSource?: string;
  /** For `sso`: the session name (or start URL for legacy profiles), account and role. */
  ssoSession?: string;
  ssoStartUrl?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
  /**
   * Where the profile sends CodePipeline calls when it configures an endpoint (`endpoint_url` or a
   * `services` section): a local sandbox, moto, a VPC endpoint. Absent: the AWS endpoint.
   */
  endpointUrl?: string;
}

export interface ProfileList {
  profiles: ProfileInfo[];
  /** AWS_PROFILE when set, else `default` when it exists. */
  defaultProfile?: string;
  /** The region of the environment (AWS_REGION, AWS_DEFAULT_REGION). */
  environmentRegion?: string;
  /** The files read, for "where do these come from" in the UI. */
  files: { config: string; credentials: string };
  /** Problems a person should know (an unreadable file). */
  notes: string[];
}

/**
 * The pseudo-profile name of credentials given by AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; a
 * connection for it leaves `profile` out, so the SDK's chain reads the environment first.
 */
export const ENV_PROFILE = "(environment)";

function classify(values: IniSection): Omit<ProfileInfo, "name" | "sources" | "region"> {
  const get = (key: string) => values[key] || undefined;
  const roleArn = get("role_arn");
  if (roleArn && get("web_identity_token_file")) return { kind: "web-identity", roleArn };
  if (roleArn) {
    const info: Omit<ProfileInfo, "name" | "sources" | "region"> = { kind: "assume-role", roleArn };
    const source = get("source_profile");
    const credentialSource = get("credential_source");
    if (source) info.sourceProfile = source;
    if (credentialSource) info.credentialSource = credentialSource;
    return info;
  }
  if (get("sso_session") || get("sso_start_url") || get("sso_account_id")) {
    const info: Omit<ProfileInfo, "name" | "sources" | "region"> = { kind: "sso" };
    for (const [key, member] of [
      ["sso_session", "ssoSession"],
      ["sso_start_url", "ssoStartUrl"],
      ["sso_account_id", "ssoAccountId"],
      ["sso_role_name", "ssoRoleName"],
    ] as const) {
      const value = get(key);
      if (value) info[member] = value;
    }
    return info;
  }
  if (get("credential_process")) return { kind: "process" };
  if (get("aws_access_key_id") && get("aws_secret_access_key")) return { kind: "static" };
  return { kind: "config-only" };
}

/**
 * Lists the profiles of the shared files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE
 * honoured) plus the environment credentials as a pseudo-profile, sorted with `default` first.
 * Settings of a profile in both files are merged, the config file winning, as the SDK does.
 */
export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileList> {
  const shared = await readSharedFiles(env);
  const notes = [...shared.notes];
  const names = [...new Set([...shared.configProfiles.keys(), ...shared.credentialProfiles.keys()])];
  const profiles: ProfileInfo[] = names.map((name) => {
    const fromConfig = shared.configProfiles.get(name);
    const fromCredentials = shared.credentialProfiles.get(name);
    const merged: IniSection = { ...fromCredentials, ...fromConfig };
    const info: ProfileInfo = { name, sources: [], ...classify(merged) };
    if (fromConfig) info.sources.push("config");
    if (fromCredentials) info.sources.push("credentials");
    const region = merged["region"];
    if (region) info.region = region;
    if (info.kind === "sso" && info.ssoSession && !shared.ssoSessions.has(info.ssoSession)) {
      notes.push(
        `Profile ${name} names an sso-session that the config file does not define: ${info.ssoSession}`,
      );
    }
    // The profile's own setting, as listed; the environment's override applies to every profile.
    const endpoint = configuredEndpoint(shared, name, {});
    if (endpoint.kind === "endpoint") info.endpointUrl = endpoint.url;
    else if (endpoint.kind === "error") notes.push(endpoint.message);
    return info;
  });
  profiles.sort((a, b) =>
    a.name === "default" ? -1 : b.name === "default" ? 1 : a.name.localeCompare(b.name),
  );

  const environmentRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const pseudo: ProfileInfo = { name: ENV_PROFILE, kind: "env", sources: ["environment"] };
    if (environmentRegion) pseudo.region = environmentRegion;
    profiles.unshift(pseudo);
  }
  const list: ProfileList = { profiles, files: shared.paths, notes };
  const defaultProfile =
    env.AWS_PROFILE || (profiles.some((p) => p.name === "default") ? "default" : undefined);
  if (defaultProfile) list.defaultProfile = defaultProfile;
  if (environmentRegion) list.environmentRegion = environmentRegion;
  return list;
}

/**
 * The region a connection with this profile uses when none is picked: the environment's region,
 * then the profile's own (the SDK's order), else `undefined`.
 */
export async function defaultRegion(
  profile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  const { profiles } = await listProfiles(env);
  const name = profile ?? (env.AWS_PROFILE || "default");
  return profiles.find((p) => p.name === name)?.region;
}
