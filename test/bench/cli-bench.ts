/**
 * CLI benchmark: cold starts of `pipewright validate one-file.json` beside `node -e 0` (the floor no
 * Node program starts under), interleaved in one run so both see the same machine load; and what
 * `npx pipewright` adds, beside `npm --version` (npm's own start, which every npx pays). Printed with
 * the targets; never asserted.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../main/host/renderer-build";
import { atMost, record } from "./report";

const ROUNDS = 15;
const NPX_ROUNDS = 5;
const TARGET_RATIO = 3;
const FILE = join("test", "fixtures", "aws", "s3-codedeploy.json");

/** Wall time of one run of a command, in milliseconds; throws when it fails. */
function time(command: string, args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${run.stderr.toString()}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function runCliBench(): void {
  console.log(
    `\n# CLI: cold start, median of ${ROUNDS} interleaved runs (target validate <= ${TARGET_RATIO}x node -e 0)`,
  );
  const bin = join("bin", "pipewright.js");
  // One start first, so a stale bundle is rebuilt outside the timed runs.
  time(process.execPath, [bin, "--version"]);
  // PIPEWRIGHT_BENCH_BEFORE=<another checkout>: its CLI is timed in the same rounds, for a before/after.
  const before = process.env["PIPEWRIGHT_BENCH_BEFORE"];
  const beforeBin = before ? join(before, "bin", "pipewright.js") : undefined;
  const samples = {
    node: [] as number[],
    validate: [] as number[],
    version: [] as number[],
    before: [] as number[],
  };
  for (let i = 0; i < ROUNDS; i++) {
    samples.node.push(time(process.execPath, ["-e", "0"]));
    samples.validate.push(time(process.execPath, [bin, "validate", FILE]));
    samples.version.push(time(process.execPath, [bin, "--version"]));
    if (beforeBin)
      samples.before.push(time(process.execPath, [beforeBin, "validate", join(PROJECT_ROOT, FILE)]));
  }
  const node = median(samples.node);
  const validate = median(samples.validate);
  const ratio = validate / node;
  console.log(`  node -e 0                         ${node.toFixed(0)} ms`);
  console.log(`  pipewright --version              ${median(samples.version).toFixed(0)} ms`);
  console.log(
    `  pipewright validate one-file.json ${validate.toFixed(0)} ms = ${ratio.toFixed(2)}x node -e 0`,
  );
  if (before) {
    const was = median(samples.before);
    console.log(`    before (${before}): ${was.toFixed(0)} ms = ${(was / node).toFixed(2)}x node -e 0`);
    record({
      name: "`pipewright validate one-file.json` cold start, before",
      value: was / node,
      unit: "x node -e 0",
      method: `the same rounds with ${before}/bin/pipewright.js (${was.toFixed(0)} ms)`,
    });
  }
  record({
    name: "`pipewright validate one-file.json` cold start",
    value: ratio,
    unit: "x node -e 0",
    target: `<= ${TARGET_RATIO}x`,
    met: atMost(ratio, TARGET_RATIO),
    method: `median wall time of ${ROUNDS} runs of \`node bin/pipewright.js validate ${FILE}\` over the median of \`node -e 0\`, interleaved (${validate.toFixed(0)} vs ${node.toFixed(0)} ms)`,
  });

  const npx = {
    pipewright: [] as number[],
    npm: [] as number[],
    direct: [] as number[],
    run: [] as number[],
  };
  for (let i = 0; i < NPX_ROUNDS; i++) {
    npx.npm.push(time("npm", ["--version"]));
    npx.pipewright.push(time("npx", ["--no-install", "pipewright", "validate", FILE]));
    npx.run.push(time("npm", ["run", "--silent", "cli", "--", "validate", FILE]));
    npx.direct.push(time(process.execPath, [bin, "validate", FILE]));
  }
  const added = median(npx.pipewright) - median(npx.direct);
  const npm = median(npx.npm);
  console.log(
    `  npx pipewright validate           ${median(npx.pipewright).toFixed(0)} ms: npx adds ${added.toFixed(0)} ms over node bin/pipewright.js; npm's own start (npm --version) is ${npm.toFixed(0)} ms`,
  );
  console.log(
    `  npm run cli -- validate           ${median(npx.run).toFixed(0)} ms (npm's start, no dependency tree read)`,
  );
  console.log(
    "    (npm 11 runs a project's own bin by linking the project into its npx cache and reading the whole dependency tree first; that part is npm's)",
  );
  record({
    name: "what `npx pipewright` adds to a start",
    value: added,
    unit: "ms",
    target: `npm's own start: ${npm.toFixed(0)} ms`,
    method: `median of ${NPX_ROUNDS} \`npx --no-install pipewright validate\` minus median of \`node bin/pipewright.js validate\`, interleaved with \`npm --version\``,
  });
}
