/**
 * Records the execution fixtures shared/execution is tested against: it starts the local sandbox on
 * a manual clock (so every timestamp is reproducible), drives one scenario per file through the real
 * `@aws-sdk/client-codepipeline` client, and writes the raw response bodies of GetPipeline,
 * GetPipelineState, ListPipelineExecutions, GetPipelineExecution and ListActionExecutions — the JSON
 * exactly as it crossed the wire, epoch-second timestamps included — to
 * test/fixtures/executions/<scenario>.json.
 *
 * Run: npx tsx scripts/record-executions.ts   (then commit the output)
 *
 * A snapshot is everything the runs view would have fetched at one moment; several snapshots per
 * scenario capture in-flight states (a run in progress, an approval waiting, a stop in progress).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SCENARIOS, type ScenarioSpec } from "./recording/scenarios";
import { Session, type Fixture } from "./recording/session";

const here = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = resolve(here, "../test/fixtures/executions");

async function record(spec: ScenarioSpec): Promise<Fixture> {
  const session = await Session.open(spec.pipelineName, spec.rules);
  try {
    await spec.run(session);
  } finally {
    await session.close();
  }
  return {
    scenario: spec.scenario,
    description: spec.description,
    pipelineName: spec.pipelineName,
    runs: session.runs,
    snapshots: session.snapshots,
  };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(OUT_DIR, { recursive: true });
  for (const spec of SCENARIOS) {
    if (only.length > 0 && !only.includes(spec.scenario)) continue;
    const fixture = await record(spec);
    const path = resolve(OUT_DIR, `${spec.scenario}.json`);
    writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`);
    const runs = Object.keys(fixture.runs).length;
    process.stdout.write(
      `${spec.scenario}: ${runs} run(s), ${fixture.snapshots.length} snapshot(s) -> ${path}\n`,
    );
  }
}

await main();
