import { exportPipeline, parseDocument } from "../../shared/formats";
import { validateDocument } from "../../shared/validate";
import { generatePipeline } from "./generate";
import { atMost, record } from "./report";

/** Median of `runs` timings of `work`, in milliseconds, after a warm-up. */
export function medianMs(work: () => void, runs: number): number {
  for (let i = 0; i < Math.min(5, runs); i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** The user's path through the domain: open a file, check it, export it. */
function roundTrip(text: string): void {
  const { document } = parseDocument(text);
  if (!document) throw new Error("generated pipeline did not parse");
  validateDocument(document);
  const exported = exportPipeline(document, { pipelineType: "V2" });
  if (exported.text === undefined) throw new Error("generated pipeline did not export");
}

/** Parse + validate + export at 10, 100 and 500 actions and the 50 x 50 stress case. */
export function runDomainBench(): void {
  console.log("\n# Domain: parse + validate + export (median ms)");
  const sizes = [10, 100, 500];
  const medians = new Map<number, number>();
  for (const size of sizes) {
    const text = JSON.stringify({ pipeline: generatePipeline(size) }, null, 2) + "\n";
    const ms = medianMs(() => roundTrip(text), size >= 500 ? 60 : 200);
    medians.set(size, ms);
    console.log(`actions=${size}\tbytes=${text.length}\tmedian=${ms.toFixed(3)} ms\ttarget(500)<20 ms`);
  }
  record({
    name: "parse + validate + export, 500 actions",
    value: medians.get(500)!,
    unit: "ms",
    target: "< 20 ms",
    met: atMost(medians.get(500)!, 20),
    method: "median of 60 runs after warm-up, in Node",
  });
  const t10 = medians.get(10)!;
  const t100 = medians.get(100)!;
  const t500 = medians.get(500)!;
  // Growth per 10x: measured directly from 10 -> 100, and 100 -> 500 scaled to a 10x step.
  console.log(`growth 10->100 actions (10x): ${(t100 / t10).toFixed(2)}x time (target <= 12x)`);
  console.log(
    `growth 100->500 actions, per 10x: ${Math.pow(t500 / t100, 1 / Math.log10(5)).toFixed(2)}x time (target <= 12x)`,
  );
  const stress = JSON.stringify({ pipeline: generatePipeline(2500, 50) }, null, 2) + "\n";
  console.log(
    `stress 50 stages x 50 actions (2,500 actions, ${(stress.length / 1024).toFixed(0)} KB): median=${medianMs(() => roundTrip(stress), 15).toFixed(2)} ms`,
  );
}
