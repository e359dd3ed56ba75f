/**
 * AWS JSON 1.1 wire details: error bodies, status codes and timestamp encoding. Kept apart from
 * the HTTP server so operations can throw ServiceError without knowing about sockets.
 */
import { ERROR_STATUS } from "../../shared/service-model";

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** Errors that exist in the protocol rather than in the service model, with their statuses. */
const PROTOCOL_ERROR_STATUS: Readonly<Record<string, number>> = {
  SerializationException: 400,
  UnknownOperationException: 400,
  // "IncompleteSignature: The request signature does not conform to AWS standards. HTTP Status
  // Code: 400" (https://docs.aws.amazon.com/codepipeline/latest/APIReference/CommonErrors.html).
  IncompleteSignatureException: 400,
  AccessDeniedException: 403,
  RequestEntityTooLargeException: 413,
  InternalFailure: 500,
};

/** A modelled (or protocol) error; the server turns it into `{"__type", "message"}`. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }

  get status(): number {
    return ERROR_STATUS[this.type] ?? PROTOCOL_ERROR_STATUS[this.type] ?? 400;
  }
}

/** Shorthand used by the operations, so each throw site reads like the service's error list. */
export function fail(type: string, message: string): never {
  throw new ServiceError(type, message);
}

/** Epoch milliseconds -> epoch seconds (fractional), the wire form of a timestamp. */
export const epochSeconds = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : ms / 1000;

export function errorBody(type: string, message: string): string {
  return JSON.stringify({ __type: type, message });
}

/**
 * Serialises a response. Views already give timestamps as epoch seconds with millisecond
 * fractions (how AWS JSON 1.1 sends them, and what both the JS SDK and botocore parse), so this
 * is plain JSON; a Date that slipped through would fail the output-shape test, not the client.
 */
export function serializeResponse(value: unknown): string {
  return JSON.stringify(value);
}
