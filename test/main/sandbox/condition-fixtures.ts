/** Stage conditions for the sandbox tests; pipelines using them must pass shared/validate. */
import type { PipelineDeclaration as SdkPipeline } from "@aws-sdk/client-codepipeline";
import type { Condition, RuleDeclaration, StageDeclaration } from "../../../shared/pipeline/model";
import { threeStagePipeline } from "./fixtures";

export function rule(name: string, provider: string, configuration: Record<string, string>): RuleDeclaration {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" }, configuration };
}

/** A VariableCheck rule: `variable` (a `#{...}` reference) compared with `value`. */
export function variableCheck(
  name: string,
  variable: string,
  operator: string,
  value: string,
): RuleDeclaration {
  return rule(name, "VariableCheck", { Variable: variable, Value: value, Operator: operator });
}

type Hooks = Pick<StageDeclaration, "beforeEntry" | "onSuccess" | "onFailure">;

/**
 * The three-stage pipeline (Source, Build, Deploy), QUEUED so runs never supersede each other,
 * with pipeline variables and the given hooks on Build and Deploy.
 */
export function conditionPipeline(
  name: string,
  hooks: { Build?: Hooks; Deploy?: Hooks },
  variables: { name: string; defaultValue?: string }[] = [{ name: "TARGET", defaultValue: "prod" }],
): SdkPipeline {
  const pipeline = threeStagePipeline({ name, executionMode: "QUEUED", variables });
  for (const stage of pipeline.stages) {
    const extra = stage.name === "Build" ? hooks.Build : stage.name === "Deploy" ? hooks.Deploy : undefined;
    if (extra) Object.assign(stage, extra);
  }
  return pipeline as unknown as SdkPipeline;
}

export const when = (result: Condition["result"], ...rules: RuleDeclaration[]): Condition => ({
  ...(result === undefined ? {} : { result }),
  rules,
});
