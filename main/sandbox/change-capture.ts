/**
 * Finds what changed since the last commit, as ChangeOps, without serialising the whole state.
 *
 * Nothing in the engine reports which record it changed, so the tracker compares. To keep a
 * commit proportional to what changed rather than to history, it relies on where changes can
 * happen: a record still open (an execution, action, rule or check `InProgress` or `Stopping`) is
 * compared whole every commit; a closed record is compared by identity, status and
 * lastUpdateTime, and only in pipelines a request named (retrying an old failed run reopens it);
 * new records are found at the end of their collection. Timers only ever finish open records,
 * so a pipeline nobody asked about and with nothing open cannot have changed.
 *
 * The sandbox's own tests run every scenario with `verify` on, which replays each commit onto a
 * shadow copy and compares it with memory: a change this tracker missed fails the test that made
 * it, whichever part of the engine made it.
 */
import { KNOWN_COLLECTIONS, partitionKey, type ChangeOp, type DurableRoot } from "./change-ops";
import type { PartitionData } from "./partition-records";
import type { PipelineRecord } from "./records";

/** Statuses after which a record no longer changes by itself. */
const CLOSED = new Set([
  "Succeeded",
  "Failed",
  "Stopped",
  "Superseded",
  "Cancelled",
  "Abandoned",
  "Skipped",
  "Errored",
  "Overridden",
]);

type Item = Record<string, unknown> & { id: string };

interface TrackedRecord {
  ref: Item;
  status: unknown;
  lastUpdateTime: unknown;
  /** The JSON last logged, kept only while the record is open. */
  json: string | undefined;
  seen: number;
}

interface TrackedCollection {
  ref: unknown[];
  length: number;
  byId: Map<string, TrackedRecord>;
  open: Map<string, TrackedRecord>;
}

interface TrackedPipeline {
  name: string;
  head: string;
  versionsRef: unknown[];
  versions: number;
  collections: Map<string, TrackedCollection>;
}

interface TrackedPartition {
  head: string;
  pipelines: Map<PipelineRecord, TrackedPipeline>;
  /** Pipelines with open records at the last commit: timers may change them. */
  active: Set<PipelineRecord>;
}

/** Which pipelines a batch of requests changed: names, or every pipeline of the partition. */
export type Touched = Set<string> | "all";

function isOpen(record: Item): boolean {
  return typeof record.status === "string" && !CLOSED.has(record.status);
}

function isCollection(key: string, value: unknown): value is Item[] {
  if (!Array.isArray(value) || key === "versions") return false;
  if (KNOWN_COLLECTIONS.includes(key)) return true;
  const first: unknown = value[0];
  return typeof first === "object" && first !== null && typeof (first as Item).id === "string";
}

/**
 * Whether records were added to a pipeline nobody named and that had nothing open: the engine
 * may start a run of one pipeline from another's action. Lengths only, so it costs next to nothing.
 */
function grew(pipeline: PipelineRecord, t: TrackedPipeline): boolean {
  if (pipeline.versions !== t.versionsRef || pipeline.versions.length !== t.versions) return true;
  for (const [name, c] of t.collections) {
    const list = (pipeline as unknown as Record<string, unknown>)[name];
    if (list !== c.ref || (list as unknown[]).length !== c.length) return true;
  }
  return false;
}

function pipelineHead(pipeline: PipelineRecord): Record<string, unknown> & { name: string } {
  const head: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pipeline)) {
    if (key !== "versions" && !isCollection(key, value)) head[key] = value;
  }
  return head as Record<string, unknown> & { name: string };
}

function partitionHead(data: PartitionData): Record<string, unknown> {
  const { state, ...rest } = data;
  const { pipelines: _pipelines, ...stateRest } = state;
  return { ...rest, state: stateRest };
}

export class ChangeTracker {
  private readonly partitions = new Map<string, TrackedPartition>();
  private epoch = 0;
  /** While true, records are only remembered: closed ones are not even serialised. */
  private baseline = false;

  /** Marks everything in `root` as logged (after loading it from disk). */
  constructor(root?: DurableRoot) {
    if (!root) return;
    this.baseline = true;
    for (const data of root.partitions) this.capturePartition(data, "all", []);
    this.baseline = false;
  }

  /** The ops that bring the log up to date with `data`, given what requests touched. */
  capturePartition(data: PartitionData, touched: Touched, ops: ChangeOp[]): void {
    const key = partitionKey(data.accountId, data.region);
    let tracked = this.partitions.get(key);
    const headJson = JSON.stringify(partitionHead(data));
    if (!tracked) {
      tracked = { head: "", pipelines: new Map(), active: new Set() };
      this.partitions.set(key, tracked);
    }
    if (headJson !== tracked.head) {
      ops.push({ t: "part", a: data.accountId, r: data.region, h: partitionHead(data) });
      tracked.head = headJson;
    }
    const current = new Set(data.state.pipelines);
    for (const [pipeline, t] of tracked.pipelines) {
      if (current.has(pipeline)) continue;
      tracked.pipelines.delete(pipeline);
      tracked.active.delete(pipeline);
      // A pipeline of the same name made in the same batch is logged fresh below.
      if (!data.state.pipelines.some((p) => p.name === t.name)) ops.push({ t: "drop", p: key, n: t.name });
    }
    const active = new Set<PipelineRecord>();
    for (const pipeline of data.state.pipelines) {
      const t = tracked.pipelines.get(pipeline);
      const named = touched === "all" || touched.has(pipeline.name);
      if (t && !named && !tracked.active.has(pipeline) && !grew(pipeline, t)) continue;
      if (this.capturePipeline(key, pipeline, t, named, tracked, ops)) active.add(pipeline);
    }
    tracked.active = active;
  }

  /** Returns whether the pipeline has open records afterwards. */
  private capturePipeline(
    key: string,
    pipeline: PipelineRecord,
    existing: TrackedPipeline | undefined,
    full: boolean,
    partition: TrackedPartition,
    ops: ChangeOp[],
  ): boolean {
    const head = pipelineHead(pipeline);
    const headJson = JSON.stringify(head);
    let t = existing;
    if (!t || t.name !== pipeline.name) {
      t = { name: pipeline.name, head: "", versionsRef: [], versions: 0, collections: new Map() };
      partition.pipelines.set(pipeline, t);
      ops.push({ t: "pipe", p: key, n: pipeline.name, h: head, fresh: true });
      t.head = headJson;
    } else if (headJson !== t.head) {
      ops.push({ t: "pipe", p: key, n: pipeline.name, h: head });
      t.head = headJson;
    }
    const versions = pipeline.versions as unknown[];
    const from = versions === t.versionsRef && versions.length >= t.versions ? t.versions : 0;
    for (let i = from; i < versions.length; i++) {
      ops.push({ t: "ver", p: key, n: pipeline.name, i, v: versions[i] });
    }
    t.versionsRef = versions;
    t.versions = versions.length;
    let open = false;
    for (const [name, value] of Object.entries(pipeline)) {
      if (!isCollection(name, value)) continue;
      let c = t.collections.get(name);
      if (!c) {
        c = { ref: value, length: 0, byId: new Map(), open: new Map() };
        t.collections.set(name, c);
      }
      const narrow = !full && value === c.ref && value.length >= c.length;
      if (narrow) this.scanOpen(key, pipeline.name, name, value, c, ops);
      else this.scanAll(key, pipeline.name, name, value, c, ops);
      if (c.open.size > 0) open = true;
    }
    return open;
  }

  /**
   * Ops hold the live record: the commit line is serialised in the same tick as the capture, so
   * it shows the record exactly as compared here.
   */
  private put(key: string, name: string, collection: string, record: Item, ops: ChangeOp[]): void {
    if (!this.baseline) ops.push({ t: "rec", p: key, n: name, c: collection, r: record });
  }

  private track(c: TrackedCollection, record: Item, json: string | undefined): TrackedRecord {
    const open = isOpen(record);
    const tracked: TrackedRecord = {
      ref: record,
      status: record.status,
      lastUpdateTime: record.lastUpdateTime,
      json: open ? (json ?? JSON.stringify(record)) : undefined,
      seen: this.epoch,
    };
    c.byId.set(record.id, tracked);
    if (open) c.open.set(record.id, tracked);
    else c.open.delete(record.id);
    return tracked;
  }

  /** Re-checks one known record; logs it when it changed. */
  private recheck(
    key: string,
    name: string,
    collection: string,
    c: TrackedCollection,
    t: TrackedRecord,
    record: Item,
    ops: ChangeOp[],
  ): void {
    t.seen = this.epoch;
    if (
      t.ref === record &&
      t.json === undefined &&
      t.status === record.status &&
      t.lastUpdateTime === record.lastUpdateTime
    ) {
      return; // closed and untouched
    }
    const json = JSON.stringify(record);
    if (json !== t.json) this.put(key, name, collection, record, ops);
    this.track(c, record, json);
  }

  /** Open records and new ones at the end: all a timer can have changed. */
  private scanOpen(
    key: string,
    name: string,
    collection: string,
    list: Item[],
    c: TrackedCollection,
    ops: ChangeOp[],
  ): void {
    this.epoch += 1;
    for (const t of [...c.open.values()]) this.recheck(key, name, collection, c, t, t.ref, ops);
    this.appendNew(key, name, collection, list, c, c.length, ops);
  }

  private appendNew(
    key: string,
    name: string,
    collection: string,
    list: Item[],
    c: TrackedCollection,
    from: number,
    ops: ChangeOp[],
  ): void {
    for (let i = from; i < list.length; i++) {
      const record = list[i] as Item;
      const t = c.byId.get(record.id);
      if (t) {
        this.recheck(key, name, collection, c, t, record, ops);
        continue;
      }
      this.put(key, name, collection, record, ops);
      this.track(c, record, undefined);
    }
    c.length = list.length;
  }

  /** Every record, and any that disappeared. */
  private scanAll(
    key: string,
    name: string,
    collection: string,
    list: Item[],
    c: TrackedCollection,
    ops: ChangeOp[],
  ): void {
    this.epoch += 1;
    const before = c.byId.size;
    let matched = 0;
    for (const record of list) {
      const t = c.byId.get(record.id);
      if (t && t.seen !== this.epoch) {
        matched += 1;
        this.recheck(key, name, collection, c, t, record, ops);
      }
    }
    if (matched < before) {
      const gone: string[] = [];
      for (const [id, t] of c.byId) {
        if (t.seen === this.epoch) continue;
        gone.push(id);
        c.byId.delete(id);
        c.open.delete(id);
      }
      if (gone.length > 0) ops.push({ t: "del", p: key, n: name, c: collection, ids: gone });
    }
    c.ref = list;
    c.length = 0;
    // Records not matched above are new: log them in collection order.
    for (const record of list) {
      if (c.byId.has(record.id)) continue;
      this.put(key, name, collection, record, ops);
      this.track(c, record, undefined);
    }
    c.length = list.length;
  }
}
