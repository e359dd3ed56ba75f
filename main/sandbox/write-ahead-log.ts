/**
 * The write-ahead log: segment files `wal-<generation>.log` of one commit per line, each line
 * `<crc32 hex> <json>\n`. A commit is acknowledged only after its line is written and
 * fdatasync'ed, so a crash can lose only commits nobody was told about; the checksum tells a line
 * torn by a crash (the last one, never acknowledged) from damage anywhere else.
 */
import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, truncateSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { CommitRecord } from "./change-ops";

const SEGMENT = /^wal-(\d{8})\.log$/;

export function segmentName(generation: number): string {
  return `wal-${String(generation).padStart(8, "0")}.log`;
}

/** The generations of the segments in `dataDir`, ascending. */
export function listSegments(dataDir: string): number[] {
  return readdirSync(dataDir)
    .map((name) => SEGMENT.exec(name)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, "0");
}

/** One commit as a log line. */
export function frame(commit: CommitRecord): string {
  const json = JSON.stringify(commit);
  return `${checksum(json)} ${json}\n`;
}

export interface SegmentRead {
  commits: CommitRecord[];
  /** Byte length of the whole, intact lines read. */
  goodBytes: number;
  /** Set when a line after `goodBytes` could not be read: why. */
  damage?: string;
  /** True when the damage is only an unfinished last line (a crash in the middle of a write). */
  tornTail: boolean;
}

/** Reads a segment up to its first bad line. */
export function readSegment(path: string): SegmentRead {
  const buffer = readFileSync(path);
  const commits: CommitRecord[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const end = buffer.indexOf(0x0a, offset);
    if (end < 0) return { commits, goodBytes: offset, damage: "unfinished last line", tornTail: true };
    const line = buffer.toString("utf8", offset, end);
    const space = line.indexOf(" ");
    const json = line.slice(space + 1);
    let commit: CommitRecord | undefined;
    if (space === 8 && checksum(json) === line.slice(0, 8)) {
      try {
        commit = JSON.parse(json) as CommitRecord;
      } catch {
        commit = undefined;
      }
    }
    if (!commit || !Array.isArray(commit.o) || typeof commit.c !== "number") {
      // A bad line that nothing follows is a torn write too (its newline made it, its bytes not all).
      return {
        commits,
        goodBytes: offset,
        damage: `bad line at byte ${offset}`,
        tornTail: end + 1 >= buffer.length,
      };
    }
    commits.push(commit);
    offset = end + 1;
  }
  return { commits, goodBytes: offset, tornTail: false };
}

/** Cuts a torn last line off, so the next line written follows an intact one. */
export function truncateSegment(path: string, bytes: number): void {
  truncateSync(path, bytes);
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a directory entry (a new or renamed file) durable. */
export function syncDirectory(dataDir: string): void {
  const fd = openSync(dataDir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The segment commits are appended to. */
export class LogSegment {
  private constructor(
    readonly generation: number,
    private readonly handle: FileHandle,
    public bytes: number,
  ) {}

  /** Opens (creating if need be) the segment of `generation` for appending. */
  static async open(dataDir: string, generation: number): Promise<LogSegment> {
    const handle = await open(join(dataDir, segmentName(generation)), "a");
    const { size } = await handle.stat();
    // The new file's directory entry must survive a crash before any commit in it is acknowledged.
    syncDirectory(dataDir);
    return new LogSegment(generation, handle, size);
  }

  /** Appends and waits until the lines are on disk. */
  async append(lines: string): Promise<void> {
    const data = Buffer.from(lines, "utf8");
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
    await this.handle.datasync();
    this.bytes += data.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
