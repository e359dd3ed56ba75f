/**
 * A rehearsal: the pipeline run once in a private sandbox with a what-if scenario, at the speed of
 * the simulation (a ManualClock runs every timer at once), reported as the rehearsed run's result,
 * its path and its history.
 *
 * Rollback needs an earlier run that succeeded in the stage. A rehearsal provides one the way a
 * pipeline that has shipped before has one: CreatePipeline starts a first run (as the service
 * does), and the rehearsal lets it run with everything succeeding (actions, condition rules and
 * manual approvals) before it starts the rehearsed run with the what-if's outcomes. Stages that
 * baseline run could not succeed in (a VariableCheck decides for itself) have no rollback target,
 * and the result says so in its notes.
 *
 * In the rehearsed run, manual approvals are approved unless the scenario answers them (a rule
 * with `outcome: "fail"` is a rejection), since nobody is there to answer them.
 *
 * A rollback redeploys what the target execution deployed, which worked then; so rollback runs
 * keep the what-if's durations but not its failures (every outcome succeeds). The rehearsed run
 * has ended when its rollback starts (rollback is not available in PARALLEL mode), so the switch
 * touches nothing else.
 */
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import {
  checkExpectations,
  parseExpect,
  type RehearsalExpect,
  type RehearsalResult,
} from "../../shared/rehearse";
import { validatePipeline, type Diagnostic } from "../../shared/validate";
import { isActive, runsOf } from "../sandbox/execution-queries";
import { parseScenario, type Scenario } from "../sandbox/scenario";
import type { ExecutionRecord, PipelineRecord } from "../sandbox/records";
import { collectRuns } from "./history";
import { PathRecorder } from "./path-recorder";
import { openPrivateSandbox, RehearsalCallError, type PrivateSandbox } from "./private-sandbox";

/** How far the clock moves per step, and how many steps before a run is given up as stuck. */
const STEP_MS = 7 * 24 * 3600 * 1000;
const MAX_STEPS = 600;

/** The pipeline has errors AWS would refuse it for; nothing was run. */
export class RehearsalInvalidPipeline extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`The pipeline has ${diagnostics.length} error(s); fix them before rehearsing`);
    this.name = "RehearsalInvalidPipeline";
  }
}

/** The what-if scenario is not one (bad JSON shape, an unknown member…). */
export class RehearsalScenarioError extends Error {
  override readonly name = "RehearsalScenarioError";
}

/** A what-if split into what the sandbox plays and what the rehearsal checks. */
export interface WhatIf {
  scenario: Scenario;
  expect?: RehearsalExpect;
  variables?: Record<string, string>;
}

/** Reads a what-if scenario (the `pipewright sandbox --scenario` format plus `expect` and `variables`). */
export function parseWhatIf(value: unknown): WhatIf {
  try {
    const { expect, variables, ...scenario } = parseScenario(value ?? {});
    return {
      scenario,
      ...(expect === undefined ? {} : { expect: parseExpect(expect) }),
      ...(variables === undefined ? {} : { variables }),
    };
  } catch (error) {
    throw new RehearsalScenarioError((error as Error).message);
  }
}

/** A rollback's scenario: the what-if's timings, every outcome a success. */
function rollbackScenario(scenario: Scenario): Scenario {
  const succeed = <T extends { outcome?: "succeed" | "fail" | undefined; errorMessage?: string | undefined }>(
    rule: T,
  ): T => {
    const { errorMessage: _dropped, ...rest } = rule;
    return { ...rest, ...(rule.outcome === undefined ? {} : { outcome: "succeed" }) } as T;
  };
  const defaults = Object.fromEntries(
    Object.entries(scenario.defaults ?? {}).map(([k, v]) => [k, succeed(v)]),
  );
  return withApprovalDefault({
    ...scenario,
    defaults,
    rules: (scenario.rules ?? []).map(succeed),
    conditionRules: (scenario.conditionRules ?? []).map(succeed),
  });
}

/** The rehearsed run's scenario: the what-if, with approvals approved unless it answers them. */
function withApprovalDefault(scenario: Scenario): Scenario {
  const approval = scenario.defaults?.Approval;
  return { ...scenario, defaults: { ...scenario.defaults, Approval: { outcome: "succeed", ...approval } } };
}

/** CreatePipeline: a refusal the validator did not foresee is still the pipeline's fault. */
function createPipeline(sandbox: PrivateSandbox, pipeline: PipelineDeclaration): void {
  try {
    sandbox.call("CreatePipeline", { pipeline });
  } catch (error) {
    if (!(error instanceof RehearsalCallError)) throw error;
    throw new RehearsalInvalidPipeline([
      { code: "service-refused", severity: "error", path: [], message: `${error.type}: ${error.message}` },
    ]);
  }
}

/** StartPipelineExecution with the what-if's variables: a refusal is the scenario's fault. */
function startRehearsedRun(
  sandbox: PrivateSandbox,
  name: string,
  variables: { name: string; value: string }[],
): Record<string, unknown> {
  try {
    return sandbox.call("StartPipelineExecution", { name, ...(variables.length > 0 ? { variables } : {}) });
  } catch (error) {
    if (!(error instanceof RehearsalCallError)) throw error;
    throw new RehearsalScenarioError(`The rehearsed run could not start: ${error.message}`);
  }
}

function runToEnd(sandbox: PrivateSandbox, pipeline: PipelineRecord): void {
  for (let step = 0; step < MAX_STEPS && pipeline.executions.some(isActive); step++) sandbox.advance(STEP_MS);
}

function baselineNotes(baseline: ExecutionRecord | undefined): string[] {
  if (!baseline) return ["No baseline run was started, so no stage can be rolled back."];
  if (baseline.status === "Succeeded") return [];
  const missed = baseline.stages.filter((s) => s.status !== "Succeeded").map((s) => s.name);
  return [
    `The baseline run (everything succeeding) ended ${baseline.status}${baseline.statusSummary ? ` (${baseline.statusSummary})` : ""}; ` +
      `stages it did not succeed in have no earlier successful execution to roll back to: ${missed.join(", ")}`,
  ];
}

function stageResults(
  pipeline: PipelineRecord,
  rehearsed: ExecutionRecord,
  result: Pick<RehearsalResult, "events">,
) {
  return rehearsed.stages.map((stage) => {
    const rollback = pipeline.executions.find(
      (e) =>
        e.executionType === "ROLLBACK" &&
        e.trigger.triggerDetail === rehearsed.id &&
        e.onlyStage === stage.name,
    );
    const refused = stage.status === "Skipped" || stage.failedCondition === "BEFORE_ENTRY";
    const attempts =
      stage.status === undefined || refused ? 0 : 1 + (stage.autoRetries ?? 0) + stage.manualRetries;
    const retry = [...result.events]
      .reverse()
      .find((e) => e.kind === "stage-retried" && e.stage === stage.name && e.executionId === rehearsed.id);
    return {
      name: stage.name,
      status: stage.status ?? null,
      attempts,
      rolledBack: rollback !== undefined,
      ...(rollback?.rollbackTargetId === undefined
        ? {}
        : { rollbackTargetExecutionId: rollback.rollbackTargetId }),
      ...(retry?.retryMode === undefined ? {} : { retryMode: retry.retryMode }),
    };
  });
}

function actionResults(pipeline: PipelineRecord, rehearsed: ExecutionRecord) {
  const attempts = new Map<string, number>();
  return runsOf(pipeline, rehearsed).map((run) => {
    const key = JSON.stringify([run.stageName, run.actionName]);
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const message = run.output.executionResult.errorDetails?.message;
    return {
      stage: run.stageName,
      name: run.actionName,
      status: run.status,
      resolvedConfiguration: { ...run.input.resolvedConfiguration },
      outputVariables: { ...run.output.outputVariables },
      ...(message === undefined ? {} : { errorMessage: message }),
      attempt,
    };
  });
}

/**
 * Rehearses `pipeline` with the what-if `scenario` (raw JSON; absent: everything succeeds).
 * Throws RehearsalInvalidPipeline when validation finds errors, RehearsalScenarioError for a bad
 * scenario; everything else the run does is in the result.
 */
export function rehearsePipeline(pipeline: PipelineDeclaration, scenario?: unknown): RehearsalResult {
  const whatIf = parseWhatIf(scenario);
  const errors = validatePipeline(pipeline).filter((d) => d.severity === "error");
  if (errors.length > 0) throw new RehearsalInvalidPipeline(errors);
  const sandbox = openPrivateSandbox();
  const recorder = new PathRecorder(
    sandbox.state,
    () => sandbox.clock.now(),
    (role) => role === "rollback" && sandbox.scenario.set(rollbackScenario(whatIf.scenario)),
  );
  sandbox.onChange = () => recorder.observe();
  try {
    // The baseline answers its manual approvals too: unanswered, an approval waits 7 days and
    // expires, and every stage after it would have nothing to roll back to.
    sandbox.scenario.set(withApprovalDefault({}));
    createPipeline(sandbox, pipeline);
    const record = sandbox.state.pipelines[0] as PipelineRecord;
    runToEnd(sandbox, record);
    const baseline = record.executions[0];
    recorder.start();
    sandbox.scenario.set(withApprovalDefault(whatIf.scenario));
    const variables = Object.entries(whatIf.variables ?? {}).map(([name, value]) => ({ name, value }));
    const started = startRehearsedRun(sandbox, record.name, variables);
    runToEnd(sandbox, record);
    const rehearsed = record.executions.find((e) => e.id === started.pipelineExecutionId) as ExecutionRecord;
    const events = recorder.events;
    const partial = { events };
    const result: RehearsalResult = {
      pipelineName: record.name,
      status: rehearsed.status,
      stages: stageResults(record, rehearsed, partial),
      actions: actionResults(record, rehearsed),
      events,
      runs: collectRuns(sandbox, record, (id) => recorder.roleOf(id)),
      durationMs: events.length > 0 ? (events[events.length - 1]?.atMs ?? 0) : 0,
      notes: baselineNotes(baseline),
    };
    return whatIf.expect ? { ...result, expectations: checkExpectations(whatIf.expect, result) } : result;
  } finally {
    sandbox.close();
  }
}
