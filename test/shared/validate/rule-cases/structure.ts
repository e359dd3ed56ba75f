import { largePipeline } from "../sample-pipelines";
import {
  actionOf,
  actionsOf,
  codeBuildAction,
  edited,
  s3SourceAction,
  stageOf,
  stagesOf,
  type CodeCases,
} from "./case";

/** Stage and action counts, source placement, names and runOrder. */
export const STRUCTURE_CASES: Record<string, CodeCases> = {
  "too-few-stages": {
    fail: [edited("only the source stage", (p) => stagesOf(p).splice(1))],
    pass: [edited("source and build stages only", (p) => stagesOf(p).splice(2))],
  },
  "too-many-stages": {
    fail: [{ title: "51 stages", input: () => largePipeline(51, 1) }],
    pass: [{ title: "50 stages", input: () => largePipeline(50, 1) }],
  },
  "too-many-actions": {
    fail: [
      { title: "51 actions in one stage", input: () => largePipeline(2, 51) },
      { title: "501 actions in all", input: () => largePipeline(11, 50) },
    ],
    pass: [
      { title: "50 actions in one stage", input: () => largePipeline(2, 50) },
      { title: "491 actions in all", input: () => largePipeline(11, 49) },
    ],
  },
  "empty-stage": {
    fail: [edited("a stage with no actions", (p) => (stageOf(p, 1)["actions"] = []))],
    pass: [edited("a stage with one action", (p) => actionsOf(p, 2).splice(1))],
  },
  "first-stage-not-source": {
    fail: [
      edited("a build action beside the source", (p) => actionsOf(p, 0).push(codeBuildAction("Early", "X"))),
    ],
    pass: [edited("two source actions", (p) => actionsOf(p, 0).push(s3SourceAction("Second", "Other")))],
  },
  "source-not-in-first-stage": {
    fail: [
      edited("a source action in the build stage", (p) => actionsOf(p, 1).push(s3SourceAction("Late", "L"))),
    ],
    pass: [
      edited("the extra source in the first stage", (p) => actionsOf(p, 0).push(s3SourceAction("Late", "L"))),
    ],
  },
  "no-source-action": {
    fail: [
      edited("first stage holds a build action only", (p) => {
        actionsOf(p, 0).splice(0, 1, codeBuildAction("Build0", "SourceOutput", "SourceOutput"));
      }),
    ],
    pass: [edited("first stage holds the source", () => undefined)],
  },
  "duplicate-stage-name": {
    fail: [edited("two stages called Build", (p) => (stageOf(p, 2)["name"] = "Build"))],
    pass: [edited("distinct stage names", (p) => (stageOf(p, 2)["name"] = "Build2"))],
  },
  "duplicate-action-name": {
    fail: [edited("two actions called Approve in one stage", (p) => (actionOf(p, 2, 1)["name"] = "Approve"))],
    pass: [edited("the same action name in different stages", (p) => (actionOf(p, 2, 1)["name"] = "Build"))],
  },
  "run-order-gap": {
    fail: [edited("runOrder 1 then 3", (p) => (actionOf(p, 2, 1)["runOrder"] = 3))],
    pass: [
      edited("runOrder 1 then 2", (p) => (actionOf(p, 2, 1)["runOrder"] = 2)),
      edited("both at runOrder 1", (p) => (actionOf(p, 2, 1)["runOrder"] = 1)),
    ],
  },
};
