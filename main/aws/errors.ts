/**
 * The one mapping from what the SDK throws (service exceptions, credential-provider failures,
 * socket errors) to errors a person can act on. Every AWS call of the gateway goes through it.
 */
import { AWS_ERRORS, type AwsErrorContext } from "../../shared/ipc/aws-errors";
import { ok, type AppError, type AwsErrorCode, type Result } from "../../shared/ipc/result";

/**
 * Stable codes of AWS errors, shaped like the app's `AppError` so the IPC layer can pass them on.
 * What each code means, says, and what the user can do about it: the catalogue in
 * shared/ipc/aws-errors.ts.
 */
export type { AwsErrorCode };

/**
 * An error safe to show: no credentials, the specific value after a colon; `details` for logs. An
 * {@link AppError} of an AWS code, so it crosses IPC as it is (`path` from the pipeline declaration).
 */
export interface AwsError extends Omit<AppError, "code"> {
  code: AwsErrorCode;
  /** For `access-denied`: what was refused, as parsed from the service's message. */
  denied?: { principal?: string; action?: string; resource?: string };
}

/** A gateway outcome: the value, or an {@link AwsError}. */
export type AwsResult<T> = Result<T, AwsError>;

export { ok };

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

function isSsoExpiry(facts: ErrorFacts): boolean {
  const text = `${facts.name} ${facts.message}`;
  return (
    (/\bSSO\b/i.test(text) && /expired|invalid|refresh|login/i.test(text)) ||
    (facts.name === "TokenProviderError" && /expired|not found|sso/i.test(facts.message))
  );
}

/**
 * The SDK exception names each code stands for. A name absent here maps by the rules of
 * {@link codeOf} (credential providers, socket codes, HTTP status) or to `unknown`.
 */
const EXCEPTION_CODES: Readonly<Record<string, AwsErrorCode>> = {
  ExpiredTokenException: "credentials-expired",
  ExpiredToken: "credentials-expired",
  RequestExpired: "credentials-expired",
  UnrecognizedClientException: "credentials-invalid",
  InvalidClientTokenId: "credentials-invalid",
  InvalidSignatureException: "credentials-invalid",
  SignatureDoesNotMatch: "credentials-invalid",
  IncompleteSignatureException: "credentials-invalid",
  InvalidStructureException: "invalid-structure",
  InvalidStageDeclarationException: "invalid-structure",
  InvalidActionDeclarationException: "invalid-structure",
  InvalidBlockerDeclarationException: "invalid-structure",
  AccessDeniedException: "access-denied",
  AccessDenied: "access-denied",
  ThrottlingException: "throttled",
  Throttling: "throttled",
  TooManyRequestsException: "throttled",
  RequestLimitExceeded: "throttled",
  RequestThrottled: "throttled",
  RequestThrottledException: "throttled",
  SlowDown: "throttled",
  PipelineNameInUseException: "pipeline-name-in-use",
  PipelineNotFoundException: "pipeline-not-found",
  PipelineVersionNotFoundException: "pipeline-version-not-found",
  LimitExceededException: "limit-exceeded",
  TooManyTagsException: "limit-exceeded",
  ConcurrentPipelineExecutionsLimitExceededException: "limit-exceeded",
  ValidationException: "validation",
  InvalidTagsException: "validation",
  InvalidArnException: "validation",
  ConcurrentModificationException: "concurrent-modification",
  ConflictException: "concurrent-modification",
  // The SDK's own timeout names.
  TimeoutError: "network",
  RequestTimeout: "network",
  NetworkingError: "network",
};

/** Socket and DNS failure codes of Node: the endpoint could not be reached. */
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

/** The code of a failure: the few rules that look past the exception name, then the table. */
function codeOf(facts: ErrorFacts, context: CallContext): AwsErrorCode {
  if (isSsoExpiry(facts)) return "expired-sso-token";
  if (facts.name === "CredentialsProviderError" || facts.name === "ProviderError") {
    const notFound = /could not be found|not found|could not resolve credentials using profile/i;
    return notFound.test(facts.message) && context.profile ? "profile-not-found" : "credentials-missing";
  }
  let code: AwsErrorCode | undefined = EXCEPTION_CODES[facts.name];
  if (code === "credentials-expired" || code === "credentials-invalid") return code;
  if (code === "invalid-structure") {
    if (!/already exists/i.test(facts.message)) return code;
    // moto reports a taken name as InvalidStructureException "… already exists …".
    code = facts.name === "InvalidStructureException" ? "pipeline-name-in-use" : undefined;
  }
  if (code === "access-denied" || /not authorized to perform/i.test(facts.message)) return "access-denied";
  if (code === "throttled" || facts.status === 429) return "throttled";
  if (code === undefined && facts.name === "ResourceNotFoundException" && context.pipelineName) {
    return "pipeline-not-found";
  }
  if (code === undefined && facts.code && NETWORK_CODES.has(facts.code)) return "network";
  return code ?? "unknown";
}

/** Turns anything the SDK threw into an {@link AwsError}, worded by the catalogue. Never throws. */
export function mapAwsError(error: unknown, context: CallContext): AwsError {
  const facts = factsOf(error);
  const code = codeOf(facts, context);
  const denied = code === "access-denied" ? parseAccessDenied(facts.message) : undefined;
  const words: AwsErrorContext = {
    ...context,
    text: redact(facts.message),
    name: code === "network" ? (facts.code ?? facts.name) : facts.name,
    principal: denied?.principal,
    action: denied?.action,
    attempts: facts.attempts,
    where: context.endpoint ?? /ENOTFOUND\s+(\S+)/.exec(facts.message)?.[1],
    // Also what an endpoint that lacks the operation does (moto answers HTML with status 500).
    status:
      code === "unknown" && facts.status !== undefined && facts.status >= 500 ? facts.status : undefined,
    namedProfile: /profile[:\s]+\[?([\w.@+=,-]+)\]?/i.exec(facts.message)?.[1],
  };
  const mapped: AwsError = {
    code,
    message: AWS_ERRORS[code].message?.(words) ?? words.text,
    details: redact(
      `${context.operation}: ${facts.name}${facts.code ? ` (${facts.code})` : ""}: ${facts.message}`,
    ),
  };
  if (denied) mapped.denied = denied;
  // "CodePipeline is not authorized to perform AssumeRole on role …" is about the pipeline's
  // roleArn (missing, or not trusting codepipeline.amazonaws.com), not the caller's permissions.
  if (code === "invalid-structure" && /\bAssumeRole\b|\brole\b/i.test(facts.message)) {
    mapped.path = ["roleArn"];
  }
  return mapped;
}
