/**
 * One lane of the fleet: a profile (or the sandbox) in one region. It lists the pipelines, learns
 * the account, and keeps each pipeline's row fresh through the account-region's call budget: the
 * newest runs (one ListPipelineExecutions call) every poll, and GetPipelineState only when a run is
 * going or the newest run changed, so a quiet pipeline costs one call per poll. A failure of the
 * whole profile (expired SSO, missing credentials, no network) pauses the lane and retries it with
 * backoff; it never touches another lane.
 */
import type { ApiPipelineExecutionSummary, ApiPipelineState } from "../../shared/execution";
import type { FleetApproval, FleetConnection, FleetLane, FleetRow } from "../../shared/fleet/fleet-rows";
import type { AwsError, AwsResult, PipelineListItem } from "../aws";
import type { CallBudget, CallOutcome, FleetClock } from "./call-budget";

/** The calls a lane makes, for one connection. */
export interface LaneSource {
  listPipelines(): Promise<AwsResult<PipelineListItem[]>>;
  listRuns(
    pipelineName: string,
    pageSize: number,
  ): Promise<AwsResult<{ summaries: ApiPipelineExecutionSummary[] }>>;
  getState(pipelineName: string): Promise<AwsResult<ApiPipelineState>>;
  /** GetPipeline's `metadata.pipelineArn`, which names the account. */
  pipelineArn(pipelineName: string): Promise<AwsResult<string | undefined>>;
}

/** Intervals in milliseconds. */
export interface FleetTiming {
  /** A pipeline with a run going. */
  activeMs: number;
  /** A pipeline whose newest run is less than a day old. */
  idleMs: number;
  /** A pipeline that has not run for a day or more. */
  quietMs: number;
  /** How often the list of pipelines is read again (new and deleted pipelines). */
  listingMs: number;
  /** After an error: doubles per error in a row, with jitter, up to the maximum. */
  errorBaseMs: number;
  errorMaxMs: number;
}

export const DEFAULT_TIMING: FleetTiming = {
  activeMs: 5_000,
  idleMs: 60_000,
  quietMs: 300_000,
  listingMs: 300_000,
  errorBaseMs: 30_000,
  errorMaxMs: 900_000,
};

/** Runs read per poll: enough to see the run before the newest (for "succeeded after a failure"). */
export const RUNS_PER_POLL = 10;

/** Errors that mean the profile itself cannot be used now, not one pipeline. */
const LANE_ERRORS = new Set([
  "expired-sso-token",
  "credentials-expired",
  "credentials-invalid",
  "credentials-missing",
  "profile-not-found",
  "region-missing",
  "network",
  "sandbox-unavailable",
  "validation",
]);

const ACTIVE = new Set(["InProgress", "Stopping"]);
const DAY_MS = 86_400_000;

/** What a lane learned about a pipeline, for the notification events. */
export interface Observation {
  row: FleetRow;
  runs: readonly ApiPipelineExecutionSummary[];
}

export interface LaneOptions {
  key: string;
  /** How the renderer names the lane's connection. */
  connection: FleetConnection;
  profile: string;
  region: string;
  /** Known without a call (an SSO profile's account, a role ARN's). */
  account?: string | undefined;
  source: LaneSource;
  budget: CallBudget;
  clock: FleetClock;
  timing: FleetTiming;
  random: () => number;
  onChange(): void;
  onObserved(observation: Observation): void;
  /** The account became known; returns the lane that already shows it, if any. */
  onAccount(lane: Lane): string | null;
}

interface Tracked {
  row: FleetRow;
  runs: ApiPipelineExecutionSummary[];
  /** The newest run whose state was read. */
  stateOf: string | null;
  poll: BudgetTaskRef | undefined;
  errors: number;
}

type BudgetTaskRef = Parameters<CallBudget["add"]>[0];

const errorOf = (error: AwsError) => ({ code: error.code, message: error.message });
const outcomeOf = (error: AwsError): CallOutcome => (error.code === "throttled" ? "throttled" : "error");
const iso = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : typeof value === "string" ? value : null;

export class Lane {
  private readonly pipelines = new Map<string, Tracked>();
  private listing: BudgetTaskRef | undefined;
  private listingErrors = 0;
  private stopped = false;
  readonly view: FleetLane;

  constructor(private readonly o: LaneOptions) {
    this.view = {
      key: o.key,
      profile: o.profile,
      region: o.region,
      account: o.account ?? null,
      status: "loading",
      error: null,
      duplicateOf: null,
      pipelines: 0,
      callsPerSecond: o.budget.rate,
      calls: 0,
      pausedUntil: null,
    };
  }

  start(): void {
    this.scheduleListing(this.o.clock.now());
  }

  stop(): void {
    this.stopped = true;
    if (this.listing) this.o.budget.remove(this.listing);
    for (const tracked of this.pipelines.values()) if (tracked.poll) this.o.budget.remove(tracked.poll);
  }

  /** The rows of the lane (none while it is a duplicate). */
  rows(): FleetRow[] {
    if (this.view.status === "duplicate") return [];
    return [...this.pipelines.values()].map((t) => t.row);
  }

  /** Polls a pipeline now (after a control changed it). */
  refresh(pipelineName: string): void {
    const tracked = this.pipelines.get(pipelineName);
    if (tracked && this.view.status === "ok") this.schedulePoll(tracked, this.o.clock.now(), 0);
  }

  private delay(errors: number): number {
    const t = this.o.timing;
    const cap = Math.min(t.errorMaxMs, t.errorBaseMs * 2 ** Math.max(0, errors - 1));
    return Math.round(cap / 2 + (this.o.random() * cap) / 2);
  }

  private changed(): void {
    this.view.pipelines = this.pipelines.size;
    this.view.callsPerSecond = this.o.budget.rate;
    this.view.calls = this.o.budget.calls;
    this.view.pausedUntil = this.o.budget.pausedUntil > this.o.clock.now() ? this.o.budget.pausedUntil : null;
    this.o.onChange();
  }

  private scheduleListing(at: number): void {
    if (this.stopped) return;
    if (this.listing) this.o.budget.remove(this.listing);
    this.listing = { dueAt: at, priority: 0, run: () => this.list() };
    this.o.budget.add(this.listing);
  }

  /** The whole profile failed: show it, stop polling its pipelines, retry the listing later. */
  private laneFailed(error: AwsError): void {
    this.listingErrors++;
    this.view.status = this.view.status === "duplicate" ? "duplicate" : "error";
    this.view.error = errorOf(error);
    for (const tracked of this.pipelines.values()) {
      if (tracked.poll) this.o.budget.remove(tracked.poll);
      tracked.poll = undefined;
    }
    this.scheduleListing(this.o.clock.now() + this.delay(this.listingErrors));
  }

  private async list(): Promise<CallOutcome> {
    const listed = await this.o.source.listPipelines();
    if (this.stopped) return "ok";
    if (!listed.ok) {
      if (listed.error.code === "throttled") this.scheduleListing(this.o.clock.now());
      else this.laneFailed(listed.error);
      this.changed();
      return outcomeOf(listed.error);
    }
    this.listingErrors = 0;
    this.view.error = null;
    if (this.view.status !== "duplicate") this.view.status = "ok";
    const now = this.o.clock.now();
    const names = new Set(listed.value.map((p) => p.name));
    for (const [name, tracked] of this.pipelines) {
      if (names.has(name)) continue;
      if (tracked.poll) this.o.budget.remove(tracked.poll);
      this.pipelines.delete(name);
    }
    for (const item of listed.value) {
      const tracked = this.pipelines.get(item.name) ?? this.track(item);
      tracked.row.pipelineType = item.pipelineType ?? null;
      tracked.row.executionMode = item.executionMode ?? null;
      if (!tracked.poll && this.view.status === "ok") this.schedulePoll(tracked, now, 2);
    }
    const first = listed.value[0];
    if (this.view.account === null && first) {
      this.o.budget.add({ dueAt: now, priority: 1, run: () => this.learnAccount(first.name) });
    }
    this.scheduleListing(now + this.o.timing.listingMs);
    this.changed();
    return "ok";
  }

  private track(item: PipelineListItem): Tracked {
    const tracked: Tracked = {
      row: {
        key: JSON.stringify([this.o.profile, this.o.region, item.name]),
        laneKey: this.o.key,
        profile: this.o.profile,
        account: this.view.account,
        region: this.o.region,
        connection: this.o.connection,
        name: item.name,
        pipelineType: item.pipelineType ?? null,
        executionMode: item.executionMode ?? null,
        latestStatus: null,
        latestExecutionId: null,
        latestStartTime: null,
        latestEndTime: null,
        stagesDone: null,
        stagesTotal: null,
        pendingApprovals: 0,
        approvals: [],
        error: null,
        polledAt: null,
      },
      runs: [],
      stateOf: null,
      poll: undefined,
      errors: 0,
    };
    this.pipelines.set(item.name, tracked);
    return tracked;
  }

  private async learnAccount(pipelineName: string): Promise<CallOutcome> {
    const arn = await this.o.source.pipelineArn(pipelineName);
    if (this.stopped || this.view.account !== null) return "ok";
    if (!arn.ok) return outcomeOf(arn.error);
    const account = /^arn:[^:]+:codepipeline:[^:]*:(\d{12}):/.exec(arn.value ?? "")?.[1];
    if (!account) return "ok";
    this.view.account = account;
    for (const tracked of this.pipelines.values()) tracked.row.account = account;
    const shownBy = this.o.onAccount(this);
    if (shownBy !== null) {
      this.view.status = "duplicate";
      this.view.duplicateOf = shownBy;
      for (const tracked of this.pipelines.values()) if (tracked.poll) this.o.budget.remove(tracked.poll);
    }
    this.changed();
    return "ok";
  }

  private schedulePoll(
    tracked: Tracked,
    at: number,
    priority: number,
    read: "runs" | "state" = "runs",
  ): void {
    if (this.stopped || this.view.status === "duplicate") return;
    if (tracked.poll) this.o.budget.remove(tracked.poll);
    tracked.poll = {
      dueAt: at,
      priority,
      run: () => (read === "runs" ? this.pollRuns(tracked) : this.pollState(tracked)),
    };
    this.o.budget.add(tracked.poll);
  }

  /** When the pipeline is next due, from what its newest run is doing. */
  private nextPoll(tracked: Tracked): number {
    const t = this.o.timing;
    const now = this.o.clock.now();
    const newest = tracked.runs[0];
    if (tracked.runs.some((r) => ACTIVE.has(r.status ?? "")) || tracked.row.pendingApprovals > 0)
      return now + t.activeMs;
    const last = Date.parse(tracked.row.latestEndTime ?? tracked.row.latestStartTime ?? "");
    return now + (!newest || !(now - last < DAY_MS) ? t.quietMs : t.idleMs);
  }

  /** A pipeline call failed: the lane's problem, the pipeline's, or throttling (try again). */
  private pipelineFailed(tracked: Tracked, error: AwsError, read: "runs" | "state"): CallOutcome {
    if (error.code === "throttled") {
      this.schedulePoll(tracked, this.o.clock.now(), 0, read);
    } else if (error.code === "pipeline-not-found") {
      this.pipelines.delete(tracked.row.name);
      this.scheduleListing(this.o.clock.now());
    } else if (LANE_ERRORS.has(error.code)) {
      this.laneFailed(error);
    } else {
      tracked.errors++;
      tracked.row.error = errorOf(error);
      this.schedulePoll(tracked, this.o.clock.now() + this.delay(tracked.errors), 2);
    }
    this.changed();
    return outcomeOf(error);
  }

  private async pollRuns(tracked: Tracked): Promise<CallOutcome> {
    tracked.poll = undefined;
    const listed = await this.o.source.listRuns(tracked.row.name, RUNS_PER_POLL);
    if (this.stopped || !this.pipelines.has(tracked.row.name)) return "ok";
    if (!listed.ok) return this.pipelineFailed(tracked, listed.error, "runs");
    tracked.errors = 0;
    tracked.runs = listed.value.summaries;
    const row = tracked.row;
    const newest = tracked.runs[0];
    const newestId = newest?.pipelineExecutionId ?? null;
    const sameRun = newestId === row.latestExecutionId && newest?.status === row.latestStatus;
    row.latestStatus = newest?.status ?? null;
    row.latestExecutionId = newestId;
    row.latestStartTime = iso(newest?.startTime);
    row.latestEndTime = newest && !ACTIVE.has(newest.status ?? "") ? iso(newest.lastUpdateTime) : null;
    row.error = null;
    row.polledAt = this.o.clock.now();
    const active = tracked.runs.some((r) => ACTIVE.has(r.status ?? ""));
    const stateStale = row.stagesTotal === null || !sameRun || tracked.stateOf !== newestId;
    if (active || stateStale || row.pendingApprovals > 0) {
      // The state (stages done, approvals) is read right after, ahead of fresh polls.
      this.schedulePoll(tracked, this.o.clock.now(), 1, "state");
    } else {
      this.o.onObserved({ row, runs: tracked.runs });
      this.schedulePoll(tracked, this.nextPoll(tracked), 2);
    }
    this.changed();
    return "ok";
  }

  private async pollState(tracked: Tracked): Promise<CallOutcome> {
    tracked.poll = undefined;
    const state = await this.o.source.getState(tracked.row.name);
    if (this.stopped || !this.pipelines.has(tracked.row.name)) return "ok";
    if (!state.ok) return this.pipelineFailed(tracked, state.error, "state");
    const row = tracked.row;
    const stages = state.value.stageStates ?? [];
    const approvals: FleetApproval[] = [];
    for (const stage of stages) {
      for (const action of stage.actionStates ?? []) {
        const latest = action.latestExecution;
        // Only a manual approval waiting for an answer carries a token.
        if (latest?.token && latest.status === "InProgress")
          approvals.push({
            pipelineExecutionId: stage.latestExecution?.pipelineExecutionId ?? null,
            stageName: stage.stageName ?? "",
            actionName: action.actionName ?? "",
            since: iso(latest.lastStatusChange),
          });
      }
    }
    row.stagesTotal = stages.length;
    row.stagesDone = stages.filter(
      (s) =>
        s.latestExecution?.pipelineExecutionId === row.latestExecutionId &&
        (s.latestExecution?.status === "Succeeded" || s.latestExecution?.status === "Skipped"),
    ).length;
    row.approvals = approvals;
    row.pendingApprovals = approvals.length;
    tracked.stateOf = row.latestExecutionId;
    this.o.onObserved({ row, runs: tracked.runs });
    this.schedulePoll(tracked, this.nextPoll(tracked), 2);
    this.changed();
    return "ok";
  }
}
