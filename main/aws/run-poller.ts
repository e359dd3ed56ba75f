/**
 * One adaptive poller per watched pipeline, shared by every view that shows it. It polls fast while a
 * run is going and the window is visible, slows down while nothing changes (idle) or the window is
 * hidden, and backs off with jitter when AWS throttles. Idle polls read GetPipelineState only; the
 * history page is read again only when the state changed, so an idle pipeline costs about one call
 * a minute. Time and randomness are injected so tests step them.
 */
import type { ApiPipelineExecutionSummary, ApiPipelineState } from "../../shared/execution";
import type { AwsResult } from "./errors";

/** Timers the poller uses; tests pass a manual one. */
export interface PollerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: PollerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the poller reads; the runs service fits. */
export interface PollSource {
  getState(): Promise<AwsResult<ApiPipelineState>>;
  listRecent(): Promise<AwsResult<{ summaries: ApiPipelineExecutionSummary[] }>>;
}

/** Intervals in milliseconds. */
export interface PollTiming {
  /** While a run is going and the window is visible. */
  activeMs: number;
  /** While a run is going and the window is hidden. */
  hiddenActiveMs: number;
  /** The longest wait while idle and visible; waits double up to it. */
  idleMaxMs: number;
  /** While idle and hidden. */
  hiddenIdleMs: number;
  /** First backoff after a throttled call; doubles per throttled poll, with full jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** After other errors (network loss, a deleted pipeline): keep trying, slowly. */
  errorMs: number;
}

export const DEFAULT_TIMING: PollTiming = {
  activeMs: 3_000,
  hiddenActiveMs: 20_000,
  idleMaxMs: 60_000,
  hiddenIdleMs: 300_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 300_000,
  errorMs: 30_000,
};

/** What a poll found, pushed to every listener. */
export interface PollUpdate {
  state: ApiPipelineState | null;
  /** The newest runs (first history page); kept from the last read when the state did not change. */
  runs: ApiPipelineExecutionSummary[];
  error: { code: string; message: string } | null;
  /** Whether a run is going (fast polling). */
  active: boolean;
  polledAt: number;
  nextPollMs: number | null;
}

/** Something a person watching should be told about. */
export interface RunAttention {
  kind: "failed" | "approval";
  pipelineExecutionId: string | null;
  stageName: string | null;
  actionName: string | null;
  message: string;
}

export interface PollerOptions {
  clock?: PollerClock;
  timing?: Partial<PollTiming>;
  /** In [0, 1); jitter of backoffs. */
  random?: () => number;
  onUpdate: (update: PollUpdate) => void;
  onAttention?: (attention: RunAttention) => void;
}

const ACTIVE = new Set(["InProgress", "Stopping"]);

function isActive(state: ApiPipelineState | null, runs: readonly ApiPipelineExecutionSummary[]): boolean {
  if (runs.some((r) => ACTIVE.has(r.status ?? ""))) return true;
  return (state?.stageStates ?? []).some(
    (s) =>
      ACTIVE.has(s.latestExecution?.status ?? "") ||
      (s.actionStates ?? []).some((a) => ACTIVE.has(a.latestExecution?.status ?? "")),
  );
}

/** What changes when anything about the runs changes; timestamps of transitions are left out. */
function fingerprint(state: ApiPipelineState): string {
  return JSON.stringify(
    (state.stageStates ?? []).map((s) => [
      s.stageName,
      s.latestExecution?.pipelineExecutionId,
      s.latestExecution?.status,
      s.inboundTransitionState?.enabled,
      (s.actionStates ?? []).map((a) => [a.latestExecution?.actionExecutionId, a.latestExecution?.status]),
    ]),
  );
}

/** Waiting approvals (by token) and failed runs (by id) already announced. */
function attentionsOf(state: ApiPipelineState | null, runs: readonly ApiPipelineExecutionSummary[]) {
  const found = new Map<string, RunAttention>();
  for (const stage of state?.stageStates ?? []) {
    for (const action of stage.actionStates ?? []) {
      const latest = action.latestExecution;
      if (latest?.token && latest.status === "InProgress")
        found.set(`approval:${latest.token}`, {
          kind: "approval",
          pipelineExecutionId: stage.latestExecution?.pipelineExecutionId ?? null,
          stageName: stage.stageName ?? null,
          actionName: action.actionName ?? null,
          message: `${stage.stageName ?? "A stage"}/${action.actionName ?? "approval"} is waiting for approval`,
        });
    }
  }
  for (const run of runs) {
    if (run.status === "Failed" && run.pipelineExecutionId)
      found.set(`failed:${run.pipelineExecutionId}`, {
        kind: "failed",
        pipelineExecutionId: run.pipelineExecutionId,
        stageName: null,
        actionName: null,
        message: `Run ${run.pipelineExecutionId.slice(0, 8)} failed${run.statusSummary ? `: ${run.statusSummary}` : ""}`,
      });
  }
  return found;
}

export class RunPoller {
  private readonly clock: PollerClock;
  private readonly timing: PollTiming;
  private readonly random: () => number;
  private timer: unknown;
  private inflight: Promise<void> | undefined;
  private visible = true;
  private stopped = false;
  private idleStreak = 0;
  private throttledStreak = 0;
  private lastFingerprint: string | undefined;
  private runs: ApiPipelineExecutionSummary[] = [];
  private seen: Set<string> | undefined;
  /** Calls made, for the bench and the tests. */
  calls = 0;
  /** The wait scheduled after the last poll. */
  nextDelayMs: number | null = null;
  last: PollUpdate | undefined;

  constructor(
    private readonly source: PollSource,
    private readonly options: PollerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.random = options.random ?? Math.random;
  }

  /** Starts polling now. */
  start(): void {
    this.stopped = false;
    this.pollSoon(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A hidden window slows polling; becoming visible polls at once. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) {
      this.idleStreak = 0;
      this.pollSoon(0);
    }
  }

  /** After a control changed something: poll now and fast again. */
  refresh(): void {
    this.idleStreak = 0;
    this.lastFingerprint = undefined;
    this.pollSoon(0);
  }

  /** Resolves when the poll under way (if any) has finished. */
  async settled(): Promise<void> {
    while (this.inflight) await this.inflight;
  }

  private pollSoon(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.inflight) return;
      this.inflight = this.poll().finally(() => {
        this.inflight = undefined;
      });
    }, ms);
  }

  /** One poll: state, and the history page when the state changed. */
  private async poll(): Promise<void> {
    this.calls++;
    const state = await this.source.getState();
    if (this.stopped) return;
    let error: PollUpdate["error"] = null;
    let changed = false;
    let stateValue: ApiPipelineState | null = this.last?.state ?? null;
    if (state.ok) {
      stateValue = state.value;
      const print = fingerprint(state.value);
      changed = print !== this.lastFingerprint;
      if (changed) {
        this.calls++;
        const list = await this.source.listRecent();
        if (this.stopped) return;
        if (list.ok) {
          this.runs = list.value.summaries;
          this.lastFingerprint = print;
        } else error = { code: list.error.code, message: list.error.message };
      }
    } else error = { code: state.error.code, message: state.error.message };

    const active = error === null && isActive(stateValue, this.runs);
    const delay = this.delayAfter(error, active, changed);
    this.nextDelayMs = delay;
    this.last = {
      state: stateValue,
      runs: this.runs,
      error,
      active,
      polledAt: this.clock.now(),
      nextPollMs: delay,
    };
    this.announce(stateValue);
    this.options.onUpdate(this.last);
    this.pollSoon(delay);
  }

  private delayAfter(error: PollUpdate["error"], active: boolean, changed: boolean): number {
    const t = this.timing;
    if (error?.code === "throttled") {
      this.throttledStreak++;
      const cap = Math.min(t.backoffMaxMs, t.backoffBaseMs * 2 ** (this.throttledStreak - 1));
      // Full jitter, never below the base: callers sharing an account spread out.
      return Math.round(t.backoffBaseMs + this.random() * (cap - t.backoffBaseMs));
    }
    this.throttledStreak = 0;
    if (error) return t.errorMs;
    if (active) {
      this.idleStreak = 0;
      return this.visible ? t.activeMs : t.hiddenActiveMs;
    }
    if (!this.visible) return t.hiddenIdleMs;
    this.idleStreak = changed ? 0 : this.idleStreak + 1;
    return Math.min(t.idleMaxMs, t.activeMs * 2 ** this.idleStreak);
  }

  /** Tells about failures and approvals that appeared since the last poll (not those found first). */
  private announce(state: ApiPipelineState | null): void {
    const now = attentionsOf(state, this.runs);
    if (this.seen && this.options.onAttention) {
      for (const [key, attention] of now) if (!this.seen.has(key)) this.options.onAttention(attention);
    }
    this.seen = new Set([...(this.seen ?? []), ...now.keys()]);
  }
}
