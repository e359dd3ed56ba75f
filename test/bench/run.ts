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
import { runSandboxStoreBench } from "./sandbox-store-bench";
import { runTypingBench } from "./typing-bench";

const suites: Record<string, () => void | Promise<void>> = {
  domain: runDomainBench,
  layout: runLayoutBench,
  sandbox: runSandboxBench,
  store: runSandboxStoreBench,
  shell: runShellBench,
  designer: runDesignerBench,
  runs: runRunsBench,
  typing: runTypingBench,
};

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
