/**
 * What simulated actions do. A scenario sets per-category defaults and rules matching a
 * pipeline, stage and/or action; more specific rules win, later rules win among equals. It comes
 * from a JSON file (`--scenario`) or from the embedding code (`sandbox.scenario.set(...)`).
 *
 * Stage-condition rules have their own list, `conditionRules`, matched by pipeline, stage, hook
 * (`condition`), rule name and provider, so an action rule such as `{ "stage": "Deploy",
 * "outcome": "fail" }` keeps meaning what it meant before conditions were simulated.
 *
 * Example file:
 *   { "defaults": { "Build": { "durationSeconds": 90 } },
 *     "rules": [ { "pipeline": "web", "stage": "Test", "action": "E2E", "outcome": "fail",
 *                  "errorMessage": "3 tests failed" } ],
 *     "conditionRules": [ { "stage": "Deploy", "rule": "AlarmCheck", "outcome": "fail",
 *                           "errorMessage": "Alarm HighErrors is in ALARM" } ] }
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
    // Only the Nth execution of the action in a run (1: the first, 2: after a retry), so a
    // scenario can fail an action once and let the retry succeed.
    attempt: z.number().int().min(1).max(1000).optional(),
    ...outcomeFields,
  })
  .strict();
const conditionRuleSchema = z
  .object({
    pipeline: z.string().optional(),
    stage: z.string().optional(),
    condition: z.enum(["beforeEntry", "onSuccess", "onFailure"]).optional(),
    rule: z.string().optional(),
    provider: z.string().optional(),
    durationSeconds: outcomeFields.durationSeconds,
    outcome: outcomeFields.outcome,
    errorMessage: outcomeFields.errorMessage,
    summary: outcomeFields.summary,
    externalExecutionUrl: outcomeFields.externalExecutionUrl,
  })
  .strict();
/** Which host a CodeConnections connection reaches, as CodeConnections' ProviderType names it. */
const connectionSchema = z
  .object({
    connectionArn: z.string(),
    providerType: z.enum(["Bitbucket", "GitHub", "GitHubEnterpriseServer", "GitLab", "GitLabSelfManaged"]),
  })
  .strict();
const scenarioSchema = z
  .object({
    defaults: z.partialRecord(
      z.enum(["Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"]),
      outcomeSchema,
    ),
    rules: z.array(ruleSchema),
    conditionRules: z.array(conditionRuleSchema),
    connections: z.array(connectionSchema),
    // A what-if saved beside a pipeline also says what the run must do and the variables it starts
    // with; `pipewright rehearse` reads both (main/rehearse), the sandbox ignores them.
    expect: z.unknown(),
    variables: z.record(z.string(), z.string()),
  })
  .partial()
  .strict();

export type ActionOutcomeOverride = z.infer<typeof outcomeSchema>;
export type ScenarioRule = z.infer<typeof ruleSchema>;
export type ScenarioConditionRule = z.infer<typeof conditionRuleSchema>;
/** The stage hook a condition rule runs in, as the pipeline declaration names it. */
export type ConditionHook = "beforeEntry" | "onSuccess" | "onFailure";
export type Scenario = z.infer<typeof scenarioSchema>;
export type ConnectionProviderType = z.infer<typeof connectionSchema>["providerType"];

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

/** The decided behaviour of one rule execution (VariableCheck decides its outcome itself). */
export interface PlannedRuleOutcome {
  durationSeconds: number;
  outcome: "succeed" | "fail";
  errorMessage?: string;
  summary?: string;
  externalExecutionUrl?: string;
}

/** Where a scenario condition rule applies. */
export interface RuleSite {
  pipeline: string;
  stage: string;
  condition: ConditionHook;
  rule: string;
  provider: string;
}

/** Simulated seconds per rule provider: a variable check is instant, a build is not. */
const DEFAULT_RULE_SECONDS: Readonly<Record<string, number>> = {
  VariableCheck: 1,
  DeploymentWindow: 1,
  CloudWatchAlarm: 5,
  LambdaInvoke: 10,
  Commands: 30,
  CodeBuild: 60,
};

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

function conditionRuleMatches(rule: ScenarioConditionRule, site: RuleSite): boolean {
  return (
    (rule.pipeline === undefined || rule.pipeline === site.pipeline) &&
    (rule.stage === undefined || rule.stage === site.stage) &&
    (rule.condition === undefined || rule.condition === site.condition) &&
    (rule.rule === undefined || rule.rule === site.rule) &&
    (rule.provider === undefined || rule.provider === site.provider)
  );
}

function conditionRuleSpecificity(rule: ScenarioConditionRule): number {
  return [rule.pipeline, rule.stage, rule.condition, rule.rule, rule.provider].filter((m) => m !== undefined)
    .length;
}

function specificity(rule: ScenarioRule): number {
  return (
    Number(rule.pipeline !== undefined) +
    Number(rule.stage !== undefined) +
    Number(rule.action !== undefined) +
    Number(rule.attempt !== undefined)
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

  /** Adds one condition rule after the others (it wins among equally specific rules). */
  addConditionRule(rule: ScenarioConditionRule): void {
    const parsed = parseScenario({ conditionRules: [rule] }).conditionRules ?? [];
    this.scenario = {
      ...this.scenario,
      conditionRules: [...(this.scenario.conditionRules ?? []), ...parsed],
    };
  }

  /** The host a connection reaches; GitHub unless the scenario says otherwise. */
  connectionProvider(connectionArn: string): ConnectionProviderType {
    const found = (this.scenario.connections ?? []).filter((c) => c.connectionArn === connectionArn).at(-1);
    return found?.providerType ?? "GitHub";
  }

  /** What one rule of a stage condition does now: succeeds after its provider's time by default. */
  planRule(site: RuleSite): PlannedRuleOutcome {
    const planned: PlannedRuleOutcome = {
      durationSeconds: DEFAULT_RULE_SECONDS[site.provider] ?? 10,
      outcome: "succeed",
    };
    const matching = (this.scenario.conditionRules ?? [])
      .map((rule, index) => ({ rule, index }))
      .filter(({ rule }) => conditionRuleMatches(rule, site))
      .sort(
        (a, b) => conditionRuleSpecificity(a.rule) - conditionRuleSpecificity(b.rule) || a.index - b.index,
      );
    for (const { rule } of matching) {
      if (rule.durationSeconds !== undefined) planned.durationSeconds = rule.durationSeconds;
      if (rule.outcome !== undefined) planned.outcome = rule.outcome;
      if (rule.errorMessage !== undefined) planned.errorMessage = rule.errorMessage;
      if (rule.summary !== undefined) planned.summary = rule.summary;
      if (rule.externalExecutionUrl !== undefined) planned.externalExecutionUrl = rule.externalExecutionUrl;
    }
    return planned;
  }

  /** What an action does; `attempt` counts its executions in the run (1 for the first). */
  plan(pipeline: string, stage: string, action: string, category: string, attempt = 1): PlannedOutcome {
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
          (rule.action === undefined || rule.action === action) &&
          (rule.attempt === undefined || rule.attempt === attempt),
      )
      .sort((a, b) => specificity(a.rule) - specificity(b.rule) || a.index - b.index);
    for (const { rule } of matching) applyOverride(planned, rule);
    return planned;
  }
}
