/**
 * The connection a command line asks for, completed from the standard AWS environment
 * (AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION) and the profile's own region, as the AWS CLI does.
 */
import type { Connection } from "./connection";
import { fail, ok, type AwsResult } from "./errors";
import { defaultRegion } from "./profiles";

export interface ConnectionFlags {
  profile?: string | undefined;
  region?: string | undefined;
  /** A sandbox (or other CodePipeline-compatible) endpoint URL. */
  sandbox?: string | undefined;
}

/**
 * `--sandbox URL` gives a sandbox connection; otherwise an AWS connection with the profile from
 * `--profile` or AWS_PROFILE (absent: the SDK's default chain) and the region from `--region`,
 * AWS_REGION, AWS_DEFAULT_REGION or the profile's `region`. AWS_ENDPOINT_URL(_CODEPIPELINE) is
 * left to the SDK, which honours it on every AWS connection.
 */
export async function connectionFromFlags(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AwsResult<Connection>> {
  if (flags.sandbox !== undefined && flags.profile !== undefined)
    return fail("validation", `--sandbox and --profile exclude each other: --profile ${flags.profile}`);
  if (flags.sandbox !== undefined) {
    let url: URL;
    try {
      url = new URL(flags.sandbox);
    } catch {
      return fail("validation", `--sandbox needs an http(s) URL: ${flags.sandbox}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return fail("validation", `--sandbox needs an http(s) URL: ${flags.sandbox}`);
    return ok({ kind: "sandbox", endpoint: flags.sandbox.replace(/\/+$/, "") });
  }
  const profile = flags.profile ?? (env.AWS_PROFILE || undefined);
  const region = flags.region ?? (await defaultRegion(profile, env));
  if (!region) {
    return fail(
      "region-missing",
      `No region: pass --region, set AWS_REGION, or give the profile a region: ${profile ?? "default"}`,
    );
  }
  return ok(profile ? { kind: "aws", profile, region } : { kind: "aws", region });
}
