/**
 * Where Pipewright sends CodePipeline calls: an AWS account (a profile and a region) or a
 * sandbox endpoint that speaks the same protocol.
 */

import type { ConnectionChoice } from "../../shared/ipc/aws-channels";

/**
 * An AWS account reached with a profile (a profile of the shared config/credentials files; absent:
 * the SDK's default chain, env first) in one region. The same type the renderer names over IPC.
 */
export type AwsConnection = Extract<ConnectionChoice, { kind: "aws" }>;

/**
 * The local sandbox; without `endpoint`, the app's embedded one. The renderer can only name the
 * embedded one (its {@link ConnectionChoice} has no endpoint); the CLI names any.
 */
export interface SandboxConnection {
  kind: "sandbox";
  endpoint?: string;
}

export type Connection = AwsConnection | SandboxConnection;

/** The connection as the renderer names it: the sandbox's endpoint is main's own business. */
export function choiceOf(connection: Connection): ConnectionChoice {
  return connection.kind === "sandbox" ? { kind: "sandbox" } : connection;
}

/** The region the sandbox reports; any works, since it answers for every region. */
export const SANDBOX_REGION = "us-east-1";

/** A stable key per connection, for caching one client each. */
export function connectionKey(connection: Connection): string {
  return connection.kind === "aws"
    ? JSON.stringify(["aws", connection.profile ?? null, connection.region])
    : JSON.stringify(["sandbox", connection.endpoint ?? null]);
}

/** How a person names a connection in messages: `profile dev in eu-west-1`, `the sandbox at …`. */
export function describeConnection(connection: Connection): string {
  if (connection.kind === "sandbox") {
    return connection.endpoint ? `the sandbox at ${connection.endpoint}` : "the embedded sandbox";
  }
  const who = connection.profile ? `profile ${connection.profile}` : "the default credentials";
  return `${who} in ${connection.region}`;
}
