import { USER_GUIDE, optional, required } from "./config-fields";
import type { RuleTypeSpec } from "./types";

/**
 * The rule providers a stage condition (`beforeEntry`, `onSuccess`, `onFailure`) can use. Every rule
 * type is category `Rule`, owner `AWS`, version `1`.
 */
export const RULE_TYPES: readonly RuleTypeSpec[] = [
  {
    owner: "AWS",
    provider: "CloudWatchAlarm",
    version: "1",
    title: "CloudWatch alarm",
    description: "Checks the state of an existing CloudWatch alarm, optionally waiting for it to change.",
    configuration: [
      required("AlarmName", "Name of the CloudWatch alarm to watch."),
      optional("AlarmStates", "Alarm states the rule monitors.", {
        allowedValues: ["ALARM", "OK", "INSUFFICIENT_DATA"],
        listSeparator: ",",
      }),
      optional("WaitTime", "Minutes to allow for a state change before the rule result applies."),
    ],
    docsUrl: `${USER_GUIDE}rule-reference-CloudWatchAlarm.html`,
  },
  {
    owner: "AWS",
    provider: "CodeBuild",
    version: "1",
    title: "CodeBuild project",
    description: "Passes when a run of the CodeBuild project succeeds.",
    configuration: [
      required("ProjectName", "Name of the CodeBuild project to run."),
      optional(
        "PrimarySource",
        "Input artifact whose directory holds the buildspec; required when the rule has more than one input.",
      ),
      optional("BatchEnabled", 'Run a batch build ("true") instead of a single build.'),
      optional("CombineArtifacts", 'Combine the artifacts of a batch build ("true"); needs BatchEnabled.'),
      optional(
        "EnvironmentVariables",
        "JSON array of {name, value, type} environment variables for the build.",
      ),
    ],
    docsUrl: `${USER_GUIDE}rule-reference-CodeBuild.html`,
  },
  {
    owner: "AWS",
    provider: "Commands",
    version: "1",
    title: "Commands",
    description: "Passes when the rule's shell commands succeed on CodePipeline-managed compute.",
    configuration: [],
    members: ["commands"],
    docsUrl: `${USER_GUIDE}rule-reference-Commands.html`,
  },
  {
    owner: "AWS",
    provider: "DeploymentWindow",
    version: "1",
    title: "Deployment window",
    description: "Passes only inside the days and times a cron expression allows.",
    configuration: [
      required(
        "Cron",
        "Cron expression (six fields plus an optional year) for the days and times deployment is allowed.",
      ),
      optional("TimeZone", 'Time zone the cron expression is read in, e.g. "PST".'),
    ],
    docsUrl: `${USER_GUIDE}rule-reference-DeploymentWindow.html`,
  },
  {
    owner: "AWS",
    provider: "LambdaInvoke",
    version: "1",
    title: "Lambda function",
    description: "Invokes an existing Lambda function whose result decides the rule.",
    configuration: [
      required("FunctionName", "Name of the Lambda function."),
      optional("UserParameters", "Key-value input passed to the function."),
    ],
    docsUrl: `${USER_GUIDE}rule-reference-LambdaInvoke.html`,
  },
  {
    owner: "AWS",
    provider: "VariableCheck",
    version: "1",
    title: "Variable check",
    description: "Compares a pipeline or action variable with a value.",
    configuration: [
      required("Variable", 'Variable to check, e.g. "#{SourceVariables.RepositoryName}".'),
      required("Value", "Value (or, with MATCHES, Java regular expression) the variable is compared with."),
      required("Operator", "Comparison: equals, contains, matches a regular expression, or not equals.", {
        allowedValues: ["EQ", "CONTAINS", "MATCHES", "NE"],
      }),
    ],
    docsUrl: `${USER_GUIDE}rule-reference-VariableCheck.html`,
  },
];
