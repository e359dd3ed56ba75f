/**
 * CPU profiles of a page through the Chrome DevTools protocol, summarised as the functions with the
 * most self time: enough to see what dominates without opening DevTools.
 */
import type { Page } from "playwright-core";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The protocol's `Profiler.Profile`, as far as the summary reads it. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Starts sampling the page's main thread; `stop()` returns the profile. */
export async function startProfile(page: Page): Promise<{ stop(): Promise<CpuProfile> }> {
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 100 });
  await session.send("Profiler.start");
  return {
    async stop() {
      const { profile } = (await session.send("Profiler.stop")) as { profile: CpuProfile };
      await session.detach();
      return profile;
    },
  };
}

function frameName(frame: CallFrame): string {
  const file = frame.url.split("/").pop() ?? "";
  const name = frame.functionName === "" ? "(anonymous)" : frame.functionName;
  return file === "" ? name : `${name} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}

/** Self and total (self plus callees) milliseconds per function name. */
function timePerFunction(profile: CpuProfile): { self: Map<string, number>; total: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    // A sample's time is the delta to the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (leaf === undefined) return;
    const leafName = frameName(leaf.callFrame);
    self.set(leafName, (self.get(leafName) ?? 0) + ms);
    // A recursive function is on the stack more than once but spends the time once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined) break;
      const name = frameName(node.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  return { self, total };
}

const NOT_WORK = new Set(["(idle)", "(program)", "(root)", "(garbage collector)"]);

function printTop(title: string, times: Map<string, number>, busy: number, top: number): void {
  console.log(`    ${title}:`);
  const rows = [...times.entries()]
    .filter(([name]) => !NOT_WORK.has(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [name, ms] of rows) {
    console.log(
      `      ${ms.toFixed(1).padStart(7)} ms  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${name}`,
    );
  }
}

/** Prints the `top` functions by self time and by total time, with their share of the busy time. */
export function printHotFunctions(profile: CpuProfile, top: number): void {
  const { self, total } = timePerFunction(profile);
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = (self.get("(idle)") ?? 0) + (self.get("(program)") ?? 0);
  const busy = all - idle;
  const gc = self.get("(garbage collector)") ?? 0;
  console.log(
    `    profile: ${busy.toFixed(0)} ms busy of ${all.toFixed(0)} ms (garbage collection ${gc.toFixed(0)} ms)`,
  );
  printTop("most self time", self, busy, top);
  printTop("most total time", total, busy, top);
}
