/**
 * What simulated actions do. A scenario sets per-category defaults and rules matching a
 * pipeline, stage and/or action; more specific rules win, later rules win among equals. It comes
 * from a JSON file (`--scenario`) or from the embedding code (`sandbox.scenario.set(...)`).
 *
 * Example file:
 *   { "defaults": { "Build": { "durationSeconds": 90 } },
 *     "rules": [ { "pipeline": "web", "stage": "Test", "action": "E2E", "outcome": "fail",
 *                  "errorMessage": "3 tests failed" } ] }
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const outcomeFields = {
  durationSeconds: z.number().min(0).max(31_536_000).optional(),
  outcome: z.enum(["succeed", "fail"]).optional(),
  errorMessage: z.string().max(5000).optional(),
  summary: z.string().max(2048).optional(),
  externalExecutionUrl: z.string().max(2048).optional(),
  outputVariables: z.record(z.string(), z.string()).optional(),
};

const outcomeSchema = z.object(outcomeFields).strict();
const ruleSchema = z
  .object({
    pipeline: z.string().optional(),
    stage: z.string().optional(),
    action: z.string().optional(),
    ...outcomeFields,
  })
  .strict();
const scenarioSchema = z
  .object({
    defaults: z.partialRecord(
      z.enum(["Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"]),
      outcomeSchema,
    ),
    rules: z.array(ruleSchema),
  })
  .partial()
  .strict();

export type ActionOutcomeOverride = z.infer<typeof outcomeSchema>;
export type ScenarioRule = z.infer<typeof ruleSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;

/** The decided behaviour of one action execution. */
export interface PlannedOutcome {
  durationSeconds: number;
  /** Undefined only for approvals left to PutApprovalResult. */
  outcome?: "succeed" | "fail";
  errorMessage?: string;
  summary?: string;
  externalExecutionUrl?: string;
  outputVariables: Record<string, string>;
}

/** Simulated seconds per category when nothing overrides them: short, but ordered like reality. */
const DEFAULT_SECONDS: Readonly<Record<string, number>> = {
  Source: 4,
  Build: 60,
  Test: 45,
  Deploy: 40,
  Invoke: 10,
  Compute: 30,
  Approval: 0,
};

/** Throws an Error naming the first problem when `value` is not a scenario. */
export function parseScenario(value: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "(root)";
    throw new Error(`Invalid scenario at ${where}: ${issue?.message ?? "unknown problem"}`);
  }
  return parsed.data;
}

export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read scenario file: ${path} (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Scenario file is not valid JSON: ${path} (${(error as Error).message})`);
  }
  return parseScenario(json);
}

function specificity(rule: ScenarioRule): number {
  return (
    Number(rule.pipeline !== undefined) + Number(rule.stage !== undefined) + Number(rule.action !== undefined)
  );
}

function applyOverride(target: PlannedOutcome, override: ActionOutcomeOverride): void {
  if (override.durationSeconds !== undefined) target.durationSeconds = override.durationSeconds;
  if (override.outcome !== undefined) target.outcome = override.outcome;
  if (override.errorMessage !== undefined) target.errorMessage = override.errorMessage;
  if (override.summary !== undefined) target.summary = override.summary;
  if (override.externalExecutionUrl !== undefined)
    target.externalExecutionUrl = override.externalExecutionUrl;
  if (override.outputVariables !== undefined) {
    target.outputVariables = Object.fromEntries([
      ...Object.entries(target.outputVariables),
      ...Object.entries(override.outputVariables),
    ]);
  }
}

/** Holds the active scenario and answers "what does this action do now". */
export class ScenarioBook {
  private scenario: Scenario = {};

  constructor(initial?: Scenario) {
    if (initial) this.scenario = initial;
  }

  /** Replaces the scenario; validated, so a bad one is refused rather than half-applied. */
  set(scenario: unknown): void {
    this.scenario = parseScenario(scenario);
  }

  get(): Scenario {
    return this.scenario;
  }

  /** Adds one rule after the others (it wins among equally specific rules). */
  addRule(rule: ScenarioRule): void {
    const parsed = parseScenario({ rules: [rule] }).rules ?? [];
    this.scenario = { ...this.scenario, rules: [...(this.scenario.rules ?? []), ...parsed] };
  }

  plan(pipeline: string, stage: string, action: string, category: string): PlannedOutcome {
    const planned: PlannedOutcome = {
      durationSeconds: DEFAULT_SECONDS[category] ?? 30,
      outputVariables: {},
    };
    if (category !== "Approval") planned.outcome = "succeed";
    const defaults = this.scenario.defaults;
    const categoryDefault =
      defaults && Object.hasOwn(defaults, category) ? defaults[category as "Build"] : undefined;
    if (categoryDefault) applyOverride(planned, categoryDefault);
    const matching = (this.scenario.rules ?? [])
      .map((rule, index) => ({ rule, index }))
      .filter(
        ({ rule }) =>
          (rule.pipeline === undefined || rule.pipeline === pipeline) &&
          (rule.stage === undefined || rule.stage === stage) &&
          (rule.action === undefined || rule.action === action),
      )
      .sort((a, b) => specificity(a.rule) - specificity(b.rule) || a.index - b.index);
    for (const { rule } of matching) applyOverride(planned, rule);
    return planned;
  }
}
