import { validV2Pipeline } from "../sample-pipelines";
import { actionOf, edited, type CodeCases } from "./case";

/** Model constraints generated from the service model. */
export const MODEL_CASES: Record<string, CodeCases> = {
  "required-member": {
    fail: [
      edited("pipeline without roleArn", (p) => delete p["roleArn"]),
      edited("action without actionTypeId", (p) => delete actionOf(p, 1, 0)["actionTypeId"]),
    ],
    pass: [edited("optional runOrder left out", (p) => delete actionOf(p, 1, 0)["runOrder"])],
  },
  "wrong-type": {
    fail: [
      edited("runOrder as a string", (p) => (actionOf(p, 1, 0)["runOrder"] = "1")),
      { title: "a number instead of a pipeline", input: () => 42 },
      edited("stages as an object", (p) => (p["stages"] = {})),
    ],
    pass: [edited("runOrder as an integer", (p) => (actionOf(p, 1, 0)["runOrder"] = 2))],
  },
  "pattern-mismatch": {
    fail: [
      edited("pipeline name with a space", (p) => (p["name"] = "My Pipeline")),
      edited("role ARN of another service", (p) => (p["roleArn"] = "arn:aws:s3:::bucket")),
      edited("namespace with a dot (patterns match the whole string)", (p) => {
        actionOf(p, 1, 0)["namespace"] = "Build.Vars";
      }),
    ],
    pass: [edited("every allowed name character", (p) => (p["name"] = "My.Pipeline-1@x_"))],
  },
  "length-out-of-range": {
    fail: [
      edited("101-character pipeline name", (p) => (p["name"] = "x".repeat(101))),
      edited("empty configuration value", (p) => (actionOf(p, 1, 0)["configuration"] = { ProjectName: "" })),
    ],
    pass: [edited("100-character pipeline name", (p) => (p["name"] = "x".repeat(100)))],
  },
  "value-out-of-range": {
    fail: [
      edited("runOrder 1000", (p) => (actionOf(p, 1, 0)["runOrder"] = 1000)),
      edited("timeoutInMinutes 4", (p) => (actionOf(p, 2, 0)["timeoutInMinutes"] = 4)),
      edited("version 0", (p) => (p["version"] = 0)),
    ],
    pass: [
      edited("runOrder 999 and a 5-minute approval timeout", (p) => {
        actionOf(p, 1, 0)["runOrder"] = 999;
        actionOf(p, 2, 0)["timeoutInMinutes"] = 5;
      }),
    ],
  },
  "invalid-enum-value": {
    fail: [
      edited("unknown execution mode", (p) => (p["executionMode"] = "FAST")),
      edited("lower-case category", (p) => {
        actionOf(p, 1, 0)["actionTypeId"] = {
          category: "build",
          owner: "AWS",
          provider: "CodeBuild",
          version: "1",
        };
      }),
    ],
    pass: [edited("SUPERSEDED mode", (p) => (p["executionMode"] = "SUPERSEDED"))],
  },
  "unknown-member": {
    fail: [
      edited("a misspelled action member", (p) => (actionOf(p, 1, 0)["runorder"] = 1)),
      edited("a pipeline member the service lacks", (p) => (p["description"] = "mine")),
    ],
    pass: [edited("only modelled members", () => undefined)],
  },
  "count-out-of-range": {
    fail: [
      edited(
        "51 pipeline variables",
        (p) => (p["variables"] = Array.from({ length: 51 }, (_, i) => ({ name: `v${i}` }))),
        validV2Pipeline,
      ),
      edited("empty commands list", (p) => (actionOf(p, 1, 0)["commands"] = [])),
    ],
    pass: [
      edited(
        "50 pipeline variables",
        (p) => (p["variables"] = Array.from({ length: 50 }, (_, i) => ({ name: `v${i}` }))),
        validV2Pipeline,
      ),
    ],
  },
};
