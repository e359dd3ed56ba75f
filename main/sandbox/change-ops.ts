/**
 * The write-ahead log's vocabulary: what changed, record by record, and how a change is applied
 * again on start. Every op puts a whole value (never a delta), so applying a commit twice, or
 * over a snapshot that already holds it, gives the same state.
 */
import type { PartitionData } from "./partition-records";
import type { PipelineRecord } from "./records";

/** Everything the sandbox persists. */
export interface DurableRoot {
  /** Simulated time at the last commit; a reloaded clock starts no earlier. */
  clockMs: number;
  partitions: PartitionData[];
}

/** A pipeline's members other than its versions and record collections. */
export type PipelineHead = Record<string, unknown> & { name: string };
/** A partition's members other than its pipelines. */
export type PartitionHead = Record<string, unknown>;

export type ChangeOp =
  /** The partition's head (seq, action types, webhooks…); makes the partition if it is new. */
  | { t: "part"; a: string; r: string; h: PartitionHead }
  /** A pipeline's head; with `fresh`, the pipeline is new and replaces any of the same name. */
  | { t: "pipe"; p: string; n: string; h: PipelineHead; fresh?: true }
  /** The pipeline was deleted. */
  | { t: "drop"; p: string; n: string }
  /** Version `i + 1` of the pipeline's declaration. */
  | { t: "ver"; p: string; n: string; i: number; v: unknown }
  /** A record of collection `c` (executions, actionRuns…), put by its `id`. */
  | { t: "rec"; p: string; n: string; c: string; r: { id: string } }
  /** Records of collection `c` that are gone (history bounds). */
  | { t: "del"; p: string; n: string; c: string; ids: string[] };

/** One group commit: a line of the log. */
export interface CommitRecord {
  /** Commit number, increasing. */
  c: number;
  /** Simulated clock at the commit. */
  k: number;
  o: ChangeOp[];
}

/** The collections records.ts defines; other arrays of `{id}` objects are found by shape. */
export const KNOWN_COLLECTIONS: readonly string[] = [
  "executions",
  "actionRuns",
  "conditionChecks",
  "ruleRuns",
];

export function partitionKey(accountId: string, region: string): string {
  return `${accountId}/${region}`;
}

type Indexed = Record<string, unknown>;

/** Lookups kept while applying a log, so replaying a long one stays linear. */
export class ReplayIndex {
  private readonly partitions = new Map<string, PartitionData>();
  private readonly pipelines = new Map<string, Map<string, PipelineRecord>>();
  private readonly records = new WeakMap<unknown[], Map<string, number>>();

  constructor(private readonly root: DurableRoot) {
    for (const data of root.partitions) this.partitions.set(partitionKey(data.accountId, data.region), data);
  }

  partition(key: string): PartitionData {
    const data = this.partitions.get(key);
    if (!data) throw new Error(`log refers to an unknown partition ${key}`);
    return data;
  }

  private pipelineMap(key: string): Map<string, PipelineRecord> {
    let map = this.pipelines.get(key);
    if (!map) {
      map = new Map(this.partition(key).state.pipelines.map((p) => [p.name, p]));
      this.pipelines.set(key, map);
    }
    return map;
  }

  pipeline(key: string, name: string): PipelineRecord {
    const pipeline = this.pipelineMap(key).get(name);
    if (!pipeline) throw new Error(`log refers to an unknown pipeline ${key}/${name}`);
    return pipeline;
  }

  apply(op: ChangeOp): void {
    switch (op.t) {
      case "part": {
        const key = partitionKey(op.a, op.r);
        let data = this.partitions.get(key);
        if (!data) {
          data = {
            accountId: op.a,
            region: op.r,
            state: { pipelines: [], seq: 0, clockMs: 0 },
            customActionTypes: [],
            integrationActionTypes: [],
            webhooks: [],
          };
          this.root.partitions.push(data);
          this.partitions.set(key, data);
        }
        const { state, ...rest } = op.h as { state?: Indexed };
        Object.assign(data, structuredClone(rest));
        Object.assign(data.state, structuredClone(state ?? {}));
        return;
      }
      case "pipe": {
        const data = this.partition(op.p);
        const map = this.pipelineMap(op.p);
        let pipeline = map.get(op.n);
        if (op.fresh || !pipeline) {
          const old = pipeline;
          pipeline = {
            versions: [],
            ...Object.fromEntries(KNOWN_COLLECTIONS.map((c) => [c, []])),
          } as unknown as PipelineRecord;
          // A pipeline made anew (deleted and created again) goes last, where CreatePipeline puts it.
          data.state.pipelines = [...data.state.pipelines.filter((p) => p !== old), pipeline];
          map.set(op.n, pipeline);
        }
        Object.assign(pipeline, structuredClone(op.h));
        return;
      }
      case "drop": {
        const data = this.partition(op.p);
        const map = this.pipelineMap(op.p);
        const pipeline = map.get(op.n);
        if (!pipeline) return;
        data.state.pipelines = data.state.pipelines.filter((p) => p !== pipeline);
        map.delete(op.n);
        return;
      }
      case "ver": {
        const pipeline = this.pipeline(op.p, op.n);
        pipeline.versions[op.i] = structuredClone(op.v) as PipelineRecord["versions"][number];
        return;
      }
      case "rec": {
        const list = this.collection(op.p, op.n, op.c);
        const positions = this.positions(list);
        const at = positions.get(op.r.id);
        const record = structuredClone(op.r);
        if (at === undefined) {
          positions.set(op.r.id, list.length);
          list.push(record);
        } else {
          list[at] = record;
        }
        return;
      }
      case "del": {
        const pipeline = this.pipeline(op.p, op.n) as unknown as Indexed;
        const list = this.collection(op.p, op.n, op.c);
        const gone = new Set(op.ids);
        const kept = list.filter((r) => !gone.has((r as { id: string }).id));
        pipeline[op.c] = kept;
        return;
      }
    }
  }

  private collection(key: string, name: string, collection: string): unknown[] {
    const pipeline = this.pipeline(key, name) as unknown as Indexed;
    let list = pipeline[collection];
    if (!Array.isArray(list)) {
      list = [];
      pipeline[collection] = list;
    }
    return list as unknown[];
  }

  private positions(list: unknown[]): Map<string, number> {
    let map = this.records.get(list);
    if (!map) {
      map = new Map(list.map((r, i) => [(r as { id: string }).id, i]));
      this.records.set(list, map);
    }
    return map;
  }
}
