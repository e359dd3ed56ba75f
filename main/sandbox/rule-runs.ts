/**
 * One simulated rule execution of a stage condition: its input as ListRuleExecutions shows it
 * (configuration with `#{...}` variables resolved, as for actions), the link a real provider would
 * give, and its outcome. VariableCheck rules are decided from their configuration; every other
 * provider does what the scenario says (succeed by default).
 */
import type { RuleDeclaration } from "../../shared/pipeline/model";
import { inputArtifactDetails } from "./action-runs";
import type { ActionRunRecord, RuleRunRecord } from "./records";
import { fakeHex, type RunContext } from "./run-context";
import type { PlannedRuleOutcome } from "./scenario";
import { resolveConfiguration, unresolvedMessage } from "./variables";

/** ExecutionSummary allows 2048 characters and ErrorDetails.message 5000; rule values allow 10000. */
const SUMMARY_MAX = 2048;
const MESSAGE_MAX = 5000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A rule execution's input; `unresolved` lists references nothing answered (the rule then fails). */
export function ruleInput(
  rule: RuleDeclaration,
  ctx: RunContext,
  runs: readonly ActionRunRecord[],
): { input: RuleRunRecord["input"]; unresolved: string[] } {
  const configuration = rule.configuration ?? {};
  const region = rule.region ?? ctx.region;
  const resolution = resolveConfiguration(configuration, ctx, runs);
  const input: RuleRunRecord["input"] = {
    ruleTypeId: { ...rule.ruleTypeId },
    configuration: { ...configuration },
    region,
    inputArtifacts: inputArtifactDetails(rule.inputArtifacts ?? [], ctx, runs, region),
  };
  if (resolution.unresolved.length === 0) input.resolvedConfiguration = resolution.configuration;
  if (rule.roleArn !== undefined) input.roleArn = rule.roleArn;
  return { input, unresolved: resolution.unresolved };
}

/** The external execution a provider would report: an alarm's or a function's console page. */
export function ruleProviderExecution(
  rule: RuleDeclaration,
  region: string,
  runId: string,
): RuleRunRecord["output"]["executionResult"] {
  const config = rule.configuration ?? {};
  const id = `${fakeHex(8, runId)}-${fakeHex(4, runId, "r")}`;
  const console = `https://${region}.console.aws.amazon.com`;
  switch (rule.ruleTypeId.provider) {
    case "CloudWatchAlarm":
      return config.AlarmName === undefined
        ? { externalExecutionId: id }
        : {
            externalExecutionId: id,
            externalExecutionUrl: `${console}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(config.AlarmName)}`,
          };
    case "LambdaInvoke":
      return config.FunctionName === undefined
        ? { externalExecutionId: id }
        : {
            externalExecutionId: id,
            externalExecutionUrl: `${console}/lambda/home?region=${region}#/functions/${encodeURIComponent(config.FunctionName)}`,
          };
    default:
      return { externalExecutionId: id };
  }
}

export interface RuleVerdict {
  passed: boolean;
  /** Why, in the words the run's history shows. */
  message: string;
}

const UNRESOLVED = /#\{[^}]*\}/;

/**
 * A VariableCheck rule (UG rule-reference-VariableCheck): `Variable` compared with `Value` by
 * `Operator` — EQ, NE, CONTAINS (substring) or MATCHES (a regular expression the whole value must
 * match, as Java's String.matches does). A reference no variable answers fails the rule rather
 * than being compared as text.
 */
export function checkVariable(resolved: Readonly<Record<string, string>>): RuleVerdict {
  const variable = resolved.Variable;
  const value = resolved.Value ?? "";
  const operator = resolved.Operator;
  if (variable === undefined) return { passed: false, message: "The rule has no Variable to check" };
  const unresolved = UNRESOLVED.exec(variable);
  if (unresolved) {
    return {
      passed: false,
      message: `Variable ${unresolved[0]} has no value in this pipeline execution`,
    };
  }
  const shown = `"${variable}" ${operator ?? "(no operator)"} "${value}"`;
  let passed: boolean;
  switch (operator) {
    case "EQ":
      passed = variable === value;
      break;
    case "NE":
      passed = variable !== value;
      break;
    case "CONTAINS":
      passed = variable.includes(value);
      break;
    case "MATCHES": {
      let pattern: RegExp;
      try {
        pattern = new RegExp(`^(?:${value})$`);
      } catch {
        return { passed: false, message: `Value is not a valid regular expression: ${value}` };
      }
      passed = pattern.test(variable);
      break;
    }
    default:
      return {
        passed: false,
        message: `Operator must be EQ, NE, CONTAINS or MATCHES: ${operator ?? "(none)"}`,
      };
  }
  return { passed, message: passed ? `Variable check passed: ${shown}` : `Variable check failed: ${shown}` };
}

/**
 * Ends a rule run with its verdict: unresolved references fail it as they fail an action; otherwise
 * the scenario's verdict, or the VariableCheck's own.
 */
export function settleRule(
  run: RuleRunRecord,
  plan: PlannedRuleOutcome,
  now: number,
  unresolved: readonly string[] = [],
): void {
  const result = run.output.executionResult;
  const resolved = run.input.resolvedConfiguration;
  const verdict: RuleVerdict =
    unresolved.length > 0 || resolved === undefined
      ? { passed: false, message: unresolvedMessage("Rule", run.ruleName, unresolved) }
      : run.input.ruleTypeId.provider === "VariableCheck"
        ? checkVariable(resolved)
        : plan.outcome === "fail"
          ? { passed: false, message: plan.errorMessage ?? `Rule ${run.ruleName} failed (simulated)` }
          : { passed: true, message: `${run.ruleName} succeeded (simulated)` };
  run.lastUpdateTime = now;
  if (plan.externalExecutionUrl !== undefined) result.externalExecutionUrl = plan.externalExecutionUrl;
  const summary = clip(plan.summary ?? verdict.message, SUMMARY_MAX);
  result.externalExecutionSummary = summary;
  run.summary = summary;
  if (verdict.passed) {
    run.status = "Succeeded";
    return;
  }
  run.status = "Failed";
  result.errorDetails = { code: "JobFailed", message: clip(verdict.message, MESSAGE_MAX) };
}
