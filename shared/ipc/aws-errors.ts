/**
 * The one catalogue of AWS error codes (in the manner of xyflow's `errorMessages`): for each code,
 * the words a person reads, whether trying again can help, and what they can do about it. The
 * gateway (main/aws/errors.ts) decides the code from what the SDK threw and writes the message from
 * here; the renderer and the CLI read `retryable` and `remedy` from here too, so the three never
 * describe one failure in different words.
 */
import type { AwsErrorCode } from "./result";

/** What a message may name: the call, the profile, the pipeline, and facts of the failure. */
export interface AwsErrorContext {
  /** `GetPipeline`, `UpdatePipeline`… */
  operation: string;
  /** The profile in use; absent for the default chain. */
  profile?: string | undefined;
  /** The pipeline the call was about. */
  pipelineName?: string | undefined;
  /** The service's own text, already redacted. */
  text: string;
  /** The SDK's exception name (`ThrottlingException`), or the socket code for network errors. */
  name: string;
  /** For `access-denied`: who was refused and what. */
  principal?: string | undefined;
  action?: string | undefined;
  /** For `throttled`: how many attempts the SDK made. */
  attempts?: number | undefined;
  /** For `network`: the endpoint or host that could not be reached. */
  where?: string | undefined;
  /** For an HTTP 5xx answer that is not an AWS error. */
  status?: number | undefined;
  /** For `credentials-missing`: the profile the provider's own message named. */
  namedProfile?: string | undefined;
}

/** One entry of the catalogue. */
export interface AwsErrorEntry {
  /** Whether the same call may succeed later without the user changing anything. */
  retryable: boolean;
  /** What the user can do, in a sentence; empty where nothing helps but reading the message. */
  remedy: string;
  /** The message the gateway writes for a failure it maps to this code. */
  message?: (c: AwsErrorContext) => string;
}

const chain = (c: AwsErrorContext): string => c.profile ?? "default chain";
const ssoLogin = (c: AwsErrorContext): string =>
  c.profile ? `aws sso login --profile ${c.profile}` : "aws sso login";

/** Every AWS error code, what it says and what can be done about it. */
export const AWS_ERRORS: Readonly<Record<AwsErrorCode, AwsErrorEntry>> = {
  "expired-sso-token": {
    retryable: false,
    remedy: "Sign in again with `aws sso login`, then retry.",
    message: (c) =>
      `The SSO session has expired or is not signed in; run \`${ssoLogin(c)}\`: ${c.profile ?? "default"}`,
  },
  "profile-not-found": {
    retryable: false,
    remedy: "Pick a profile that is in ~/.aws/config or ~/.aws/credentials.",
    message: (c) => `The profile is not in the AWS config or credentials files: ${c.profile ?? ""}`,
  },
  "credentials-missing": {
    retryable: false,
    remedy: "Configure a profile, set AWS_ACCESS_KEY_ID, or use the sandbox.",
    message: (c) =>
      `No AWS credentials were found; configure a profile or set AWS_ACCESS_KEY_ID, or pick the sandbox: ${c.profile ?? c.namedProfile ?? "default chain"}`,
  },
  "credentials-expired": {
    retryable: false,
    remedy: "Refresh the credentials of the profile, then retry.",
    message: (c) => `The AWS credentials have expired; refresh them and try again: ${chain(c)}`,
  },
  "credentials-invalid": {
    retryable: false,
    remedy: "Check the access key of the profile; it may be wrong or deleted.",
    message: (c) => `AWS did not accept the credentials (wrong or deleted key): ${chain(c)}`,
  },
  "invalid-structure": {
    retryable: false,
    remedy: "Fix the declaration AWS named, then deploy again.",
    message: (c) => `AWS rejected the pipeline structure: ${c.text}`,
  },
  "access-denied": {
    retryable: false,
    remedy: "Ask for the missing IAM permission, or use a profile that has it.",
    message: (c) =>
      `Access denied: ${c.principal ?? "the caller"} lacks the permission ${c.action ?? `codepipeline:${c.operation}`}`,
  },
  throttled: {
    retryable: true,
    remedy: "Wait a minute and try again.",
    message: (c) =>
      `AWS is throttling requests${c.attempts ? ` after ${c.attempts} attempts` : ""}; try again in a minute: ${c.operation}`,
  },
  "pipeline-name-in-use": {
    retryable: false,
    remedy: "Rename the pipeline, or pull the existing one to edit it.",
    message: (c) =>
      `A pipeline with this name already exists in the account and region: ${c.pipelineName ?? ""}`,
  },
  "pipeline-not-found": {
    retryable: false,
    remedy: "Check the name, account and region; deploy creates it if it should exist.",
    message: (c) => `The pipeline does not exist (it may have been deleted): ${c.pipelineName ?? ""}`,
  },
  "pipeline-version-not-found": {
    retryable: false,
    remedy: "Pull the pipeline again to get its current version.",
    message: (c) => `That version of the pipeline no longer exists: ${c.pipelineName ?? ""}`,
  },
  "limit-exceeded": {
    retryable: false,
    remedy: "Remove what is no longer used, or ask AWS for a higher quota.",
    message: (c) => `An AWS limit was reached: ${c.text}`,
  },
  validation: {
    retryable: false,
    remedy: "Correct the value AWS named.",
    message: (c) => `AWS refused a parameter: ${c.text}`,
  },
  "concurrent-modification": {
    retryable: true,
    remedy: "Wait for the other change to finish, then try again.",
    message: (c) => `Another change to the pipeline is in progress; try again: ${c.pipelineName ?? ""}`,
  },
  network: {
    retryable: true,
    remedy: "Check the network connection, the region and any endpoint override.",
    message: (c) =>
      `Could not reach ${c.where ?? "AWS"}; check the network, the region and any endpoint override: ${c.name}`,
  },
  unknown: {
    retryable: false,
    remedy: "",
    message: (c) =>
      c.status !== undefined
        ? `The endpoint failed to answer (HTTP ${c.status}); try again later: ${c.operation}`
        : `AWS returned an error (${c.name}): ${c.text || c.operation}`,
  },
  "region-missing": {
    retryable: false,
    remedy: "Choose a region, or set one in the profile.",
  },
  "sandbox-unavailable": {
    retryable: false,
    remedy: "Start the sandbox, or pick an AWS profile.",
  },
  conflict: {
    retryable: false,
    remedy: "Preview again to see what changed remotely.",
  },
  "validation-failed": {
    retryable: false,
    remedy: "Fix the problems listed, then deploy again.",
  },
  "wait-timeout": {
    retryable: true,
    remedy: "Try again when the runs in progress have finished.",
  },
  cancelled: { retryable: false, remedy: "" },
  "plan-expired": {
    retryable: false,
    remedy: "Preview again, then deploy that preview.",
  },
  "owned-pipeline": {
    retryable: false,
    remedy: "Export the change as a template for the tool that owns the pipeline, or deploy anyway as an explicit choice.",
  },
};

/** What the user can do about an error of this code; empty for codes that are not AWS's. */
export function awsRemedy(code: string): string {
  return (AWS_ERRORS as Readonly<Record<string, AwsErrorEntry | undefined>>)[code]?.remedy ?? "";
}
