/**
 * The endpoint a connection's profile configures for CodePipeline (or STS): `endpoint_url`, a
 * `[services x]` section, AWS_ENDPOINT_URL(_<SERVICE>), `ignore_configured_endpoint_urls`, decided
 * for the profile the connection names.
 *
 * Why here and not in the SDK: the JS SDK looks configured endpoints up for AWS_PROFILE (or
 * `default`) only, never for the `profile` a client or credential provider is given, so a fleet
 * of profiles in one process would all reach the endpoint of one. The AWS CLI and the other SDKs
 * use the profile in use. The files are still read by the SDK's own loader; only the documented
 * precedence is applied here.
 */
import type { IniSection, SharedFiles } from "./ini-files";

/**
 * A service as the settings name it: its key in `[services x]` sections (`codepipeline`, `sts`),
 * upper-cased in AWS_ENDPOINT_URL_<SERVICE>.
 */
export type ServiceKey = "codepipeline" | "sts";

export type ConfiguredEndpoint =
  { kind: "none" } | { kind: "endpoint"; url: string; source: string } | { kind: "error"; message: string };

/** The profile's settings as the SDK merges them: credentials file first, the config file winning. */
export function mergedProfile(files: SharedFiles, profile: string): IniSection {
  return { ...files.credentialProfiles.get(profile), ...files.configProfiles.get(profile) };
}

/**
 * `true`/`false` as the SDK's booleanSelector reads them (any other value is an error there; here it
 * counts as not set, since an unreadable flag must not silently send calls to AWS either way).
 */
function flag(value: string | undefined): boolean | undefined {
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/**
 * Which endpoint calls of `service` with `profile` (absent: AWS_PROFILE, else `default`, as the SDK's chain)
 * go to. The order is the one the AWS SDKs and Tools Reference Guide gives
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html):
 * - `ignore_configured_endpoint_urls` / AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "This setting is used
 *   to ignore all custom endpoints configurations."
 * - AWS_ENDPOINT_URL_<SERVICE>: "This service-specific endpoint overrides any global endpoint
 *   set in AWS_ENDPOINT_URL."
 * - a `services` section's `<service> = endpoint_url = …`, then the profile's own
 *   `endpoint_url`, which "specifies the endpoint that is used for all service requests. This
 *   endpoint is overridden by any configured service-specific endpoint."
 * The environment variables come before the config file, as the SDK's config loader reads them.
 */
export function configuredEndpoint(
  files: SharedFiles,
  profile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  service: ServiceKey = "codepipeline",
): ConfiguredEndpoint {
  const serviceVariable = `AWS_ENDPOINT_URL_${service.toUpperCase()}`;
  const name = profile ?? (env.AWS_PROFILE || "default");
  const settings = mergedProfile(files, name);
  const ignore =
    flag(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) ?? flag(settings["ignore_configured_endpoint_urls"]);
  if (ignore === true) return { kind: "none" };
  const fromEnv = env[serviceVariable] || env.AWS_ENDPOINT_URL;
  if (fromEnv) {
    const source = env[serviceVariable] ? serviceVariable : "AWS_ENDPOINT_URL";
    return { kind: "endpoint", url: fromEnv, source };
  }
  const servicesName = settings["services"];
  if (servicesName) {
    const section = files.services.get(servicesName);
    if (!section) {
      return {
        kind: "error",
        message: `Profile ${name} names a services section that the config file does not define: ${servicesName}`,
      };
    }
    const url = section[`${service}.endpoint_url`];
    if (url) return { kind: "endpoint", url, source: `[services ${servicesName}] ${service}` };
  }
  const url = settings["endpoint_url"];
  if (url) return { kind: "endpoint", url, source: `profile ${name}` };
  return { kind: "none" };
}
