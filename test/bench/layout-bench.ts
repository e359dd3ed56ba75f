import { hitTest, layout } from "../../shared/layout";
import { medianMs } from "./domain-bench";
import { generatePipeline } from "./generate";
import { record } from "./report";

/** Canvas layout of large documents, and hit testing over the stress layout. */
export function runLayoutBench(): void {
  console.log("\n# Layout: layout(document) (median ms)");
  const p500 = generatePipeline(500);
  const stress = generatePipeline(2500, 50);
  const t500 = medianMs(() => layout(p500), 100);
  const tStress = medianMs(() => layout(stress), 30);
  console.log(`actions=500\tmedian=${t500.toFixed(3)} ms`);
  record({
    name: "layout, 500 actions",
    value: t500,
    unit: "ms",
    method: "median of 100 runs of layout(), in Node",
  });
  console.log(
    `actions=2500 (50x50)\tmedian=${tStress.toFixed(3)} ms\tgrowth for 5x actions: ${(tStress / t500).toFixed(2)}x`,
  );
  const laid = layout(stress);
  const perCall = medianMs(() => {
    for (let i = 0; i < 1000; i++) hitTest(laid, { x: (i * 37) % laid.bounds.width, y: 100 });
  }, 20);
  console.log(
    `hitTest over ${laid.dropZones.length} zones: ${((perCall / 1000) * 1000).toFixed(2)} µs per call`,
  );
}
