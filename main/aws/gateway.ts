/**
 * The one way Pipewright reaches CodePipeline: a cached SDK client per connection, the SDK's own
 * credential chain (profiles, SSO, role assumption, credential_process, environment), adaptive
 * retries, the SDK paginators, and every failure mapped once by `mapAwsError`.
 *
 * Endpoint overrides: a sandbox connection names its endpoint; for AWS connections the endpoint the
 * connection's profile configures (AWS_ENDPOINT_URL_CODEPIPELINE, AWS_ENDPOINT_URL, a `services`
 * section, `endpoint_url`) is resolved for that profile by `configuredEndpoint` and given to the
 * client, as the AWS CLI does, so local endpoints (the sandbox, moto, LocalStack) work per profile.
 */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  StartPipelineExecutionCommand,
  UpdatePipelineCommand,
  paginateListActionTypes,
  paginateListPipelineExecutions,
  paginateListPipelines,
  paginateListTagsForResource,
  type PipelineDeclaration as SdkPipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { ListedActionType } from "../../shared/catalog/account-types";
import { toJsonValue, toModelValue } from "../../shared/formats";
import type { PipelineDeclaration, Tag } from "../../shared/pipeline/model";
import { connectionKey, SANDBOX_REGION, type Connection } from "./connection";
import { fail, mapAwsError, ok, type AwsResult, type CallContext } from "./errors";
import { configuredEndpoint } from "./configured-endpoint";
import { readSharedFiles } from "./ini-files";
import { tolerateIsoTimestamps } from "./timestamp-compat";

// The SDK warns under Node 20 that *future* SDK releases will need Node 22. The SDK here is locked
// by package-lock.json and supports Node 20, so the notice only buries the CLI's output and the
// web host's URL line. Set here, where every client is made, so every entry point agrees; set the
// variable to "false" to see it.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

/** A pipeline as GetPipeline returns it; times as ISO strings so the value crosses IPC as JSON. */
export interface RemotePipeline {
  pipeline: PipelineDeclaration;
  metadata: { pipelineArn?: string; created?: string; updated?: string; pollingDisabledAt?: string };
}

/** One row of ListPipelines. */
export interface PipelineListItem {
  name: string;
  version?: number;
  pipelineType?: string;
  executionMode?: string;
  created?: string;
  updated?: string;
}

/** One execution of ListPipelineExecutions. */
export interface ExecutionListItem {
  pipelineExecutionId: string;
  status: string;
  startTime?: string;
  lastUpdateTime?: string;
}

/** Who the credentials belong to (STS GetCallerIdentity). */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId?: string;
}

export interface GatewayOptions {
  /** The embedded sandbox's endpoint, for sandbox connections that name none; absent: not running. */
  sandboxEndpoint?: () => string | undefined;
  /** Attempts per call, retries included (adaptive mode, backoff on throttling). Default 5. */
  maxAttempts?: number;
  /** Socket timeouts in milliseconds. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** What each gateway method needs about its connection, resolved once per connection. */
interface Clients {
  codePipeline: CodePipelineClient;
  sts: STSClient | undefined;
  context: Pick<CallContext, "profile" | "endpoint">;
}

/** Statuses of executions that are still running; an update cancels them. */
const ACTIVE_STATUSES = new Set(["InProgress", "Stopping"]);

/** The newest executions looked at for active ones: older ones have long finished or been superseded. */
const ACTIVE_SCAN_LIMIT = 200;

/** The sandbox accepts any signature; these keep the SDK's signer from looking for real keys. */
const SANDBOX_CREDENTIALS = { accessKeyId: "sandbox", secretAccessKey: "sandbox" };

function iso(value: Date | undefined): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined;
}

/** Drops `undefined` members so a value is JSON-clean (and fits exactOptionalPropertyTypes). */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** Artifact details as ListActionTypes gives them; absent counts (never sent by AWS) as 0. */
function artifactDetails(
  d: { minimumCount?: number | undefined; maximumCount?: number | undefined } | undefined,
) {
  return { minimumCount: d?.minimumCount ?? 0, maximumCount: d?.maximumCount ?? 0 };
}

/**
 * The SDK types enums as plain strings; the document model is the same JSON with narrower types,
 * except that it marks integer-like member names to keep their order (member-keys.ts): marked on
 * the way in, unmarked on the way out, so AWS never sees a mark.
 */
function toModel(pipeline: SdkPipelineDeclaration): PipelineDeclaration {
  return toModelValue(pipeline as unknown as PipelineDeclaration);
}

function toSdk(pipeline: PipelineDeclaration): SdkPipelineDeclaration {
  return toJsonValue(pipeline) as unknown as SdkPipelineDeclaration;
}

/** The CodePipeline gateway; create one per process and share it. */
export class Gateway {
  private readonly clients = new Map<string, Clients>();

  constructor(private readonly options: GatewayOptions = {}) {}

  private async resolve(connection: Connection): Promise<AwsResult<Clients>> {
    const key = connectionKey(connection);
    const cached = this.clients.get(key);
    if (cached) return ok(cached);
    const common = {
      maxAttempts: this.options.maxAttempts ?? 5,
      retryMode: "adaptive",
      requestHandler: {
        connectionTimeout: this.options.connectionTimeoutMs ?? 5_000,
        requestTimeout: this.options.requestTimeoutMs ?? 60_000,
      },
    };
    let clients: Clients;
    if (connection.kind === "sandbox") {
      const endpoint = connection.endpoint ?? this.options.sandboxEndpoint?.();
      if (!endpoint) return fail("sandbox-unavailable", "The sandbox is not running: no endpoint");
      clients = {
        codePipeline: new CodePipelineClient({
          ...common,
          region: SANDBOX_REGION,
          endpoint,
          credentials: SANDBOX_CREDENTIALS,
        }),
        sts: undefined,
        context: { endpoint },
      };
    } else {
      if (!connection.region)
        return fail(
          "region-missing",
          `No region was given for the connection: ${connection.profile ?? "default"}`,
        );
      const { region, profile } = connection;
      const files = await readSharedFiles();
      // The SDK reports an unknown profile as "could not load credentials"; say what is wrong.
      if (profile && !files.configProfiles.has(profile) && !files.credentialProfiles.has(profile)) {
        return fail(
          "profile-not-found",
          `The profile is not in the AWS config or credentials files: ${profile}`,
        );
      }
      const endpoints = {
        codePipeline: configuredEndpoint(files, profile),
        sts: configuredEndpoint(files, profile, process.env, "sts"),
      };
      for (const endpoint of Object.values(endpoints))
        if (endpoint.kind === "error") return fail("validation", endpoint.message);
      const endpointOf = (e: (typeof endpoints)["sts"]) => (e.kind === "endpoint" ? e.url : undefined);
      const codePipelineEndpoint = endpointOf(endpoints.codePipeline);
      const stsEndpoint = endpointOf(endpoints.sts);
      // One provider for both clients: the SDK memoizes it, so SSO and assume-role run once.
      const credentials = fromNodeProviderChain(
        profile ? { profile, clientConfig: { region } } : { clientConfig: { region } },
      );
      const base = { ...common, region, credentials, ...(profile ? { profile } : {}) };
      clients = {
        codePipeline: new CodePipelineClient({
          ...base,
          ...(codePipelineEndpoint ? { endpoint: codePipelineEndpoint } : {}),
        }),
        sts: new STSClient({ ...base, ...(stsEndpoint ? { endpoint: stsEndpoint } : {}) }),
        context: { profile: profile ?? process.env.AWS_PROFILE, endpoint: codePipelineEndpoint },
      };
    }
    tolerateIsoTimestamps(clients.codePipeline);
    this.clients.set(key, clients);
    return ok(clients);
  }

  /** Runs one SDK call with the connection's client, mapping any failure. */
  private async call<T>(
    connection: Connection,
    operation: string,
    pipelineName: string | undefined,
    run: (clients: Clients) => Promise<T>,
  ): Promise<AwsResult<T>> {
    const resolved = await this.resolve(connection);
    if (!resolved.ok) return resolved;
    try {
      return ok(await run(resolved.value));
    } catch (error) {
      return { ok: false, error: mapAwsError(error, { operation, pipelineName, ...resolved.value.context }) };
    }
  }

  /** GetPipeline: the declaration (optionally an older version) and its metadata. */
  getPipeline(connection: Connection, name: string, version?: number): Promise<AwsResult<RemotePipeline>> {
    return this.call(connection, "GetPipeline", name, async ({ codePipeline }) => {
      const out = await codePipeline.send(
        new GetPipelineCommand(version === undefined ? { name } : { name, version }),
      );
      if (!out.pipeline)
        throw Object.assign(new Error("GetPipeline returned no pipeline"), { name: "EmptyResponse" });
      const m = out.metadata;
      return {
        pipeline: toModel(out.pipeline),
        metadata: defined({
          pipelineArn: m?.pipelineArn,
          created: iso(m?.created),
          updated: iso(m?.updated),
          pollingDisabledAt: iso(m?.pollingDisabledAt),
        }),
      };
    });
  }

  /** ListPipelines, every page. */
  listPipelines(connection: Connection): Promise<AwsResult<PipelineListItem[]>> {
    return this.call(connection, "ListPipelines", undefined, async ({ codePipeline }) => {
      const items: PipelineListItem[] = [];
      for await (const page of paginateListPipelines({ client: codePipeline }, {})) {
        for (const p of page.pipelines ?? []) {
          if (!p.name) continue;
          items.push(
            defined({
              name: p.name,
              version: p.version,
              pipelineType: p.pipelineType,
              executionMode: p.executionMode,
              created: iso(p.created),
              updated: iso(p.updated),
            }),
          );
        }
      }
      return items;
    });
  }

  /** ListActionTypes, every page: built-in, partner and the account's custom action types. */
  listActionTypes(connection: Connection): Promise<AwsResult<ListedActionType[]>> {
    return this.call(connection, "ListActionTypes", undefined, async ({ codePipeline }) => {
      const items: ListedActionType[] = [];
      for await (const page of paginateListActionTypes({ client: codePipeline }, {})) {
        for (const t of page.actionTypes ?? []) {
          const { category, owner, provider, version } = t.id ?? {};
          if (!category || !owner || !provider || !version) continue;
          items.push({
            id: { category, owner, provider, version },
            ...(t.settings ? { settings: defined({ ...t.settings }) } : {}),
            actionConfigurationProperties: (t.actionConfigurationProperties ?? []).map((p) =>
              defined({
                name: p.name ?? "",
                required: p.required === true,
                key: p.key === true,
                secret: p.secret === true,
                queryable: p.queryable,
                description: p.description,
              }),
            ),
            inputArtifactDetails: artifactDetails(t.inputArtifactDetails),
            outputArtifactDetails: artifactDetails(t.outputArtifactDetails),
          });
        }
      }
      return items;
    });
  }

  /** CreatePipeline with tags; resolves to the stored declaration (version 1). */
  createPipeline(
    connection: Connection,
    pipeline: PipelineDeclaration,
    tags: readonly Tag[],
  ): Promise<AwsResult<PipelineDeclaration>> {
    return this.call(connection, "CreatePipeline", pipeline.name, async ({ codePipeline }) => {
      const input =
        tags.length > 0
          ? { pipeline: toSdk(pipeline), tags: tags.map((t) => ({ key: t.key, value: t.value })) }
          : { pipeline: toSdk(pipeline) };
      const out = await codePipeline.send(new CreatePipelineCommand(input));
      return toModel(out.pipeline ?? toSdk(pipeline));
    });
  }

  /** UpdatePipeline; resolves to the stored declaration with its new version. */
  updatePipeline(
    connection: Connection,
    pipeline: PipelineDeclaration,
  ): Promise<AwsResult<PipelineDeclaration>> {
    return this.call(connection, "UpdatePipeline", pipeline.name, async ({ codePipeline }) => {
      const out = await codePipeline.send(new UpdatePipelineCommand({ pipeline: toSdk(pipeline) }));
      return toModel(out.pipeline ?? toSdk(pipeline));
    });
  }

  /** The executions still running (InProgress, Stopping) among the newest ones. */
  listActiveExecutions(connection: Connection, name: string): Promise<AwsResult<ExecutionListItem[]>> {
    return this.call(connection, "ListPipelineExecutions", name, async ({ codePipeline }) => {
      const active: ExecutionListItem[] = [];
      let seen = 0;
      for await (const page of paginateListPipelineExecutions(
        { client: codePipeline, pageSize: 100 },
        { pipelineName: name },
      )) {
        for (const e of page.pipelineExecutionSummaries ?? []) {
          seen++;
          if (!e.pipelineExecutionId || !e.status || !ACTIVE_STATUSES.has(e.status)) continue;
          active.push(
            defined({
              pipelineExecutionId: e.pipelineExecutionId,
              status: e.status,
              startTime: iso(e.startTime),
              lastUpdateTime: iso(e.lastUpdateTime),
            }),
          );
        }
        if (seen >= ACTIVE_SCAN_LIMIT) break;
      }
      return active;
    });
  }

  /** ListTagsForResource, every page. */
  listTags(connection: Connection, resourceArn: string, pipelineName?: string): Promise<AwsResult<Tag[]>> {
    return this.call(connection, "ListTagsForResource", pipelineName, async ({ codePipeline }) => {
      const tags: Tag[] = [];
      for await (const page of paginateListTagsForResource({ client: codePipeline }, { resourceArn })) {
        for (const t of page.tags ?? [])
          if (t.key !== undefined) tags.push({ key: t.key, value: t.value ?? "" });
      }
      return tags;
    });
  }

  /** StartPipelineExecution ("Release change"). */
  startExecution(connection: Connection, name: string): Promise<AwsResult<{ pipelineExecutionId: string }>> {
    return this.call(connection, "StartPipelineExecution", name, async ({ codePipeline }) => {
      const out = await codePipeline.send(new StartPipelineExecutionCommand({ name }));
      return { pipelineExecutionId: out.pipelineExecutionId ?? "" };
    });
  }

  /**
   * One SDK call the gateway has no method of its own for (the runs service's reads and controls),
   * with the connection's cached client and the same error mapping as every other call.
   */
  send<T>(
    connection: Connection,
    operation: string,
    pipelineName: string | undefined,
    run: (client: CodePipelineClient) => Promise<T>,
  ): Promise<AwsResult<T>> {
    return this.call(connection, operation, pipelineName, ({ codePipeline }) => run(codePipeline));
  }

  /** STS GetCallerIdentity; the sandbox has no STS, so it answers for itself. */
  getCallerIdentity(connection: Connection): Promise<AwsResult<CallerIdentity>> {
    return this.call(connection, "GetCallerIdentity", undefined, async ({ sts, codePipeline, context }) => {
      if (!sts) {
        // Proves the sandbox answers; it trusts every caller.
        await codePipeline
          .send(new GetPipelineCommand({ name: "pipewright-connection-test" }))
          .catch((error: unknown) => {
            if ((error as { name?: unknown }).name !== "PipelineNotFoundException") throw error;
          });
        return { account: "sandbox", arn: `sandbox:${context.endpoint ?? ""}` };
      }
      const out = await sts.send(new GetCallerIdentityCommand({}));
      return defined({ account: out.Account ?? "", arn: out.Arn ?? "", userId: out.UserId });
    });
  }

  /** Closes every client's sockets; the gateway can be used again afterwards. */
  dispose(): void {
    for (const { codePipeline, sts } of this.clients.values()) {
      codePipeline.destroy();
      sts?.destroy();
    }
    this.clients.clear();
  }
}
