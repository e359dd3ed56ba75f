import type { ValidateOptions } from "../../../../shared/validate";
import { validPipeline, type Json } from "../sample-pipelines";

/** One input and why it should (or should not) produce the code it is filed under. */
export interface RuleCase {
  title: string;
  input: () => unknown;
  /** How to validate it (the pipeline's Region, when the case depends on it). */
  options?: ValidateOptions;
}

/** Cases for one code: inputs that must produce it, near misses that must not. */
export interface CodeCases {
  fail: readonly RuleCase[];
  pass: readonly RuleCase[];
}

/** A case built from a fresh valid pipeline changed by `edit`. */
export function edited(title: string, edit: (pipeline: Json) => void, base = validPipeline): RuleCase {
  return {
    title,
    input: () => {
      const pipeline = base();
      edit(pipeline);
      return pipeline;
    },
  };
}

/** The same case, validated for a pipeline in `region` (as the app does for its connection). */
export function inRegion(region: string, ruleCase: RuleCase): RuleCase {
  return {
    ...ruleCase,
    title: `${ruleCase.title} (pipeline in ${region})`,
    options: { pipelineRegion: region },
  };
}

/** Sets `region` on every action of a test pipeline, as get-pipeline output of some pipelines has it. */
export function regionOnEveryAction(pipeline: Json, region: string): void {
  for (const stage of stagesOf(pipeline)) {
    for (const action of list(object(stage)["actions"])) object(action)["region"] = region;
  }
}

/** A Commands (compute) action reading `input`. */
export function commandsAction(
  name: string,
  input: string,
  commands: unknown = ["npm ci", "npm test"],
): Json {
  return {
    name,
    actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
    runOrder: 1,
    commands,
    inputArtifacts: [{ name: input }],
  };
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error("test setup: expected an array");
  return value;
}

function object(value: unknown): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("test setup: expected an object");
  }
  return value as Json;
}

/** The stages array of a test pipeline. */
export function stagesOf(pipeline: Json): unknown[] {
  return list(pipeline["stages"]);
}

/** Stage `s` of a test pipeline. */
export function stageOf(pipeline: Json, s: number): Json {
  return object(stagesOf(pipeline)[s]);
}

/** The actions array of stage `s`. */
export function actionsOf(pipeline: Json, s: number): unknown[] {
  return list(stageOf(pipeline, s)["actions"]);
}

/** Action `a` of stage `s`. */
export function actionOf(pipeline: Json, s: number, a: number): Json {
  return object(actionsOf(pipeline, s)[a]);
}

/** The configuration map of action `a` of stage `s`. */
export function configOf(pipeline: Json, s: number, a: number): Json {
  return object(actionOf(pipeline, s, a)["configuration"]);
}

/** A CodeBuild action with the given name, input and output. */
export function codeBuildAction(name: string, input: string, output?: string, runOrder = 1): Json {
  return {
    name,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    runOrder,
    configuration: { ProjectName: "demo-build" },
    inputArtifacts: [{ name: input }],
    ...(output === undefined ? {} : { outputArtifacts: [{ name: output }] }),
  };
}

/** An S3 source action producing `output`. */
export function s3SourceAction(name: string, output: string): Json {
  return {
    name,
    actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
    configuration: { S3Bucket: "demo-source", S3ObjectKey: "other.zip" },
    outputArtifacts: [{ name: output }],
  };
}

/** A CloudWatch alarm rule for stage conditions. */
export const ALARM_RULE: Json = {
  name: "NoAlarm",
  ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" },
  configuration: { AlarmName: "errors" },
};

/** A variable-check rule (one of the rule types that may decide a skip). */
export const VARIABLE_RULE = {
  name: "OnMain",
  ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
  configuration: { Variable: "#{variables.Environment}", Value: "prod", Operator: "EQ" },
};

/** A stage hook with one condition of `result` decided by `rule`. */
export function condition(result: string, rule: Json = ALARM_RULE): Json {
  return { conditions: [{ result, rules: [rule] }] };
}
