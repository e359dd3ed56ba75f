/**
 * The pipeline document model. Member names mirror the CodePipeline API (service model
 * 2015-07-09) exactly, so a document is what `create-pipeline --cli-input-json` takes.
 *
 * Every object type carries an index signature: members AWS adds later (or a user's own) are kept
 * and written back, which is what makes open + save lossless. Enum-typed members hold the API's
 * values in a valid document, but a parsed file may carry any string there at runtime; validation
 * (not the type system) is the gate that reports it.
 */

/** Members this version of Pipewright does not know; preserved verbatim. */
export interface Extensible {
  [member: string]: unknown;
}

/** `ActionCategory` in the service model. */
export type ActionCategory = "Source" | "Build" | "Deploy" | "Test" | "Invoke" | "Approval" | "Compute";
/** `ActionOwner` in the service model. */
export type ActionOwner = "AWS" | "ThirdParty" | "Custom";
/** `ExecutionMode`; SUPERSEDED is the service default and the only one V1 accepts. */
export type ExecutionMode = "QUEUED" | "SUPERSEDED" | "PARALLEL";
/** `PipelineType`. */
export type PipelineType = "V1" | "V2";
/** `Result` of a stage condition or failure handling. */
export type ConditionResult = "ROLLBACK" | "FAIL" | "RETRY" | "SKIP";
/** `StageRetryMode`. */
export type StageRetryMode = "FAILED_ACTIONS" | "ALL_ACTIONS";
/** `GitPullRequestEventType`. */
export type GitPullRequestEventType = "OPEN" | "UPDATED" | "CLOSED";
/** `EnvironmentVariableType`. */
export type EnvironmentVariableType = "PLAINTEXT" | "SECRETS_MANAGER";

/** `ActionTypeId`: which integration an action runs. */
export interface ActionTypeId extends Extensible {
  category: ActionCategory;
  owner: ActionOwner;
  provider: string;
  version: string;
}

/** `InputArtifact`: names an output artifact of an earlier action. */
export interface InputArtifact extends Extensible {
  name: string;
}

/** `OutputArtifact`; `files` only for the Commands action. */
export interface OutputArtifact extends Extensible {
  name: string;
  files?: string[];
}

/** `EnvironmentVariable` of a Commands action. */
export interface EnvironmentVariable extends Extensible {
  name: string;
  value: string;
  type?: EnvironmentVariableType;
}

/** `ActionDeclaration`. */
export interface ActionDeclaration extends Extensible {
  name: string;
  actionTypeId: ActionTypeId;
  runOrder?: number;
  configuration?: Record<string, string>;
  commands?: string[];
  outputArtifacts?: OutputArtifact[];
  inputArtifacts?: InputArtifact[];
  outputVariables?: string[];
  roleArn?: string;
  region?: string;
  namespace?: string;
  timeoutInMinutes?: number;
  environmentVariables?: EnvironmentVariable[];
}

/** `BlockerDeclaration` ("reserved for future use" by the service). */
export interface BlockerDeclaration extends Extensible {
  name: string;
  type: "Schedule";
}

/** `RuleTypeId` of a stage-condition rule. */
export interface RuleTypeId extends Extensible {
  category: "Rule";
  owner?: "AWS";
  provider: string;
  version?: string;
}

/** `RuleDeclaration` inside a stage condition. */
export interface RuleDeclaration extends Extensible {
  name: string;
  ruleTypeId: RuleTypeId;
  configuration?: Record<string, string>;
  commands?: string[];
  inputArtifacts?: InputArtifact[];
  roleArn?: string;
  region?: string;
  timeoutInMinutes?: number;
}

/** `Condition`: a result and the rules that decide it. */
export interface Condition extends Extensible {
  result?: ConditionResult;
  rules?: RuleDeclaration[];
}

/** `FailureConditions` (`onFailure`). */
export interface FailureConditions extends Extensible {
  result?: ConditionResult;
  retryConfiguration?: { retryMode?: StageRetryMode } & Extensible;
  conditions?: Condition[];
}

/** `SuccessConditions` (`onSuccess`). */
export interface SuccessConditions extends Extensible {
  conditions: Condition[];
}

/** `BeforeEntryConditions` (`beforeEntry`). */
export interface BeforeEntryConditions extends Extensible {
  conditions: Condition[];
}

/** `StageDeclaration`. */
export interface StageDeclaration extends Extensible {
  name: string;
  blockers?: BlockerDeclaration[];
  actions: ActionDeclaration[];
  onFailure?: FailureConditions;
  onSuccess?: SuccessConditions;
  beforeEntry?: BeforeEntryConditions;
}

/** `EncryptionKey` of an artifact store. */
export interface EncryptionKey extends Extensible {
  id: string;
  type: "KMS";
}

/** `ArtifactStore`: the S3 bucket a pipeline (or one region of it) keeps artifacts in. */
export interface ArtifactStore extends Extensible {
  type: "S3";
  location: string;
  encryptionKey?: EncryptionKey;
}

/** `PipelineVariableDeclaration` (V2). */
export interface PipelineVariableDeclaration extends Extensible {
  name: string;
  defaultValue?: string;
  description?: string;
}

/** Include/exclude glob lists of a trigger filter. */
export interface GitFilterCriteria extends Extensible {
  includes?: string[];
  excludes?: string[];
}

/** `GitPushFilter`. */
export interface GitPushFilter extends Extensible {
  tags?: GitFilterCriteria;
  branches?: GitFilterCriteria;
  filePaths?: GitFilterCriteria;
}

/** `GitPullRequestFilter`. */
export interface GitPullRequestFilter extends Extensible {
  events?: GitPullRequestEventType[];
  branches?: GitFilterCriteria;
  filePaths?: GitFilterCriteria;
}

/** `GitConfiguration` of a trigger. */
export interface GitConfiguration extends Extensible {
  sourceActionName: string;
  push?: GitPushFilter[];
  pullRequest?: GitPullRequestFilter[];
}

/** `PipelineTriggerDeclaration` (V2). */
export interface PipelineTriggerDeclaration extends Extensible {
  providerType: "CodeStarSourceConnection";
  gitConfiguration: GitConfiguration;
}

/** `PipelineDeclaration`: the pipeline itself. */
export interface PipelineDeclaration extends Extensible {
  name: string;
  roleArn: string;
  artifactStore?: ArtifactStore;
  artifactStores?: Record<string, ArtifactStore>;
  stages: StageDeclaration[];
  version?: number;
  executionMode?: ExecutionMode;
  pipelineType?: PipelineType;
  variables?: PipelineVariableDeclaration[];
  triggers?: PipelineTriggerDeclaration[];
}

/** `Tag` on create. */
export interface Tag extends Extensible {
  key: string;
  value: string;
}

/**
 * A pipeline file as the user has it on disk. One of three shapes, remembered in `shape` so a save
 * writes back what was read:
 * - `create-input`: `{ "pipeline": …, "tags": […] }` (create-pipeline --cli-input-json),
 * - `get-output`: `{ "pipeline": …, "metadata": {…} }` (get-pipeline output),
 * - `bare`: the pipeline object alone.
 */
export type FileShape = "create-input" | "get-output" | "bare";

/**
 * The document: one pipeline file, held once. `pipeline` is the pipeline itself, the one copy every
 * edit, check and save works on; `envelope` is the rest of the file's top-level object (tags,
 * metadata, members unknown to Pipewright) in file order, with a `pipeline` member whose value is
 * `null` marking where the pipeline goes. A bare file has an empty envelope.
 *
 * It is plain JSON data, so it crosses IPC (structured clone or JSON) as it is. Member names keep
 * the file's order, integer-like ones included, through the marking described in member-keys.ts;
 * shared/formats reads files into this form and writes it back.
 */
export interface PipelineDocument {
  shape: FileShape;
  pipeline: PipelineDeclaration;
  envelope: Extensible;
  /**
   * Containers the file had with the wrong kind (`"stages": {}`, `"actions": "x"`) or not at all,
   * paths from the file's top level. The pipeline holds an empty container of the right kind in
   * their place, so the app can show and check the rest; saving writes back what the file had, and
   * designer edits wait until the JSON view has fixed them. Absent when there are none.
   */
  damaged?: DamagedMember[];
}

/** A member whose container had the wrong kind in the file (its value there), or was missing. */
export type DamagedMember = { path: JsonPath; value: unknown } | { path: JsonPath; missing: true };

/** A JSON path into the file's root object: member names and array indexes. */
export type JsonPath = ReadonlyArray<string | number>;
