/**
 * What the benches measured, collected as they print: every suite records its figures here, and the
 * runner prints them as one table at the end and, with `--json FILE`, writes them with their methods.
 */
import { cpus, totalmem } from "node:os";

/** One number a bench measured, with how it was measured. */
export interface Figure {
  /** The suite that measured it (set by the runner). */
  suite?: string;
  name: string;
  value: number;
  unit: string;
  /** The target as the issue states it, e.g. "<= 2" or "<= 1.2x bare React Flow". */
  target?: string;
  /** Whether the target is met; absent for figures without a checkable target. */
  met?: boolean;
  /** How it was measured: what was timed, between which events, how many samples, compared with what. */
  method: string;
}

const figures: Figure[] = [];
let currentSuite = "";

/** Records one figure of the suite that is running. */
export function record(figure: Figure): void {
  figures.push({ suite: currentSuite, ...figure });
}

/** Called by the runner before each suite. */
export function beginSuite(name: string): void {
  currentSuite = name;
}

export function recorded(): readonly Figure[] {
  return figures;
}

/** `value <= limit` for a target, as a `met` field. */
export function atMost(value: number, limit: number): boolean {
  return Number.isFinite(value) && value <= limit;
}

/** The machine the numbers come from, for the report's header. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
}

function formatValue(f: Figure): string {
  if (!Number.isFinite(f.value)) return "—";
  const digits = Math.abs(f.value) >= 100 || Number.isInteger(f.value) ? 0 : Math.abs(f.value) >= 10 ? 1 : 2;
  return `${f.value.toFixed(digits)} ${f.unit}`;
}

/** The summary table (Markdown), as the README's performance section shows it. */
export function table(rows: readonly Figure[], date = new Date()): string {
  const lines = [
    `Measured ${date.toISOString().slice(0, 10)} on ${machine()}.`,
    "",
    "| suite | what | measured | target | met |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      (f) =>
        `| ${f.suite ?? ""} | ${f.name} | ${formatValue(f)} | ${f.target ?? ""} | ${f.met === undefined ? "" : f.met ? "yes" : "**no**"} |`,
    ),
  ];
  return lines.join("\n");
}
