/**
 * Accounts × regions. Each partition is one account in one region with its own pipelines, custom
 * action types, webhooks and engine, as in AWS, where "CodePipeline has quotas for the number of
 * pipelines, stages, actions, and webhooks that an AWS account can have in each AWS Region"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html): nothing is shared
 * between two regions or two accounts. Requests reach their partition through the context, so
 * operations and the engine keep working on one SandboxState as before.
 */
import { Engine } from "./engine";
import type { Clock } from "./clock";
import {
  actionTypeKey,
  emptyPartitionData,
  type ActionTypeIdRecord,
  type IntegrationActionTypeRecord,
  type PartitionData,
} from "./partition-records";
import { arnPartition } from "./request-identity";
import type { ScenarioBook } from "./scenario";

/** An action type a pipeline may use beyond the built-in ones, as job workers see it. */
export interface KnownActionType {
  id: ActionTypeIdRecord;
  /** `custom`: CreateCustomActionType; `integration`: an ActionTypeDeclaration (owner AWS/ThirdParty). */
  source: "custom" | "integration";
  /** Marked deleted by DeleteCustomActionType: "PollForJobs for the custom action fails after the action is marked for deletion." */
  deleted: boolean;
  properties: {
    name: string;
    required: boolean;
    key: boolean;
    secret: boolean;
    queryable: boolean;
    description?: string;
  }[];
  inputArtifacts: { min: number; max: number };
  outputArtifacts: { min: number; max: number };
  urls: {
    configurationUrl?: string;
    entityUrlTemplate?: string;
    executionUrlTemplate?: string;
    revisionUrlTemplate?: string;
  };
  /** The integration model's `executor.jobTimeout` in seconds, when it sets one. */
  jobTimeoutSeconds?: number;
}

/** The action types of one partition, for the engine and job workers. */
export interface ActionTypeLookup {
  /** The custom or integration-model type with exactly this id (deleted ones included, flagged). */
  get(id: ActionTypeIdRecord): KnownActionType | undefined;
}

export interface Partition {
  /** `<account>/<region>`. */
  readonly key: string;
  readonly accountId: string;
  readonly region: string;
  /** `aws`, `aws-cn`, `aws-us-gov`, …: the partition ARNs of this region carry. */
  readonly arnPartition: string;
  readonly data: PartitionData;
  readonly engine: Engine;
  readonly actionTypes: ActionTypeLookup;
  /** The sandbox's endpoint, `http://127.0.0.1:<port>`. */
  endpoint(): string;
  /** The same account's partition in another region, if anything was ever done there. */
  siblings(region: string): Partition | undefined;
  /** Integration-model types every partition starts with (see {@link integrationTypesOf}). */
  readonly seedActionTypes: readonly IntegrationActionTypeRecord["declaration"][];
}

/**
 * The integration-model types of a partition: those UpdateActionType changed (stored), then the
 * sandbox's seeds it did not change. Seeds are not copied into the partition, so a partition
 * nobody wrote to stays empty on disk.
 */
export function integrationTypesOf(
  data: PartitionData,
  seeds: readonly IntegrationActionTypeRecord["declaration"][],
): IntegrationActionTypeRecord[] {
  const stored = new Set(data.integrationActionTypes.map((t) => actionTypeKey(t.declaration.id)));
  return [
    ...data.integrationActionTypes,
    ...seeds
      .filter((d) => !stored.has(actionTypeKey(d.id)))
      .map((declaration) => ({ declaration, updated: 0 })),
  ];
}

function lookupFor(
  data: PartitionData,
  seeds: readonly IntegrationActionTypeRecord["declaration"][],
): ActionTypeLookup {
  return {
    get(id) {
      const key = actionTypeKey(id);
      const custom = data.customActionTypes.find((t) => actionTypeKey(t.id) === key);
      if (custom) {
        return {
          id: { ...custom.id },
          source: "custom",
          deleted: custom.deleted,
          properties: custom.configurationProperties.map((p) => ({
            name: p.name,
            required: p.required,
            key: p.key,
            secret: p.secret,
            queryable: p.queryable ?? false,
            ...(p.description === undefined ? {} : { description: p.description }),
          })),
          inputArtifacts: {
            min: custom.inputArtifactDetails.minimumCount,
            max: custom.inputArtifactDetails.maximumCount,
          },
          outputArtifacts: {
            min: custom.outputArtifactDetails.minimumCount,
            max: custom.outputArtifactDetails.maximumCount,
          },
          urls: {
            ...(custom.settings?.thirdPartyConfigurationUrl
              ? { configurationUrl: custom.settings.thirdPartyConfigurationUrl }
              : {}),
            ...(custom.settings?.entityUrlTemplate
              ? { entityUrlTemplate: custom.settings.entityUrlTemplate }
              : {}),
            ...(custom.settings?.executionUrlTemplate
              ? { executionUrlTemplate: custom.settings.executionUrlTemplate }
              : {}),
            ...(custom.settings?.revisionUrlTemplate
              ? { revisionUrlTemplate: custom.settings.revisionUrlTemplate }
              : {}),
          },
        };
      }
      const integration = integrationTypesOf(data, seeds).find(
        (t) => actionTypeKey(t.declaration.id) === key,
      );
      if (!integration) return undefined;
      const d = integration.declaration as {
        id: ActionTypeIdRecord;
        executor?: { jobTimeout?: number };
        inputArtifactDetails: { minimumCount: number; maximumCount: number };
        outputArtifactDetails: { minimumCount: number; maximumCount: number };
        properties?: {
          name: string;
          optional: boolean;
          key: boolean;
          noEcho: boolean;
          queryable?: boolean;
          description?: string;
        }[];
        urls?: KnownActionType["urls"];
      };
      return {
        id: { ...d.id },
        source: "integration",
        deleted: false,
        properties: (d.properties ?? []).map((p) => ({
          name: p.name,
          required: !p.optional,
          key: p.key,
          secret: p.noEcho,
          queryable: p.queryable ?? false,
          ...(p.description === undefined ? {} : { description: p.description }),
        })),
        inputArtifacts: {
          min: d.inputArtifactDetails.minimumCount,
          max: d.inputArtifactDetails.maximumCount,
        },
        outputArtifacts: {
          min: d.outputArtifactDetails.minimumCount,
          max: d.outputArtifactDetails.maximumCount,
        },
        urls: { ...(d.urls ?? {}) },
        ...(d.executor?.jobTimeout === undefined ? {} : { jobTimeoutSeconds: d.executor.jobTimeout }),
      };
    },
  };
}

export interface PartitionEnvironment {
  clock: Clock;
  scenario: ScenarioBook;
  /** Called whenever anything in the partition changes (the store records it durably). */
  onChange: (data: PartitionData) => void;
  /** The sandbox's endpoint (webhook URLs are served there). */
  endpoint: () => string;
  /** Integration-model action types every partition starts with (the sandbox's `actionTypes` option). */
  seedActionTypes?: readonly IntegrationActionTypeRecord["declaration"][];
}

/** Every partition the sandbox holds, made on first use. */
export class Partitions {
  private readonly byKey = new Map<string, Partition>();
  private readonly list: Partition[] = [];

  /** `datas` is the store's list: partitions made later are added to it. */
  constructor(
    private readonly environment: PartitionEnvironment,
    private readonly datas: PartitionData[] = [],
  ) {
    for (const data of datas) this.add(data);
  }

  private add(data: PartitionData): Partition {
    const actionTypes = lookupFor(data, this.environment.seedActionTypes ?? []);
    // The engine's job workers look action types up here (EngineOptions.actionTypes).
    const options = {
      clock: this.environment.clock,
      scenario: this.environment.scenario,
      region: data.region,
      onChange: () => this.environment.onChange(data),
      actionTypes,
    };
    const engine = new Engine(data.state, options);
    const partition: Partition = {
      key: `${data.accountId}/${data.region}`,
      accountId: data.accountId,
      region: data.region,
      arnPartition: arnPartition(data.region),
      data,
      engine,
      endpoint: () => this.environment.endpoint(),
      siblings: (region) => this.byKey.get(`${data.accountId}/${region}`),
      seedActionTypes: this.environment.seedActionTypes ?? [],
      actionTypes,
    };
    this.byKey.set(partition.key, partition);
    this.list.push(partition);
    return partition;
  }

  /** The partition of `accountId` in `region`, made empty on first use. */
  get(accountId: string, region: string): Partition {
    const found = this.byKey.get(`${accountId}/${region}`);
    if (found) return found;
    const data = emptyPartitionData(accountId, region);
    this.datas.push(data);
    return this.add(data);
  }

  /** Every partition, in the order they were first used. */
  all(): readonly Partition[] {
    return this.list;
  }
}
