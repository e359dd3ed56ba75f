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
  views: Set<string>;
}

export class RunsWatch {
  private readonly watched = new Map<string, Watched>();
  private readonly viewKeys = new Map<string, string>();
  /** Views whose window is hidden; a pipeline polls slowly only when all its views are. */
  private readonly hidden = new Set<string>();

  constructor(
    private readonly runs: RunsService,
    private readonly options: RunsWatchOptions,
  ) {}

  private static key(connection: Connection, pipelineName: string): string {
    return JSON.stringify([connectionKey(connection), pipelineName]);
  }

  /** Starts (or joins) polling of a pipeline for a view; a view watches one pipeline at a time. */
  watch(viewId: string, connection: Connection, pipelineName: string): RunPoller {
    const key = RunsWatch.key(connection, pipelineName);
    if (this.viewKeys.get(viewId) !== key) this.unwatch(viewId);
    let entry = this.watched.get(key);
    if (!entry) {
      const poller = new RunPoller(
        {
          getState: () => this.runs.getState(connection, pipelineName),
          listRecent: () => this.runs.listRuns(connection, pipelineName, { pageSize: RECENT_RUNS }),
        },
        {
          ...(this.options.clock ? { clock: this.options.clock } : {}),
          ...(this.options.timing ? { timing: this.options.timing } : {}),
          ...(this.options.random ? { random: this.options.random } : {}),
          onUpdate: (update) => this.options.onUpdate(pipelineName, connection, update),
          onAttention: (attention) => this.options.onAttention?.(pipelineName, attention),
        },
      );
      entry = { poller, views: new Set() };
      this.watched.set(key, entry);
      poller.start();
    } else if (entry.poller.last) {
      // A view joining late gets the latest state at once instead of waiting for the next poll.
      this.options.onUpdate(pipelineName, connection, entry.poller.last);
    }
    entry.views.add(viewId);
    this.viewKeys.set(viewId, key);
    this.applyVisibility(entry);
    return entry.poller;
  }

  unwatch(viewId: string): void {
    const key = this.viewKeys.get(viewId);
    if (key === undefined) return;
    this.viewKeys.delete(viewId);
    this.hidden.delete(viewId);
    const entry = this.watched.get(key);
    if (!entry) return;
    entry.views.delete(viewId);
    if (entry.views.size === 0) {
      entry.poller.stop();
      this.watched.delete(key);
    } else this.applyVisibility(entry);
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

  /** Pollers running, for tests and the bench. */
  get size(): number {
    return this.watched.size;
  }

  dispose(): void {
    for (const { poller } of this.watched.values()) poller.stop();
    this.watched.clear();
    this.viewKeys.clear();
  }
}
