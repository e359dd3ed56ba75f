/**
 * The AWS side of the app as the IPC handler table will call it: one method per prospective
 * channel, each resolving to an `AwsResult` (never throwing). Deploy plans stay in main, named by an
 * id: the renderer shows a plan and answers with its id, so what is deployed is exactly what was
 * previewed and checked, never a copy the renderer could have changed in between.
 */
import { randomUUID } from "node:crypto";
import { findOwner, type PipelineOwner } from "../../shared/iac/ownership";
import type { PipelineDocument } from "../../shared/pipeline/model";
import type { Connection } from "./connection";
import {
  applyDeploy,
  planDeploy,
  recordDeploy,
  type ApplyOptions,
  type DeployPlan,
  type DeployResult,
  type DeployStep,
} from "./deploy";
import type { DeployTargets } from "./deploy-targets";
import { fail, ok, type AwsResult } from "./errors";
import { Gateway, type CallerIdentity, type GatewayOptions, type PipelineListItem } from "./gateway";
import { listProfiles, type ProfileList } from "./profiles";
import { pullPipeline, type PulledPipeline } from "./pull";

/** A plan as the renderer sees it: the plan itself plus the id to deploy it with. */
export interface DeployPreview extends DeployPlan {
  planId: string;
}

export interface AwsServiceOptions extends GatewayOptions {
  /** What was last deployed to each target from this data folder: the deploy guard's bases. */
  targets?: DeployTargets;
  /** Deploy progress, for an event to the renderer. */
  onProgress?: (planId: string, step: DeployStep, detail?: string) => void;
  /** How long a preview stays deployable. Default 15 minutes. */
  planTtlMs?: number;
}

/** Previews kept at once; older ones are dropped first (a user previews, then deploys or not). */
const MAX_PLANS = 16;

interface StoredPlan {
  plan: DeployPlan;
  created: number;
  abort?: AbortController;
}

export class AwsService {
  readonly gateway: Gateway;
  private readonly plans = new Map<string, StoredPlan>();

  constructor(private readonly options: AwsServiceOptions = {}) {
    this.gateway = new Gateway(options);
  }

  /** Profiles of the shared files and the environment; no AWS call. */
  async listProfiles(): Promise<AwsResult<ProfileList>> {
    return ok(await listProfiles());
  }

  /** "Test connection": who the credentials are (STS GetCallerIdentity), or that the sandbox answers. */
  testConnection(connection: Connection): Promise<AwsResult<CallerIdentity>> {
    return this.gateway.getCallerIdentity(connection);
  }

  /** Every pipeline of the account and region (all pages). */
  listPipelines(connection: Connection): Promise<AwsResult<PipelineListItem[]>> {
    return this.gateway.listPipelines(connection);
  }

  /** A remote pipeline as a document (get-pipeline output shape, its version the base version). */
  openPipeline(connection: Connection, name: string): Promise<AwsResult<PulledPipeline>> {
    return pullPipeline(this.gateway, connection, name);
  }

  /** Who owns a pipeline, from its tags; undefined when nobody does or the tags cannot be read. */
  async pipelineOwner(
    connection: Connection,
    arn: string | undefined,
    name: string,
    ownerTagKeys?: readonly string[],
  ): Promise<PipelineOwner | undefined> {
    if (arn === undefined) return undefined;
    const tags = await this.gateway.listTags(connection, arn, name);
    return tags.ok ? findOwner(tags.value, ownerTagKeys) : undefined;
  }

  /** Previews a deploy; the preview's `planId` is what {@link deploy} takes. */
  async previewDeploy(
    document: PipelineDocument,
    connection: Connection,
    options: { ownerTagKeys?: readonly string[] } = {},
  ): Promise<AwsResult<DeployPreview>> {
    const name = typeof document.pipeline.name === "string" ? document.pipeline.name : "";
    const base = await this.options.targets?.base(connection, name);
    const planned = await planDeploy(this.gateway, document, connection, base, options);
    if (!planned.ok) return planned;
    this.prune();
    const planId = randomUUID();
    this.plans.set(planId, { plan: planned.value, created: Date.now() });
    // A copy: what main deploys must not change if the caller edits what it was shown.
    return ok({ ...structuredClone(planned.value), planId });
  }

  /**
   * Deploys a previewed plan, once: whatever the outcome, a new attempt needs a new preview, so a
   * retry always looks at the remote pipeline again.
   */
  async deploy(
    planId: string,
    options: Pick<ApplyOptions, "overwrite" | "waitUntilIdle" | "allowDrift"> = {},
  ): Promise<AwsResult<DeployResult>> {
    this.prune();
    const stored = this.plans.get(planId);
    if (!stored || stored.abort)
      return fail(
        "plan-expired",
        `The preview expired or was already used; preview the deploy again: ${planId}`,
      );
    const abort = new AbortController();
    stored.abort = abort;
    try {
      const progress = this.options.onProgress;
      const applied = await applyDeploy(this.gateway, stored.plan, {
        ...options,
        signal: abort.signal,
        ...(progress
          ? { onProgress: (step: DeployStep, detail?: string) => progress(planId, step, detail) }
          : {}),
      });
      if (applied.ok && this.options.targets !== undefined) {
        await recordDeploy(this.options.targets, stored.plan, applied.value).catch((error: unknown) =>
          // The deploy itself succeeded; without the record the next one falls back to the file's version.
          console.error(`pipewright: could not record the deploy of ${stored.plan.name}:`, error),
        );
      }
      return applied;
    } finally {
      this.plans.delete(planId);
    }
  }

  /** Stops a deploy that is waiting for runs to finish; nothing is changed. */
  cancelDeploy(planId: string): AwsResult<null> {
    this.plans.get(planId)?.abort?.abort();
    return ok(null);
  }

  /** "Release change": starts a run of the pipeline. */
  startRun(connection: Connection, name: string): Promise<AwsResult<{ pipelineExecutionId: string }>> {
    return this.gateway.startExecution(connection, name);
  }

  dispose(): void {
    for (const stored of this.plans.values()) stored.abort?.abort();
    this.plans.clear();
    this.gateway.dispose();
  }

  private prune(): void {
    const ttl = this.options.planTtlMs ?? 15 * 60_000;
    const now = Date.now();
    for (const [id, stored] of this.plans) {
      if (!stored.abort && now - stored.created > ttl) this.plans.delete(id);
    }
    // Map iteration is insertion order, so the first idle entries are the oldest.
    for (const [id, stored] of this.plans) {
      if (this.plans.size < MAX_PLANS) break;
      if (!stored.abort) this.plans.delete(id);
    }
  }
}
