/**
 * `npm run bench [-- <suite>...] [--json FILE]`: prints performance numbers. Tests never assert
 * timings; this is where they are measured, each suite printing its targets beside its results and
 * recording its figures, which end in one table (the README's performance section shows it) and,
 * with `--json FILE`, in a JSON file with the method of every figure.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { runCliBench } from "./cli-bench";
import { runDesignerBench } from "./designer-bench";
import { runDomainBench } from "./domain-bench";
import { runFleetBench } from "./fleet-bench";
import { runHistoryBench } from "./history-bench";
import { runLayoutBench } from "./layout-bench";
import { beginSuite, machine, recorded, table } from "./report";
import { runRunsBench } from "./runs-bench";
import { runSandboxBench } from "./sandbox-bench";
import { runShellBench } from "./shell-bench";
import { runSandboxStoreBench } from "./sandbox-store-bench";
import { runTypingBench } from "./typing-bench";
import { runWatchBench } from "./watch-bench";

const suites: Record<string, () => unknown> = {
  cli: runCliBench,
  domain: runDomainBench,
  layout: runLayoutBench,
  sandbox: runSandboxBench,
  store: runSandboxStoreBench,
  shell: runShellBench,
  designer: runDesignerBench,
  runs: runRunsBench,
  history: runHistoryBench,
  watch: runWatchBench,
  fleet: runFleetBench,
  typing: runTypingBench,
};

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && jsonFile === undefined) {
  process.stderr.write("Usage: npm run bench -- [suite...] [--json FILE]\n");
  process.exit(2);
}
const only = args.filter((a, i) => !a.startsWith("-") && (jsonAt < 0 || i !== jsonAt + 1));
const unknown = only.filter((name) => !(name in suites));
if (unknown.length > 0) {
  process.stderr.write(`Unknown suite: ${unknown.join(", ")} (suites: ${Object.keys(suites).join(", ")})\n`);
  process.exit(2);
}

const started = new Date();
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  beginSuite(name);
  await run();
}

console.log(`\n# Summary\n\n${table(recorded(), started)}\n`);
if (jsonFile !== undefined) {
  const body = { date: started.toISOString(), machine: machine(), figures: recorded() };
  await writeFile(resolve(jsonFile), `${JSON.stringify(body, null, 2)}\n`);
  console.log(`Wrote ${recorded().length} figures to ${jsonFile}`);
}
