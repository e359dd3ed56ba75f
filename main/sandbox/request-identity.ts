/**
 * Who a request speaks for: the account and region it addresses. The sandbox serves every region
 * at one endpoint, as a regional service endpoint serves its own region, so the region comes from
 * where a signed request says it is signed for: the credential scope of its SigV4 `Authorization`
 * header. An unsigned request gets the sandbox's default region.
 *
 * Accounts: an access key id of exactly 12 digits is that account; any other key is the
 * sandbox's default account. (moto maps keys to the accounts its IAM issued them in; a sandbox
 * has no IAM, so the key names the account itself and a fleet of accounts needs no setup.)
 */
import { fail } from "./protocol";

export interface RequestIdentity {
  accountId: string;
  region: string;
}

export interface IdentityDefaults {
  accountId: string;
  region: string;
}

/**
 * A region name as AWS spells them (`us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`,
 * `us-isob-east-1`); the model's AWSRegionName allows 4–30 characters.
 */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;

/**
 * Parses `AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, …`. A header
 * that is not SigV4, or whose scope is not well formed, is what the API reference's common errors
 * call IncompleteSignature: "The request signature does not conform to AWS standards."
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/CommonErrors.html). The
 * signature itself is never checked: the sandbox is a local test endpoint with dummy keys.
 */
export function identify(authorization: string | undefined, defaults: IdentityDefaults): RequestIdentity {
  if (authorization === undefined || authorization.trim() === "") return { ...defaults };
  const credential = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)/.exec(authorization.trim())?.[1];
  const parts = credential?.split("/");
  if (!parts || parts.length !== 5 || parts[4] !== "aws4_request") {
    fail(
      "IncompleteSignatureException",
      "The request signature does not conform to AWS standards: expected AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/codepipeline/aws4_request",
    );
  }
  const [accessKeyId = "", , region = "", service = ""] = parts;
  if (!REGION.test(region) || region.length > 30) {
    fail(
      "IncompleteSignatureException",
      `The credential scope names no valid region: '${region.slice(0, 40)}'`,
    );
  }
  if (service !== "codepipeline") {
    fail(
      "IncompleteSignatureException",
      `Credential should be scoped to correct service: 'codepipeline', not '${service.slice(0, 40)}'`,
    );
  }
  return { accountId: ACCOUNT.test(accessKeyId) ? accessKeyId : defaults.accountId, region };
}

/** True for a region name the sandbox would accept in a credential scope or `--region`. */
export function isRegionName(region: string): boolean {
  return REGION.test(region) && region.length <= 30;
}

/**
 * The ARN partition a region belongs to, as ARNs spell it (`arn:aws-cn:…` in the China regions),
 * so ARNs the sandbox hands out match the pattern the service model gives them.
 */
export function arnPartition(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eu-isoe-")) return "aws-iso-e";
  if (region.startsWith("us-isof-")) return "aws-iso-f";
  if (region.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}
