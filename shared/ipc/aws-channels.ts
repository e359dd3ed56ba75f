import { z } from "zod";
import type { ActionTypeSpec } from "../catalog";
import type { PipelineDiff } from "../diff";
import type { PipelineDeclaration } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import type { ChannelDefinition } from "./contract";
import { documentSchema } from "./schemas";
import type { OpenedDocument } from "./types";

/**
 * The AWS channels: connections, browsing, deploy. Credentials never cross this boundary: the
 * renderer names a profile and a region, main resolves the credentials. A sandbox connection names
 * no endpoint, so the renderer can only reach the app's own embedded sandbox.
 */

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDefinition<Req, Res> => ({ request });
}

/** A connection as the renderer names it: an AWS profile (or the default chain) and a region, or the sandbox. */
export const connectionSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("aws"),
    profile: z.string().min(1).max(128).optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "Not an AWS region name"),
  }),
  z.strictObject({ kind: z.literal("sandbox") }),
]);

/** The connection a document is deployed to or opened from. */
export type ConnectionChoice = z.output<typeof connectionSchema>;

const pipelineNameSchema = z.string().regex(/^[A-Za-z0-9.@\-_]{1,100}$/, "Not a pipeline name");
const planIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, "Not a deploy preview id");

/** A profile a user can pick; names and non-secret settings only. */
export interface ProfileSummary {
  name: string;
  kind: "static" | "sso" | "assume-role" | "web-identity" | "process" | "env" | "config-only";
  region?: string;
  roleArn?: string;
  ssoSession?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
}

/** What "aws.profiles" returns: the profiles, which one to preselect, and problems reading the files. */
export interface ProfilesView {
  profiles: ProfileSummary[];
  defaultProfile?: string;
  environmentRegion?: string;
  notes: string[];
}

/** "Test connection": who the credentials are. For the sandbox, its simulated account. */
export interface ConnectionIdentity {
  /** The account of the credentials; empty when only CodePipeline answered (see below). */
  account: string;
  arn: string;
  /**
   * Set when AWS STS could not say who the credentials are (a CodePipeline-only endpoint, a policy
   * without sts:GetCallerIdentity, no route to STS) but CodePipeline itself answered, so deploying
   * and watching work: why STS failed, and how many pipelines CodePipeline listed.
   */
  identityUnavailable?: { reason: string; pipelineCount: number };
}

/** One pipeline of the connection's account and region. */
export interface PipelineSummary {
  name: string;
  version?: number;
  pipelineType?: string;
  executionMode?: string;
  updated?: string;
}

/**
 * - `executions-in-progress`: an update cancels these runs; the caller may wait until idle.
 * - `managed-by-cloudformation` / `managed-by-cdk`: the pipeline belongs to a stack; a deploy here drifts it.
 * - `managed-by-tag`: a configured owner tag names another tool (Terraform, ...) as the owner.
 * - `impact-unknown`: the runs or tags could not be read (permissions, an endpoint without the API).
 */
export type DeployWarningCode =
  | "executions-in-progress"
  | "managed-by-cloudformation"
  | "managed-by-cdk"
  | "managed-by-tag"
  | "impact-unknown";

/**
 * A warning about what an update would disturb (runs in progress, a stack owning the pipeline), as
 * the renderer shows it: main's `DeployWarning` with the runs named by id.
 */
export interface DeployWarningView {
  code: DeployWarningCode;
  message: string;
  owner?: string;
  executionIds?: string[];
}

/** The remote pipeline moved away from the document's base version. */
export interface DeployConflict {
  /**
   * The version the document is based on at this target: the one last deployed there from this
   * machine, else the file's own `pipeline.version`; absent when there is neither.
   */
  documentVersion?: number;
  remoteVersion: number;
  remoteUpdated?: string;
  /** Base version -> current remote: what changed remotely. Absent when the base is unavailable. */
  remoteChanges?: PipelineDiff;
  /**
   * The pipeline at the document's base version, when the service still has it: with the remote
   * pipeline and the document, what a three-way merge needs.
   */
  basePipeline?: PipelineDeclaration;
  /** The remote pipeline now, as GetPipeline reports it (secrets masked as GetPipeline masks them). */
  remotePipeline: PipelineDeclaration;
  message: string;
}

/** A deploy preview: what would happen, for the user to confirm by `planId`. */
export interface DeployPreviewView {
  planId: string;
  name: string;
  action: "create" | "update";
  /** Validation warnings and info; errors stop the preview with `validation-failed`. */
  diagnostics: Diagnostic[];
  /** Remote -> document, for an update. */
  diff?: PipelineDiff;
  remoteVersion?: number;
  conflict?: DeployConflict;
  warnings: DeployWarningView[];
  /** An update with nothing to change. */
  upToDate: boolean;
}

/** A finished deploy: the document's `pipeline.version` becomes `version`. */
export interface DeployOutcome {
  action: "create" | "update" | "none";
  name: string;
  version: number;
}

/** The embedded sandbox, started on demand: its loopback endpoint (tests drive it directly). */
export interface SandboxView {
  endpoint: string;
}

/** The AWS channels, spread into the contract's CHANNELS. */
export const AWS_CHANNELS = {
  /** Profiles of the shared config and credentials files and the environment; no AWS call. */
  "aws.profiles": channel<ProfilesView>()(z.strictObject({})),
  /** STS GetCallerIdentity for an AWS connection; for the sandbox, that it answers. */
  "aws.testConnection": channel<ConnectionIdentity>()(z.strictObject({ connection: connectionSchema })),
  /** Every pipeline of the connection (all pages). */
  "aws.listPipelines": channel<PipelineSummary[]>()(z.strictObject({ connection: connectionSchema })),
  /**
   * The connection's action types that Pipewright's catalog lacks (ListActionTypes: custom and
   * partner types), as catalog entries for the palette, the inspector and validation.
   */
  "aws.listActionTypes": channel<ActionTypeSpec[]>()(z.strictObject({ connection: connectionSchema })),
  /** A remote pipeline as a new unsaved document, its `version` the base version. */
  "aws.openPipeline": channel<OpenedDocument>()(
    z.strictObject({ connection: connectionSchema, name: pipelineNameSchema }),
  ),
  /** Validates and previews a deploy; main keeps the plan, the renderer confirms it by id. */
  "aws.previewDeploy": channel<DeployPreviewView>()(
    z.strictObject({ connection: connectionSchema, document: documentSchema }),
  ),
  /**
   * Deploys a previewed plan once. A conflict needs `overwrite`; `waitUntilIdle` waits for runs in
   * progress to finish first. Progress comes as `aws.deployProgress` events.
   */
  "aws.deploy": channel<DeployOutcome>()(
    z.strictObject({
      planId: planIdSchema,
      overwrite: z.boolean().optional(),
      waitUntilIdle: z.boolean().optional(),
      /** Deploy to a pipeline a stack or another tool owns, knowing the change drifts from it. */
      allowDrift: z.boolean().optional(),
    }),
  ),
  /** Stops a deploy that waits for runs to finish; nothing is changed. */
  "aws.cancelDeploy": channel<null>()(z.strictObject({ planId: planIdSchema })),
  /** "Release change": starts a run. */
  "aws.startRun": channel<{ pipelineExecutionId: string }>()(
    z.strictObject({ connection: connectionSchema, name: pipelineNameSchema }),
  ),
  /** Starts the embedded sandbox if needed and reports its endpoint. */
  "aws.sandbox": channel<SandboxView>()(z.strictObject({})),
} as const;
