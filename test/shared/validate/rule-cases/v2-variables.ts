import { validPipeline, validV2Pipeline, type Json } from "../sample-pipelines";
import { actionOf, condition, configOf, edited, stageOf, VARIABLE_RULE, type CodeCases } from "./case";

/** A V2 pipeline whose source is a CodeStarSourceConnection action named Source. */
function connectionPipeline(): Json {
  const pipeline = validV2Pipeline();
  const source = actionOf(pipeline, 0, 0);
  source["actionTypeId"] = {
    category: "Source",
    owner: "AWS",
    provider: "CodeStarSourceConnection",
    version: "1",
  };
  source["configuration"] = {
    ConnectionArn: "arn:aws:codeconnections:us-east-1:111122223333:connection/abc",
    FullRepositoryId: "octo/app",
    BranchName: "main",
  };
  // The approval referenced an S3 variable; a connection exposes CommitId instead.
  configOf(pipeline, 2, 0)["CustomData"] = "Release #{SourceVariables.CommitId}";
  return pipeline;
}

function trigger(sourceActionName: string): Json {
  return {
    providerType: "CodeStarSourceConnection",
    gitConfiguration: { sourceActionName, push: [{ branches: { includes: ["main"] } }] },
  };
}

/** V2 features, triggers, stage conditions, namespaces and variable references. */
export const V2_VARIABLE_CASES: Record<string, CodeCases> = {
  "v2-feature-in-v1": {
    fail: [
      edited("variables in a V1 pipeline", (p) => {
        p["pipelineType"] = "V1";
        p["variables"] = [{ name: "Env" }];
      }),
      edited("QUEUED mode in a V1 pipeline", (p) => {
        p["pipelineType"] = "V1";
        p["executionMode"] = "QUEUED";
      }),
      edited("a stage condition in a V1 pipeline", (p) => {
        p["pipelineType"] = "V1";
        stageOf(p, 2)["beforeEntry"] = condition("FAIL");
      }),
    ],
    pass: [
      { title: "the same features in a V2 pipeline", input: validV2Pipeline },
      edited(
        "SUPERSEDED in V1",
        (p) => {
          p["pipelineType"] = "V1";
          p["executionMode"] = "SUPERSEDED";
        },
        validPipeline,
      ),
    ],
  },
  "trigger-source-not-found": {
    fail: [
      edited("trigger for a missing action", (p) => (p["triggers"] = [trigger("Nope")]), connectionPipeline),
    ],
    pass: [
      edited(
        "trigger for the source action",
        (p) => (p["triggers"] = [trigger("Source")]),
        connectionPipeline,
      ),
    ],
  },
  "trigger-source-not-connection": {
    fail: [edited("trigger on an S3 source", (p) => (p["triggers"] = [trigger("Source")]), validV2Pipeline)],
    pass: [
      edited(
        "trigger on a connection source",
        (p) => (p["triggers"] = [trigger("Source")]),
        connectionPipeline,
      ),
    ],
  },
  "duplicate-trigger": {
    fail: [
      edited(
        "two triggers on one source",
        (p) => (p["triggers"] = [trigger("Source"), trigger("Source")]),
        connectionPipeline,
      ),
    ],
    pass: [edited("one trigger", (p) => (p["triggers"] = [trigger("Source")]), connectionPipeline)],
  },
  "invalid-condition-result": {
    fail: [
      edited(
        "beforeEntry that rolls back",
        (p) => (stageOf(p, 2)["beforeEntry"] = condition("ROLLBACK")),
        validV2Pipeline,
      ),
      edited(
        "onSuccess that skips",
        (p) => (stageOf(p, 2)["onSuccess"] = condition("SKIP")),
        validV2Pipeline,
      ),
      edited(
        "onFailure condition that fails",
        (p) => (stageOf(p, 2)["onFailure"] = condition("FAIL")),
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "each hook with an allowed result",
        (p) => {
          stageOf(p, 2)["beforeEntry"] = condition("SKIP", VARIABLE_RULE);
          stageOf(p, 2)["onSuccess"] = condition("FAIL");
          stageOf(p, 2)["onFailure"] = { result: "ROLLBACK", ...condition("ROLLBACK") };
        },
        validV2Pipeline,
      ),
    ],
  },
  "rollback-in-parallel-mode": {
    fail: [
      edited(
        "PARALLEL with onFailure ROLLBACK",
        (p) => {
          p["executionMode"] = "PARALLEL";
          stageOf(p, 2)["onFailure"] = { result: "ROLLBACK" };
        },
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "QUEUED with onFailure ROLLBACK",
        (p) => (stageOf(p, 2)["onFailure"] = { result: "ROLLBACK" }),
        validV2Pipeline,
      ),
    ],
  },
  "reserved-namespace": {
    fail: [
      edited(
        "build declares the codepipeline namespace",
        (p) => (actionOf(p, 2, 1)["namespace"] = "codepipeline"),
      ),
    ],
    pass: [
      edited(
        "a namespace that only starts like it",
        (p) => (actionOf(p, 2, 1)["namespace"] = "codepipelineBuild"),
      ),
    ],
  },
  "duplicate-namespace": {
    fail: [
      edited(
        "build reuses the source namespace",
        (p) => (actionOf(p, 1, 0)["namespace"] = "SourceVariables"),
      ),
    ],
    pass: [edited("distinct namespaces", (p) => (actionOf(p, 2, 1)["namespace"] = "DeployVariables"))],
  },
  "duplicate-variable-name": {
    fail: [
      edited(
        "two variables called Environment",
        (p) => {
          p["variables"] = [{ name: "Environment" }, { name: "Environment", defaultValue: "x" }];
        },
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "distinct variables",
        (p) => (p["variables"] = [{ name: "Environment" }, { name: "Region" }]),
        validV2Pipeline,
      ),
    ],
  },
  "namespace-artifact-clash": {
    fail: [
      edited("namespace named like an artifact", (p) => (actionOf(p, 1, 0)["namespace"] = "SourceOutput")),
    ],
    pass: [edited("namespace unlike any artifact", (p) => (actionOf(p, 2, 1)["namespace"] = "DeployVars"))],
  },
  "unresolved-variable-reference": {
    fail: [
      edited("an undeclared namespace", (p) => (configOf(p, 2, 0)["CustomData"] = "#{Nope.value}")),
      edited(
        "an undeclared pipeline variable",
        (p) => (configOf(p, 2, 0)["CustomData"] = "#{variables.Missing}"),
        validV2Pipeline,
      ),
      edited("in a command", (p) => (actionOf(p, 1, 0)["commands"] = ["echo #{Ghost.x}"])),
      edited(
        "in a stage-condition rule",
        (p) =>
          (stageOf(p, 2)["beforeEntry"] = condition("FAIL", {
            ...VARIABLE_RULE,
            configuration: { Variable: "#{Ghost.x}", Value: "1", Operator: "EQ" },
          })),
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "codepipeline, a declared variable and an earlier namespace",
        (p) => {
          configOf(p, 2, 0)["CustomData"] =
            "#{codepipeline.PipelineExecutionId} #{variables.Environment} #{BuildVariables.X}";
        },
        validV2Pipeline,
      ),
    ],
  },
  "variable-used-before-produced": {
    fail: [
      edited(
        "build reads its own namespace",
        (p) => (configOf(p, 1, 0)["ProjectName"] = "#{BuildVariables.Name}"),
      ),
      edited(
        "an entry condition reads its own stage's namespace",
        (p) =>
          (stageOf(p, 1)["beforeEntry"] = condition("FAIL", {
            ...VARIABLE_RULE,
            configuration: { Variable: "#{BuildVariables.x}", Value: "1", Operator: "EQ" },
          })),
        validV2Pipeline,
      ),
      edited("approval reads a parallel action's namespace", (p) => {
        actionOf(p, 2, 1)["runOrder"] = 1;
        actionOf(p, 2, 1)["namespace"] = "DeployVariables";
        configOf(p, 2, 0)["CustomData"] = "#{DeployVariables.x}";
      }),
    ],
    pass: [
      edited(
        "a success condition reads its own stage's namespace",
        (p) =>
          (stageOf(p, 1)["onSuccess"] = condition("FAIL", {
            ...VARIABLE_RULE,
            configuration: { Variable: "#{BuildVariables.x}", Value: "1", Operator: "EQ" },
          })),
        validV2Pipeline,
      ),
      edited("deploy reads the approval's namespace", (p) => {
        actionOf(p, 2, 0)["namespace"] = "ApprovalVariables";
        configOf(p, 2, 1)["ClusterName"] = "#{ApprovalVariables.Cluster}";
      }),
    ],
  },
};
