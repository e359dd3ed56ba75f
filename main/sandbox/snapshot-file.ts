/**
 * The snapshot: the whole state as of a log generation, in `state.json`, written atomically
 * (temp file, fsync, rename, directory fsync) so a crash leaves the old snapshot or the new one,
 * never half of one. It carries a schema version. An older version is migrated on start (the
 * original kept beside it); a newer one, or one that cannot be read, is set aside with a message
 * and never overwritten, so nobody silently loses run history.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { DurableRoot } from "./change-ops";
import { emptyPartitionData, type PartitionData } from "./partition-records";
import type { SandboxState } from "./records";
import { syncDirectory } from "./write-ahead-log";

export const STATE_FILE = "state.json";
/** 1: one region's state (`{format: 1, state}`); 2: partitions and a write-ahead log. */
export const SCHEMA_VERSION = 2;

/**
 * An array of records, each an object with these string members. Checked in one plain loop: a
 * zod object per record made a restart with a full history 150 ms slower.
 */
function records(...members: string[]) {
  return z
    .custom<Record<string, unknown>[]>((value) => Array.isArray(value), { message: "Expected array" })
    .superRefine((list, ctx) => {
      for (const [index, item] of list.entries()) {
        const record = item as Record<string, unknown> | null;
        const missing =
          typeof record !== "object" || record === null
            ? "(record)"
            : members.find((m) => typeof record[m] !== "string");
        if (missing === undefined) continue;
        ctx.addIssue({ code: "custom", message: `Expected a string ${missing}`, path: [index, missing] });
        return;
      }
    });
}

const record = records("id", "executionId", "status");

/** The envelope and collections; records inside are the sandbox's own output (see records.ts). */
const pipelineSchema = z
  .object({
    name: z.string(),
    arn: z.string(),
    versions: z.array(z.object({ name: z.string(), stages: z.array(z.unknown()) }).loose()).min(1),
    created: z.number(),
    updated: z.number(),
    tags: z.array(z.object({ key: z.string(), value: z.string() })),
    transitions: z.array(z.object({ stageName: z.string() }).loose()),
    executions: records("id", "status"),
    actionRuns: record,
    clientTokens: z.array(z.object({ token: z.string(), executionId: z.string() })),
    // Absent from files written before stage conditions were simulated.
    conditionChecks: record.default([]),
    ruleRuns: record.default([]),
  })
  .loose();

const stateSchema = z
  .object({ seq: z.number().int().nonnegative(), clockMs: z.number(), pipelines: z.array(pipelineSchema) })
  .loose();

const version1 = z.object({ format: z.literal(1), state: stateSchema });

const version2 = z.object({
  schemaVersion: z.literal(2),
  generation: z.number().int().nonnegative(),
  clockMs: z.number(),
  partitions: z.array(
    z
      .object({
        accountId: z.string(),
        region: z.string(),
        state: stateSchema,
        customActionTypes: z.array(z.object({ id: z.object({ provider: z.string() }).loose() }).loose()),
        integrationActionTypes: z.array(
          z.object({ declaration: z.object({ id: z.object({}).loose() }).loose() }).loose(),
        ),
        webhooks: z.array(z.object({ definition: z.object({ name: z.string() }).loose() }).loose()),
      })
      .loose(),
  ),
});

export interface SnapshotLoad {
  root: DurableRoot;
  /** The log generation the snapshot is current up to: segments from it on are replayed. */
  generation: number;
  /** Set when the file was in an older format and has been migrated; the note to show. */
  migrated?: string;
  /** Set when the file was set aside (newer schema or unreadable); the note to show. */
  setAside?: string;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

/** Renames `path` to `<path>.<label>-<time>` without ever clobbering an earlier copy. */
export function moveAside(path: string, label: string, now: Date): string {
  const aside = freeName(path, label, now);
  renameSync(path, aside);
  return aside;
}

function freeName(path: string, label: string, now: Date): string {
  let aside = `${path}.${label}-${stamp(now)}`;
  for (let n = 1; existsSync(aside); n++) aside = `${path}.${label}-${stamp(now)}-${n}`;
  return aside;
}

/** Copies `path` beside itself, durably, leaving the original in place until it is replaced. */
function keepCopy(path: string, label: string, now: Date): string {
  const copy = freeName(path, label, now);
  copyFileSync(path, copy);
  const fd = openSync(copy, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return copy;
}

/**
 * The state a format-1 file describes: one account and region, taken from its pipelines' ARNs
 * (the sandbox wrote them), else the defaults it ran with.
 */
function migrateVersion1(state: SandboxState, defaults: { accountId: string; region: string }): DurableRoot {
  const arn = /^arn:[^:]+:codepipeline:([^:]+):(\d{12}):/.exec(state.pipelines[0]?.arn ?? "");
  const data: PartitionData = {
    ...emptyPartitionData(arn?.[2] ?? defaults.accountId, arn?.[1] ?? defaults.region),
    state: { ...state, clockMs: 0 },
  };
  return { clockMs: state.clockMs, partitions: [data] };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "unexpected content"}`;
}

/** Reads `state.json`; the caller replays the log from the generation it names. */
export function loadSnapshot(
  dataDir: string,
  defaults: { accountId: string; region: string },
  now: Date = new Date(),
): SnapshotLoad {
  const path = join(dataDir, STATE_FILE);
  const empty = { root: { clockMs: 0, partitions: [] }, generation: 0 };
  if (!existsSync(path)) return empty;
  const text = readFileSync(path, "utf8");
  let problem: string | undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    parsed = undefined;
    problem = (error as Error).message;
  }
  const declared = (parsed as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (typeof declared === "number" && declared > SCHEMA_VERSION) {
    const aside = moveAside(path, "newer", now);
    return {
      ...empty,
      setAside: `The sandbox state was written by a newer Pipewright (schema version ${declared}; this one reads up to ${SCHEMA_VERSION}). It has been set aside, not changed, and the sandbox starts empty. Kept as: ${aside}`,
    };
  }
  const v2 = version2.safeParse(parsed);
  if (v2.success) {
    const { generation, clockMs, partitions } = v2.data;
    return { root: { clockMs, partitions: partitions as unknown as PartitionData[] }, generation };
  }
  const v1 = version1.safeParse(parsed);
  if (v1.success) {
    const root = migrateVersion1(v1.data.state as unknown as SandboxState, defaults);
    // The original stays in place until the migrated snapshot replaces it (the store writes it).
    const original = keepCopy(path, "format1", now);
    return {
      root,
      generation: 0,
      migrated: `The sandbox state was in an older format (format 1) and has been migrated to schema version ${SCHEMA_VERSION}. The original is kept as: ${original}`,
    };
  }
  problem ??= typeof declared === "number" ? firstIssue(v2.error) : firstIssue(v1.error);
  const aside = moveAside(path, "corrupt", now);
  return {
    ...empty,
    setAside: `The sandbox state file was unreadable and has been moved aside; starting with an empty state. Kept as: ${aside} (${problem})`,
  };
}

/** Writes a snapshot text (see {@link snapshotText}) atomically. */
export async function writeSnapshot(dataDir: string, text: string): Promise<void> {
  const target = join(dataDir, STATE_FILE);
  const temp = `${target}.tmp-${process.pid}`;
  try {
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    syncDirectory(dataDir);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** writeSnapshot for start-up, before the server answers anything. */
export function writeSnapshotSync(dataDir: string, text: string): void {
  const target = join(dataDir, STATE_FILE);
  const temp = `${target}.tmp-${process.pid}`;
  try {
    const fd = openSync(temp, "w");
    try {
      const data = Buffer.from(text, "utf8");
      for (let written = 0; written < data.length;) written += writeSync(fd, data, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    syncDirectory(dataDir);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    throw error;
  }
}

/** The snapshot text: serialised in one go, so it shows one instant of the state. */
export function snapshotText(root: DurableRoot, generation: number): string {
  return JSON.stringify({
    schemaVersion: SCHEMA_VERSION,
    generation,
    clockMs: root.clockMs,
    partitions: root.partitions,
  });
}
