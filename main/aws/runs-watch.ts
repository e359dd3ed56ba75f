/**
 * Which views watch which pipelines: one {@link RunPoller} per connection and pipeline, however
 * many views show it, stopped when the last view lets go.
 */
import { connectionKey, type Connection } from "./connection";
import {
  RunPoller,
  type PollerClock,
  type PollTiming,
  type PollUpdate,
  type RunAttention,
} from "./run-poller";
import type { RunsService } from "./runs-service";

/** Runs read per poll: the newest, for the canvas and the top of the history list. */
const RECENT_RUNS = 20;

export interface RunsWatchOptions {
  clock?: PollerClock;
  timing?: Partial<PollTiming>;
  random?: () => number;
  onUpdate: (pipelineName: string, connection: Connection, update: PollUpdate) => void;
  onAttention?: (pipelineName: string, attention: RunAttention) => void;
}

interface Watched {
  poller: RunPoller;
  connection: Connection;
  views: Set<string>;
}

export class RunsWatch {
  private readonly watched = new Map<string, Watched>();
  private readonly viewKeys = new Map<string, string>();
  /** Views whose window is hidden; a pipeline polls slowly only when all its views are. */
  private readonly hidden = new Set<string>();
  /** The run whose timeline each view shows. */
  private readonly follows = new Map<string, string>();

  constructor(
    private readonly runs: RunsService,
    private readonly options: RunsWatchOptions,
  ) {}

  private static key(connection: Connection, pipelineName: string): string {
    return JSON.stringify([connectionKey(connection), pipelineName]);
  }

  /**
   * Starts (or joins) polling of a pipeline for a view; a view watches one pipeline at a time. A view
   * asking again for what it already watches wants a fresh look: the pipeline is polled now.
   */
  watch(viewId: string, connection: Connection, pipelineName: string): RunPoller {
    const key = RunsWatch.key(connection, pipelineName);
    const again = this.viewKeys.get(viewId) === key;
    if (!again) this.unwatch(viewId);
    let entry = this.watched.get(key);
    if (again && entry) {
      entry.poller.refresh();
      return entry.poller;
    }
    if (!entry) {
      const poller = new RunPoller(
        {
          getState: () => this.runs.getState(connection, pipelineName),
          listRecent: () => this.runs.listRuns(connection, pipelineName, { pageSize: RECENT_RUNS }),
          progress: (id, rules) => this.runs.getRunProgress(connection, pipelineName, id, rules),
        },
        {
          ...(this.options.clock ? { clock: this.options.clock } : {}),
          ...(this.options.timing ? { timing: this.options.timing } : {}),
          ...(this.options.random ? { random: this.options.random } : {}),
          onUpdate: (update) => this.options.onUpdate(pipelineName, connection, update),
          onAttention: (attention) => this.options.onAttention?.(pipelineName, attention),
        },
      );
      entry = { poller, connection, views: new Set() };
      this.watched.set(key, entry);
      poller.start();
    } else if (entry.poller.last) {
      // A view joining late gets the latest state at once instead of waiting for the next poll.
      this.options.onUpdate(pipelineName, connection, entry.poller.last);
    }
    entry.views.add(viewId);
    this.viewKeys.set(viewId, key);
    this.applyVisibility(entry);
    this.applyFollows(entry);
    return entry.poller;
  }

  unwatch(viewId: string): void {
    const key = this.viewKeys.get(viewId);
    if (key === undefined) return;
    this.viewKeys.delete(viewId);
    this.hidden.delete(viewId);
    this.follows.delete(viewId);
    const entry = this.watched.get(key);
    if (!entry) return;
    entry.views.delete(viewId);
    if (entry.views.size === 0) {
      entry.poller.stop();
      this.watched.delete(key);
    } else {
      this.applyVisibility(entry);
      this.applyFollows(entry);
    }
  }

  /** The run whose timeline a view shows (null: none), read while it goes as its state moves. */
  follow(viewId: string, pipelineExecutionId: string | null): void {
    if (pipelineExecutionId === null) this.follows.delete(viewId);
    else this.follows.set(viewId, pipelineExecutionId);
    const key = this.viewKeys.get(viewId);
    const entry = key === undefined ? undefined : this.watched.get(key);
    if (entry) this.applyFollows(entry);
  }

  private applyFollows(entry: Watched): void {
    const ids = new Set<string>();
    for (const view of entry.views) {
      const id = this.follows.get(view);
      if (id !== undefined) ids.add(id);
    }
    entry.poller.setFollowed(ids);
  }

  /** A view's window was hidden or shown; without a view, every view's. */
  setVisible(visible: boolean, viewId?: string): void {
    const views = viewId === undefined ? [...this.viewKeys.keys()] : [viewId];
    for (const view of views) {
      if (visible) this.hidden.delete(view);
      else this.hidden.add(view);
    }
    for (const entry of this.watched.values()) this.applyVisibility(entry);
  }

  private applyVisibility(entry: Watched): void {
    entry.poller.setVisible([...entry.views].some((view) => !this.hidden.has(view)));
  }

  /** Polls a pipeline now (after a control), when it is watched. */
  refresh(connection: Connection, pipelineName: string): void {
    this.watched.get(RunsWatch.key(connection, pipelineName))?.poller.refresh();
  }

  /**
   * The embedded sandbox changed (it says so on every change, without naming the pipeline): the
   * pollers of pipelines in it look soon instead of at their next poll.
   */
  embeddedSandboxChanged(): void {
    for (const { connection, poller } of this.watched.values())
      if (connection.kind === "sandbox" && connection.endpoint === undefined) poller.nudge();
  }

  /** Pollers running, for tests and the bench. */
  get size(): number {
    return this.watched.size;
  }

  dispose(): void {
    for (const { poller } of this.watched.values()) poller.stop();
    this.watched.clear();
    this.viewKeys.clear();
    this.follows.clear();
  }
}
