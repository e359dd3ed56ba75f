/**
 * `npm run bench`: prints performance numbers. Tests never assert timings; this is where they are
 * measured, each suite printing its targets beside its results.
 */
import { runDesignerBench } from "./designer-bench";
import { runDomainBench } from "./domain-bench";
import { runLayoutBench } from "./layout-bench";
import { runRunsBench } from "./runs-bench";
import { runSandboxBench } from "./sandbox-bench";
import { runShellBench } from "./shell-bench";
import { runTypingBench } from "./typing-bench";
import { runWatchBench } from "./watch-bench";

const suites: Record<string, () => unknown> = {
  domain: runDomainBench,
  layout: runLayoutBench,
  sandbox: runSandboxBench,
  shell: runShellBench,
  designer: runDesignerBench,
  runs: runRunsBench,
  typing: runTypingBench,
  watch: runWatchBench,
};

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
