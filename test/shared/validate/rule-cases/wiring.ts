import { validV2Pipeline } from "../sample-pipelines";
import {
  actionOf,
  actionsOf,
  codeBuildAction,
  commandsAction,
  inRegion,
  regionOnEveryAction,
  configOf,
  edited,
  s3SourceAction,
  stageOf,
  ALARM_RULE,
  condition,
  VARIABLE_RULE,
  type CodeCases,
} from "./case";

const CLOUDFORMATION = { category: "Deploy", owner: "AWS", provider: "CloudFormation", version: "1" };
const STORES = {
  "us-east-1": { type: "S3", location: "artifacts-use1" },
  "eu-west-1": { type: "S3", location: "artifacts-euw1" },
};

/** A CloudFormation deploy action with the given configuration. */
function cloudFormation(configuration: Record<string, string>): Record<string, unknown> {
  return {
    name: "Stack",
    actionTypeId: CLOUDFORMATION,
    runOrder: 3,
    configuration,
    inputArtifacts: [{ name: "BuildOutput" }],
  };
}

const STACK = {
  ActionMode: "CREATE_UPDATE",
  StackName: "demo",
  RoleArn: "arn:aws:iam::111122223333:role/Cfn",
  TemplatePath: "BuildOutput::template.yaml",
};

/** Artifact flow, catalog-driven checks and artifact stores. */
export const WIRING_CASES: Record<string, CodeCases> = {
  "duplicate-output-artifact": {
    fail: [
      edited("build also outputs SourceOutput", (p) => {
        actionOf(p, 1, 0)["outputArtifacts"] = [{ name: "BuildOutput" }, { name: "SourceOutput" }];
      }),
    ],
    pass: [
      edited("two distinct outputs", (p) => {
        actionOf(p, 1, 0)["outputArtifacts"] = [{ name: "BuildOutput" }, { name: "Extra" }];
      }),
    ],
  },
  "artifact-not-found": {
    fail: [
      edited(
        "deploy reads an artifact nobody makes",
        (p) => (actionOf(p, 2, 1)["inputArtifacts"] = [{ name: "Nope" }]),
      ),
    ],
    pass: [
      edited(
        "deploy reads the source output",
        (p) => (actionOf(p, 2, 1)["inputArtifacts"] = [{ name: "SourceOutput" }]),
      ),
    ],
  },
  "artifact-used-before-produced": {
    fail: [
      edited("a parallel action reads the build output", (p) => {
        actionsOf(p, 1).push(codeBuildAction("Test", "BuildOutput", undefined, 1));
      }),
      edited(
        "the source reads the build output",
        (p) => (actionOf(p, 0, 0)["inputArtifacts"] = [{ name: "BuildOutput" }]),
      ),
    ],
    pass: [
      edited("a later action (runOrder 2) reads the build output", (p) => {
        actionsOf(p, 1).push(codeBuildAction("Test", "BuildOutput", undefined, 2));
      }),
    ],
  },
  "input-artifact-count": {
    fail: [edited("CodeBuild without input", (p) => (actionOf(p, 1, 0)["inputArtifacts"] = []))],
    pass: [
      edited("CodeBuild with two inputs", (p) => {
        actionsOf(p, 0).push(s3SourceAction("Second", "Other"));
        actionOf(p, 1, 0)["inputArtifacts"] = [{ name: "SourceOutput" }, { name: "Other" }];
        (actionOf(p, 1, 0)["configuration"] as Record<string, string>)["PrimarySource"] = "SourceOutput";
      }),
      edited("Step Functions with literal input needs no artifact", (p) =>
        actionsOf(p, 2).push({
          name: "StateMachine",
          actionTypeId: { category: "Invoke", owner: "AWS", provider: "StepFunctions", version: "1" },
          configuration: {
            StateMachineArn: "arn:aws:states:us-east-1:111122223333:stateMachine:m",
            InputType: "Literal",
          },
        }),
      ),
    ],
  },
  "output-artifact-count": {
    fail: [
      edited(
        "S3 source with two outputs",
        (p) => (actionOf(p, 0, 0)["outputArtifacts"] = [{ name: "SourceOutput" }, { name: "B" }]),
      ),
    ],
    pass: [edited("ECS deploy without outputs", () => undefined)],
  },
  "missing-required-configuration": {
    fail: [
      edited("CodeBuild without ProjectName", (p) => (actionOf(p, 1, 0)["configuration"] = {})),
      edited(
        "an alarm rule without AlarmName",
        (p) => (stageOf(p, 2)["beforeEntry"] = condition("FAIL", { ...ALARM_RULE, configuration: {} })),
        validV2Pipeline,
      ),
    ],
    pass: [edited("CodeBuild with ProjectName only", () => undefined)],
  },
  "conditional-configuration-missing": {
    fail: [
      edited("CodeBuild with two inputs and no PrimarySource", (p) => {
        actionsOf(p, 0).push(s3SourceAction("Second", "Other"));
        actionOf(p, 1, 0)["inputArtifacts"] = [{ name: "SourceOutput" }, { name: "Other" }];
      }),
      edited("CloudFormation CREATE_UPDATE without TemplatePath", (p) => {
        const { TemplatePath: _dropped, ...rest } = STACK;
        actionsOf(p, 2).push(cloudFormation(rest));
      }),
      edited("Step Functions reading its input from a file but given no artifact", (p) =>
        actionsOf(p, 2).push({
          name: "StateMachine",
          actionTypeId: { category: "Invoke", owner: "AWS", provider: "StepFunctions", version: "1" },
          configuration: {
            StateMachineArn: "arn:aws:states:us-east-1:111122223333:stateMachine:m",
            InputType: "FilePath",
            Input: "in.json",
          },
        }),
      ),
    ],
    pass: [
      edited("CloudFormation DELETE_ONLY needs no TemplatePath", (p) => {
        const { TemplatePath: _dropped, ...rest } = STACK;
        actionsOf(p, 2).push(cloudFormation({ ...rest, ActionMode: "DELETE_ONLY" }));
      }),
    ],
  },
  "invalid-configuration-value": {
    fail: [
      edited("CloudFormation ActionMode DESTROY", (p) =>
        actionsOf(p, 2).push(cloudFormation({ ...STACK, ActionMode: "DESTROY" })),
      ),
      edited(
        "a variable-check rule with an unknown operator",
        (p) => {
          const rule = {
            ...VARIABLE_RULE,
            configuration: { Variable: "#{variables.Environment}", Value: "x", Operator: "LIKE" },
          };
          stageOf(p, 2)["beforeEntry"] = condition("FAIL", rule);
        },
        validV2Pipeline,
      ),
      edited("one bad capability in the list", (p) => {
        actionsOf(p, 2).push(cloudFormation({ ...STACK, Capabilities: "CAPABILITY_IAM,CAPABILITY_ROOT" }));
      }),
    ],
    pass: [
      edited("a list of allowed capabilities", (p) => {
        actionsOf(p, 2).push(
          cloudFormation({ ...STACK, Capabilities: "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND" }),
        );
      }),
      edited(
        "a value set by a variable",
        (p) => {
          p["variables"] = [{ name: "Mode", defaultValue: "CREATE_UPDATE" }];
          actionsOf(p, 2).push(cloudFormation({ ...STACK, ActionMode: "#{variables.Mode}" }));
        },
        validV2Pipeline,
      ),
    ],
  },
  "unknown-action-type": {
    fail: [
      edited("a made-up provider", (p) => {
        actionOf(p, 1, 0)["actionTypeId"] = {
          category: "Build",
          owner: "AWS",
          provider: "MadeUp",
          version: "1",
        };
      }),
      edited("a Custom Jenkins type", (p) => {
        actionOf(p, 1, 0)["actionTypeId"] = {
          category: "Build",
          owner: "Custom",
          provider: "MyJenkins",
          version: "7",
        };
      }),
    ],
    pass: [edited("CodeBuild version 1", () => undefined)],
  },
  "configuration-value-too-long": {
    fail: [edited("a 1001-character value", (p) => (configOf(p, 2, 0)["CustomData"] = "x".repeat(1001)))],
    pass: [edited("a 1000-character value", (p) => (configOf(p, 2, 0)["CustomData"] = "x".repeat(1000)))],
  },
  "timeout-not-allowed": {
    fail: [edited("timeout on a build action", (p) => (actionOf(p, 1, 0)["timeoutInMinutes"] = 60))],
    pass: [edited("timeout on the manual approval", (p) => (actionOf(p, 2, 0)["timeoutInMinutes"] = 60))],
  },
  "artifact-store-conflict": {
    fail: [edited("both artifactStore and artifactStores", (p) => (p["artifactStores"] = STORES))],
    pass: [
      edited("artifactStores only", (p) => {
        delete p["artifactStore"];
        p["artifactStores"] = STORES;
      }),
    ],
  },
  "missing-artifact-store": {
    fail: [edited("no artifact store at all", (p) => delete p["artifactStore"])],
    pass: [edited("artifactStore present", () => undefined)],
  },
  "cross-region-store-missing": {
    fail: [
      edited("deploy in a Region without a store", (p) => {
        delete p["artifactStore"];
        p["artifactStores"] = STORES;
        actionOf(p, 2, 1)["region"] = "ap-south-1";
      }),
      inRegion(
        "us-east-1",
        edited(
          "cross-Region deploy with a single artifactStore",
          (p) => (actionOf(p, 2, 1)["region"] = "eu-west-1"),
        ),
      ),
      edited("actions in two Regions with a single artifactStore", (p) => {
        actionOf(p, 1, 0)["region"] = "us-east-1";
        actionOf(p, 2, 1)["region"] = "eu-west-1";
      }),
      inRegion(
        "us-west-2",
        edited("artifactStores without the pipeline's own Region", (p) => {
          delete p["artifactStore"];
          p["artifactStores"] = STORES;
          actionOf(p, 2, 1)["region"] = "eu-west-1";
        }),
      ),
    ],
    pass: [
      inRegion(
        "us-east-1",
        edited("get-pipeline output: every action names the pipeline's own Region", (p) =>
          regionOnEveryAction(p, "us-east-1"),
        ),
      ),
      inRegion(
        "us-east-1",
        edited(
          "the console's region on the source action only",
          (p) => (actionOf(p, 0, 0)["region"] = "us-east-1"),
        ),
      ),
      inRegion(
        "us-east-1",
        edited("region only on a Commands action, the pipeline's own", (p) => {
          p["pipelineType"] = "V2";
          actionsOf(p, 1).push({ ...commandsAction("Test", "SourceOutput"), region: "us-east-1" });
        }),
      ),
      inRegion(
        "us-east-1",
        edited("deploy in a Region with a store", (p) => {
          delete p["artifactStore"];
          p["artifactStores"] = STORES;
          actionOf(p, 2, 1)["region"] = "eu-west-1";
        }),
      ),
    ],
  },
  "cross-region-not-allowed": {
    fail: [
      inRegion(
        "us-east-1",
        edited("a source action in another Region", (p) => {
          delete p["artifactStore"];
          p["artifactStores"] = STORES;
          actionOf(p, 0, 0)["region"] = "eu-west-1";
        }),
      ),
      inRegion(
        "us-east-1",
        edited("a Commands action in another Region", (p) => {
          delete p["artifactStore"];
          p["artifactStores"] = STORES;
          p["pipelineType"] = "V2";
          actionsOf(p, 1).push({ ...commandsAction("Test", "SourceOutput"), region: "eu-west-1" });
        }),
      ),
    ],
    pass: [
      inRegion(
        "us-east-1",
        edited("get-pipeline output of a cross-Region pipeline: every action has a Region", (p) => {
          delete p["artifactStore"];
          p["artifactStores"] = STORES;
          regionOnEveryAction(p, "us-east-1");
          actionOf(p, 2, 1)["region"] = "eu-west-1";
        }),
      ),
      inRegion(
        "us-east-1",
        edited(
          "the source names the pipeline's own Region",
          (p) => (actionOf(p, 0, 0)["region"] = "us-east-1"),
        ),
      ),
    ],
  },
  "pipeline-region-inferred": {
    fail: [
      edited(
        "the console's region on the source, no Region given",
        (p) => (actionOf(p, 0, 0)["region"] = "us-east-1"),
      ),
      edited("one artifact store in artifactStores, no Region given", (p) => {
        delete p["artifactStore"];
        p["artifactStores"] = { "eu-west-1": { type: "S3", location: "artifacts-euw1" } };
        actionOf(p, 2, 1)["region"] = "eu-west-1";
      }),
    ],
    pass: [
      inRegion(
        "us-east-1",
        edited("the Region is given", (p) => (actionOf(p, 0, 0)["region"] = "us-east-1")),
      ),
      edited("no action names a Region", () => undefined),
    ],
  },
};
