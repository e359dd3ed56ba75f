/**
 * Jobs for job workers. An action of a custom action type (owner `Custom`) or a partner action
 * type (owner `ThirdParty`, except the ones AWS itself runs) does nothing by itself: as "Create and
 * add a custom action" (https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-custom-action.html)
 * puts it, "When it reaches your action in this stage, AWS CodePipeline queues a job. This job will
 * appear if your job worker calls PollForJobs". The worker acknowledges it ("if … another job
 * worker has already claimed the job, an InvalidNonceException error response will be returned"),
 * then reports a result: PutJobSuccessResult with a continuation token ("the job is considered
 * complete. A new job is created in AWS CodePipeline that includes the continuation token"),
 * PutJobSuccessResult without one (the action succeeded), or PutJobFailureResult.
 *
 * Time limits: a custom action gets 24 hours ("Custom actions: 24 hours", Quotas in CodePipeline,
 * https://docs.amazonaws.cn/en_us/codepipeline/latest/userguide/limits.html), and a type with an
 * executor `jobTimeout` gives each job that many seconds ("This is the timeout for a single job,
 * not the entire action execution", API_ActionTypeExecutor). A job nobody acknowledged or finished
 * by then fails the action as the service reports it (AWS code library, GetPipelineState example):
 * code `TimeoutError`, "The action failed because a job worker exceeded its time limit. If this is
 * a custom action, make sure that the job worker is configured correctly."
 */
import { randomUUID } from "node:crypto";
import type { ActionDeclaration } from "../../shared/pipeline/model";
import { recordJobSuccess, type JobResult } from "./job-results";
import type { EngineCore } from "./engine-core";
import { fillTemplate, jobData, type Job, type JobActionType, type JobKind } from "./job-data";
import { fail } from "./protocol";
import type { ActionRunRecord, ExecutionRecord, PipelineRecord } from "./records";
import { accountOf, fakeUuid } from "./run-context";

const CUSTOM_ACTION_TIMEOUT_MS = 24 * 60 * 60 * 1000;

const TIMEOUT_MESSAGE =
  "The action failed because a job worker exceeded its time limit. If this is a custom action, make sure that the job worker is configured correctly.";

/** Partner action types AWS runs itself (GitHub version 1, Alexa Skills Kit): no worker polls for them. */
const AWS_RUN_THIRD_PARTY = new Set(["GitHub", "AlexaSkillsKit"]);

/** Whether an action waits for a job worker rather than being simulated. */
export function jobKindOf(action: ActionDeclaration): JobKind | undefined {
  const { owner, provider } = action.actionTypeId;
  if (owner === "Custom") return "Custom";
  if (owner === "ThirdParty" && !AWS_RUN_THIRD_PARTY.has(provider)) return "ThirdParty";
  return undefined;
}

type JobSettled = (pipeline: PipelineRecord, execution: ExecutionRecord) => void;

export class JobQueue {
  /** Every job the engine made since it started, finished ones kept so late replies get the right error. */
  private readonly jobs = new Map<string, Job>();
  /** The open job of each waiting action run. */
  private readonly openByRun = new Map<string, Job>();

  constructor(
    private readonly core: EngineCore,
    private readonly settled: JobSettled,
  ) {}

  typeOf(job: Pick<Job, "run">): JobActionType | undefined {
    return this.core.options.actionTypes?.get(job.run.input.actionTypeId);
  }

  /**
   * The stored action type a worker polls for: ActionTypeNotFoundException, in the service's words,
   * when there is none (or it was deleted); undefined when the engine has no action types to look
   * in (any type is known).
   */
  requireType(id: ActionRunRecord["input"]["actionTypeId"]): JobActionType | undefined {
    const types = this.core.options.actionTypes;
    if (!types) return undefined;
    const type = types.get(id);
    if (!type || type.deleted) {
      fail(
        "ActionTypeNotFoundException",
        `ActionType (Category: '${id.category}', Owner: '${id.owner}', Provider: '${id.provider}', Version: '${id.version}') is not available`,
      );
    }
    return type;
  }

  /** What the worker is told about the job (JobData or ThirdPartyJobData). */
  dataOf(job: Job): Record<string, unknown> {
    return jobData(job, this.core.runContext(job.pipeline, job.execution));
  }

  accountOf(job: Job): string {
    return accountOf(this.core.runContext(job.pipeline, job.execution));
  }

  /** Queues the first job of an action run (or the next one, carrying a continuation token). */
  open(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    run: ActionRunRecord,
    action: ActionDeclaration,
    continuationToken?: string,
  ): void {
    const kind = jobKindOf(action) ?? "Custom";
    const job: Job = {
      id: randomUUID(),
      kind,
      status: "Queued",
      pipeline,
      execution,
      run,
      action,
      nonce: randomUUID(),
      createdAt: this.core.clock.now(),
      // The client is the customer's account as the partner knows it: the same for every job.
      ...(kind === "ThirdParty"
        ? { clientId: fakeUuid(pipeline.arn.split(":")[4] ?? "", ...Object.values(run.input.actionTypeId)) }
        : {}),
      ...(continuationToken === undefined ? {} : { continuationToken }),
    };
    this.jobs.set(job.id, job);
    this.openByRun.set(run.id, job);
    const timeoutSeconds = this.typeOf(job)?.jobTimeoutSeconds;
    const actionDeadline = run.startTime + CUSTOM_ACTION_TIMEOUT_MS;
    const deadline =
      timeoutSeconds === undefined
        ? actionDeadline
        : Math.min(actionDeadline, job.createdAt + timeoutSeconds * 1000);
    run.dueAt = deadline;
    this.core.schedule(run.id, deadline, () => this.timeOut(job));
  }

  /**
   * PollForJobs / PollForThirdPartyJobs: queued jobs of the action type, oldest first, at most
   * `max`; a returned job is Dispatched. `matches` applies PollForJobs' queryParam.
   */
  poll(
    kind: JobKind,
    typeId: ActionRunRecord["input"]["actionTypeId"],
    max: number,
    matches: (job: Job) => boolean,
  ): Job[] {
    const found: Job[] = [];
    for (const job of this.openByRun.values()) {
      if (found.length >= max) break;
      const id = job.run.input.actionTypeId;
      if (job.kind !== kind || job.status !== "Queued") continue;
      if (id.category !== typeId.category || id.provider !== typeId.provider || id.version !== typeId.version)
        continue;
      if (id.owner !== typeId.owner || !matches(job)) continue;
      job.status = "Dispatched";
      job.nonce = randomUUID();
      found.push(job);
    }
    if (found.length > 0) this.core.changed();
    return found;
  }

  /** The job with this id of this kind, or JobNotFoundException. */
  require(kind: JobKind, jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job || job.kind !== kind) fail("JobNotFoundException", `No job with this id: ${jobId}`);
    return job;
  }

  /** AcknowledgeJob: the worker holding the nonce claims the job, which is then InProgress. */
  acknowledge(job: Job, nonce: string): Job["status"] {
    if (job.nonce !== nonce) {
      fail("InvalidNonceException", `The nonce does not match the one given out with job ${job.id}`);
    }
    if (job.status === "Dispatched" || job.status === "Queued") job.status = "InProgress";
    this.core.changed();
    return job.status;
  }

  private requireOpen(job: Job): void {
    if (this.openByRun.get(job.run.id) !== job || job.status === "Queued") {
      fail("InvalidJobStateException", `Job ${job.id} is ${job.status} and takes no result now`);
    }
  }

  /**
   * PutJobSuccessResult. With a continuation token the job is complete and a new one queued for
   * the same action, which keeps running; the details (summary, external id and link, progress)
   * show on the action meanwhile. Without one the action succeeds.
   */
  succeed(job: Job, result: JobResult): void {
    this.requireOpen(job);
    job.status = "Succeeded";
    this.openByRun.delete(job.run.id);
    this.core.cancel(job.run.id);
    const { pipeline, execution, run, action } = job;
    const now = this.core.clock.now();
    const ctx = this.core.runContext(pipeline, execution);
    const type = this.typeOf(job);
    if (result.continuationToken !== undefined) {
      recordJobSuccess(run, action, ctx, result, now, type, false);
      this.core.touch(execution);
      this.open(pipeline, execution, run, action, result.continuationToken);
      return;
    }
    run.status = "Succeeded";
    recordJobSuccess(run, action, ctx, result, now, type, true);
    this.settled(pipeline, execution);
  }

  /** PutJobFailureResult: the action fails with the worker's message. */
  failJob(job: Job, details: { type: string; message: string; externalExecutionId?: string }): void {
    this.requireOpen(job);
    job.status = "Failed";
    this.openByRun.delete(job.run.id);
    this.core.cancel(job.run.id);
    const { run } = job;
    const result = run.output.executionResult;
    if (details.externalExecutionId !== undefined) {
      result.externalExecutionId = details.externalExecutionId;
      const type = this.typeOf(job);
      const url = fillTemplate(
        type?.urls.executionUrlTemplate,
        run.input.configuration,
        type,
        details.externalExecutionId,
      );
      if (url !== undefined) result.externalExecutionUrl = url;
    }
    this.endRun(job, details.type, details.message);
  }

  private timeOut(job: Job): void {
    if (this.openByRun.get(job.run.id) !== job) return;
    job.status = "TimedOut";
    this.openByRun.delete(job.run.id);
    this.endRun(job, "TimeoutError", TIMEOUT_MESSAGE);
  }

  private endRun(job: Job, code: string, message: string): void {
    const { run } = job;
    if (run.status !== "InProgress") return;
    run.status = "Failed";
    run.lastUpdateTime = this.core.clock.now();
    run.output.executionResult.errorDetails = { code, message };
    run.summary = message;
    this.settled(job.pipeline, job.execution);
  }

  /** The run ended without its worker (stopped, abandoned, cancelled): its job takes no more results. */
  close(runId: string): void {
    const job = this.openByRun.get(runId);
    if (!job) return;
    job.status = "Failed";
    this.openByRun.delete(runId);
  }

  /** Forgets a deleted pipeline's jobs. */
  forget(pipeline: PipelineRecord): void {
    for (const [id, job] of this.jobs) {
      if (job.pipeline !== pipeline) continue;
      this.jobs.delete(id);
      this.openByRun.delete(job.run.id);
    }
  }
}
