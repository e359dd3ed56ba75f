/**
 * What one account in one region holds besides its pipelines: custom action types, action types
 * of the integration model, and webhooks. Plain JSON-able data like records.ts, persisted as is.
 */
import type { SandboxState, TagRecord } from "./records";

/** An action type id as the model spells it (ActionTypeId). */
export interface ActionTypeIdRecord {
  category: string;
  owner: string;
  provider: string;
  version: string;
}

export interface ArtifactCountRecord {
  minimumCount: number;
  maximumCount: number;
}

/** ActionConfigurationProperty, as CreateCustomActionType takes it. */
export interface ConfigurationPropertyRecord {
  name: string;
  required: boolean;
  key: boolean;
  secret: boolean;
  queryable?: boolean;
  description?: string;
  type?: "String" | "Number" | "Boolean";
}

/** A custom action type (owner `Custom`), made by CreateCustomActionType. */
export interface CustomActionTypeRecord {
  id: ActionTypeIdRecord;
  settings?: {
    thirdPartyConfigurationUrl?: string;
    entityUrlTemplate?: string;
    executionUrlTemplate?: string;
    revisionUrlTemplate?: string;
  };
  configurationProperties: ConfigurationPropertyRecord[];
  inputArtifactDetails: ArtifactCountRecord;
  outputArtifactDetails: ArtifactCountRecord;
  tags: TagRecord[];
  created: number;
  /**
   * DeleteCustomActionType only marks a type deleted: "To re-create a custom action after it has
   * been deleted you must use a string in the version field that has never been used before."
   */
  deleted: boolean;
}

/**
 * An action type of the integration model (ActionTypeDeclaration, owner `AWS` or `ThirdParty`).
 * AWS creates these when a provider requests one ("contact the CodePipeline service team"); the
 * sandbox takes them from its `actionTypes` option, and UpdateActionType changes them.
 */
export interface IntegrationActionTypeRecord {
  declaration: Record<string, unknown> & { id: ActionTypeIdRecord };
  updated: number;
}

export interface WebhookRecord {
  definition: {
    name: string;
    targetPipeline: string;
    targetAction: string;
    filters: { jsonPath: string; matchEquals?: string }[];
    authentication: "GITHUB_HMAC" | "IP" | "UNAUTHENTICATED";
    authenticationConfiguration: { AllowedIPRange?: string; SecretToken?: string };
  };
  /**
   * The secret part of the webhook's URL (`<endpoint>/trigger?t=<token>&v=1`, shaped like AWS's
   * `https://<region>.webhooks.aws/trigger?t=…&v=1`); the URL follows the sandbox's port.
   * A deleted webhook put again gets a new one: "it will have a different URL".
   */
  token: string;
  arn: string;
  tags: TagRecord[];
  /** Set by RegisterWebhookWithThirdParty, cleared by DeregisterWebhookWithThirdParty. */
  registered: boolean;
  lastTriggered?: number;
}

/** Everything one account × region holds: the persisted form of a partition. */
export interface PartitionData {
  accountId: string;
  region: string;
  state: SandboxState;
  customActionTypes: CustomActionTypeRecord[];
  integrationActionTypes: IntegrationActionTypeRecord[];
  webhooks: WebhookRecord[];
}

export function emptyPartitionData(accountId: string, region: string): PartitionData {
  return {
    accountId,
    region,
    state: { pipelines: [], seq: 0, clockMs: 0 },
    customActionTypes: [],
    integrationActionTypes: [],
    webhooks: [],
  };
}

export function actionTypeKey(id: ActionTypeIdRecord): string {
  return `${id.category}/${id.owner}/${id.provider}/${id.version}`;
}
