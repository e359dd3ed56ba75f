/**
 * The one mapping from what the SDK throws (service exceptions, credential-provider failures,
 * socket errors) to errors a person can act on. Every AWS call of the gateway goes through it.
 */
import type { AwsErrorCode } from "../../shared/ipc/result";
import type { JsonPath } from "../../shared/pipeline/model";
import type { Diagnostic } from "../../shared/validate";

/**
 * Stable codes of AWS errors, shaped like the app's `AppError` so the IPC layer can pass them on:
 * - `access-denied`: IAM refused; the message names the principal and the missing action.
 * - `invalid-structure`: the service rejected the pipeline's structure or a declaration in it.
 * - `pipeline-name-in-use`, `pipeline-not-found`, `pipeline-version-not-found`.
 * - `limit-exceeded`: an account quota (pipelines, tags…).
 * - `throttled`: still throttled after the SDK's retries with backoff.
 * - `network`: the endpoint could not be reached (offline, DNS, refused, timed out).
 * - `expired-sso-token`: the SSO session of the profile expired; `aws sso login` fixes it.
 * - `credentials-expired`, `credentials-invalid`, `credentials-missing`, `profile-not-found`.
 * - `region-missing`: no region was given and the profile names none.
 * - `sandbox-unavailable`: the sandbox connection has no running endpoint.
 * - `validation`: the service refused a parameter (ValidationException, tags).
 * - `conflict`: the remote pipeline changed since the document's base version.
 * - `validation-failed`: the document has validation errors, so nothing was sent.
 * - `concurrent-modification`: another change to the same resource was in flight.
 * - `wait-timeout`: waiting for runs to finish took longer than allowed; nothing was changed.
 * - `cancelled`: the caller aborted; nothing was changed.
 * - `plan-expired`: a deploy named a preview that expired or was already used; preview again.
 * - `unknown`: anything else; the message carries the service's own name and text.
 */
export type { AwsErrorCode };

/** An error safe to show: no credentials, the specific value after a colon; `details` for logs. */
export interface AwsError {
  code: AwsErrorCode;
  message: string;
  details?: string;
  /** For `access-denied`: what was refused, as parsed from the service's message. */
  denied?: { principal?: string; action?: string; resource?: string };
  /** For `invalid-structure`: the declaration the service named, when it could be found. */
  path?: JsonPath;
  /** For `validation-failed`: the document's diagnostics. */
  diagnostics?: Diagnostic[];
}

/** A gateway outcome: the value, or an {@link AwsError}. Same shape as the IPC `Result`. */
export type AwsResult<T> = { ok: true; value: T } | { ok: false; error: AwsError };

export function ok<T>(value: T): AwsResult<T> {
  return { ok: true, value };
}

export function failWith<T = never>(error: AwsError): AwsResult<T> {
  return { ok: false, error };
}

export function fail<T = never>(code: AwsErrorCode, message: string, details?: string): AwsResult<T> {
  return failWith(details === undefined ? { code, message } : { code, message, details });
}

/** What the mapping needs to know about the call that failed. */
export interface CallContext {
  /** `GetPipeline`, `UpdatePipeline`… */
  operation: string;
  /** The profile in use, for the `aws sso login --profile` hint. */
  profile?: string | undefined;
  /** The pipeline the call was about, for not-found messages. */
  pipelineName?: string | undefined;
  /** The endpoint the call went to (sandbox or override), for network messages. */
  endpoint?: string | undefined;
}

interface ErrorFacts {
  name: string;
  message: string;
  code?: string;
  status?: number;
  attempts?: number;
}

function factsOf(error: unknown): ErrorFacts {
  if (typeof error !== "object" || error === null) return { name: "Error", message: String(error) };
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $metadata?: unknown;
    cause?: unknown;
  };
  const metadata = (e.$metadata ?? {}) as { httpStatusCode?: unknown; attempts?: unknown };
  const facts: ErrorFacts = {
    name: typeof e.name === "string" ? e.name : "Error",
    message: typeof e.message === "string" ? e.message : "",
  };
  if (typeof e.code === "string") facts.code = e.code;
  else if (
    typeof e.cause === "object" &&
    e.cause !== null &&
    typeof (e.cause as { code?: unknown }).code === "string"
  ) {
    facts.code = (e.cause as { code: string }).code;
  }
  if (typeof metadata.httpStatusCode === "number") facts.status = metadata.httpStatusCode;
  if (typeof metadata.attempts === "number") facts.attempts = metadata.attempts;
  return facts;
}

/** Socket and DNS failure codes of Node, and the SDK's own timeout name. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const NETWORK_NAMES = new Set(["TimeoutError", "RequestTimeout", "NetworkingError"]);

const THROTTLING_NAMES = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
]);

const STRUCTURE_NAMES = new Set([
  "InvalidStructureException",
  "InvalidStageDeclarationException",
  "InvalidActionDeclarationException",
  "InvalidBlockerDeclarationException",
]);

/**
 * Parses IAM's refusal text: `User: arn:… is not authorized to perform: codepipeline:X on
 * resource: arn:… because …`. Missing parts stay absent; the text varies between services.
 */
export function parseAccessDenied(message: string): {
  principal?: string;
  action?: string;
  resource?: string;
} {
  const denied: { principal?: string; action?: string; resource?: string } = {};
  const principal = /User:\s*(arn:[^\s]+)/.exec(message)?.[1];
  const action = /perform:\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
  const resource = /on resource:\s*([^\s]+?)(?:\s+because|\s*$|,)/.exec(message)?.[1];
  if (principal) denied.principal = principal;
  if (action) denied.action = action;
  if (resource) denied.resource = resource;
  return denied;
}

/** Strips access key ids and anything shaped like a secret before text reaches a message or log. */
export function redact(text: string): string {
  return text
    .replace(/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, "[access key id]")
    .replace(
      /(aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken)(["'\s:=]+)[^\s"',]+/gi,
      "$1$2[redacted]",
    );
}

function ssoLogin(context: CallContext): string {
  return context.profile ? `aws sso login --profile ${context.profile}` : "aws sso login";
}

function isSsoExpiry(facts: ErrorFacts): boolean {
  const text = `${facts.name} ${facts.message}`;
  return (
    (/\bSSO\b/i.test(text) && /expired|invalid|refresh|login/i.test(text)) ||
    (facts.name === "TokenProviderError" && /expired|not found|sso/i.test(facts.message))
  );
}

/** Turns anything the SDK threw into an {@link AwsError}. Never throws. */
export function mapAwsError(error: unknown, context: CallContext): AwsError {
  const facts = factsOf(error);
  const text = redact(facts.message);
  const details = redact(
    `${context.operation}: ${facts.name}${facts.code ? ` (${facts.code})` : ""}: ${facts.message}`,
  );
  const make = (code: AwsErrorCode, message: string, extra: Partial<AwsError> = {}): AwsError => ({
    code,
    message,
    details,
    ...extra,
  });
  const name = context.pipelineName ?? "";

  if (isSsoExpiry(facts)) {
    return make(
      "expired-sso-token",
      `The SSO session has expired or is not signed in; run \`${ssoLogin(context)}\`: ${context.profile ?? "default"}`,
    );
  }
  if (facts.name === "CredentialsProviderError" || facts.name === "ProviderError") {
    const profile = /profile[:\s]+\[?([\w.@+=,-]+)\]?/i.exec(facts.message)?.[1];
    if (
      /could not be found|not found|could not resolve credentials using profile/i.test(facts.message) &&
      context.profile
    ) {
      return make(
        "profile-not-found",
        `The profile is not in the AWS config or credentials files: ${context.profile}`,
      );
    }
    return make(
      "credentials-missing",
      `No AWS credentials were found; configure a profile or set AWS_ACCESS_KEY_ID, or pick the sandbox: ${context.profile ?? profile ?? "default chain"}`,
    );
  }
  if (
    facts.name === "ExpiredTokenException" ||
    facts.name === "ExpiredToken" ||
    facts.name === "RequestExpired"
  ) {
    return make(
      "credentials-expired",
      `The AWS credentials have expired; refresh them and try again: ${context.profile ?? "default chain"}`,
    );
  }
  if (
    [
      "UnrecognizedClientException",
      "InvalidClientTokenId",
      "InvalidSignatureException",
      "SignatureDoesNotMatch",
      "IncompleteSignatureException",
    ].includes(facts.name)
  ) {
    return make(
      "credentials-invalid",
      `AWS did not accept the credentials (wrong or deleted key): ${context.profile ?? "default chain"}`,
    );
  }
  if (STRUCTURE_NAMES.has(facts.name) && !/already exists/i.test(facts.message)) {
    // "CodePipeline is not authorized to perform AssumeRole on role …" is about the pipeline's
    // roleArn (missing, or not trusting codepipeline.amazonaws.com), not the caller's permissions.
    const path = /\bAssumeRole\b|\brole\b/i.test(facts.message) ? { path: ["roleArn"] } : {};
    return make("invalid-structure", `AWS rejected the pipeline structure: ${text}`, path);
  }
  if (
    facts.name === "AccessDeniedException" ||
    facts.name === "AccessDenied" ||
    /not authorized to perform/i.test(facts.message)
  ) {
    const denied = parseAccessDenied(facts.message);
    const who = denied.principal ?? "the caller";
    const what = denied.action ?? `codepipeline:${context.operation}`;
    return make("access-denied", `Access denied: ${who} lacks the permission ${what}`, { denied });
  }
  if (THROTTLING_NAMES.has(facts.name) || facts.status === 429) {
    const tries = facts.attempts ? ` after ${facts.attempts} attempts` : "";
    return make(
      "throttled",
      `AWS is throttling requests${tries}; try again in a minute: ${context.operation}`,
    );
  }
  if (
    facts.name === "PipelineNameInUseException" ||
    (facts.name === "InvalidStructureException" && /already exists/i.test(facts.message))
  ) {
    // moto reports a taken name as InvalidStructureException "… already exists …".
    return make(
      "pipeline-name-in-use",
      `A pipeline with this name already exists in the account and region: ${name}`,
    );
  }
  if (
    facts.name === "PipelineNotFoundException" ||
    (facts.name === "ResourceNotFoundException" && context.pipelineName)
  ) {
    return make("pipeline-not-found", `The pipeline does not exist (it may have been deleted): ${name}`);
  }
  if (facts.name === "PipelineVersionNotFoundException") {
    return make("pipeline-version-not-found", `That version of the pipeline no longer exists: ${name}`);
  }
  if (
    facts.name === "LimitExceededException" ||
    facts.name === "TooManyTagsException" ||
    facts.name === "ConcurrentPipelineExecutionsLimitExceededException"
  ) {
    return make("limit-exceeded", `An AWS limit was reached: ${text}`);
  }
  if (
    facts.name === "ValidationException" ||
    facts.name === "InvalidTagsException" ||
    facts.name === "InvalidArnException"
  ) {
    return make("validation", `AWS refused a parameter: ${text}`);
  }
  if (facts.name === "ConcurrentModificationException" || facts.name === "ConflictException") {
    return make(
      "concurrent-modification",
      `Another change to the pipeline is in progress; try again: ${name}`,
    );
  }
  if ((facts.code && NETWORK_CODES.has(facts.code)) || NETWORK_NAMES.has(facts.name)) {
    const host = /ENOTFOUND\s+(\S+)/.exec(facts.message)?.[1];
    const where = context.endpoint ?? host ?? "AWS";
    return make(
      "network",
      `Could not reach ${where}; check the network, the region and any endpoint override: ${facts.code ?? facts.name}`,
    );
  }
  if (facts.status !== undefined && facts.status >= 500) {
    // Also what an endpoint that lacks the operation does (moto answers HTML with status 500).
    return make(
      "unknown",
      `The endpoint failed to answer (HTTP ${facts.status}); try again later: ${context.operation}`,
    );
  }
  return make("unknown", `AWS returned an error (${facts.name}): ${text || context.operation}`);
}
