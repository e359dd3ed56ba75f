import { validV2Pipeline } from "../sample-pipelines";
import { actionOf, actionsOf, commandsAction, edited, type CodeCases } from "./case";

/** Action types by category, and the Commands (compute) action's own members. */
export const COMPUTE_CASES: Record<string, CodeCases> = {
  "provider-not-in-category": {
    fail: [
      edited("CodeBuild under Deploy", (p) => {
        actionOf(p, 1, 0)["actionTypeId"] = {
          category: "Deploy",
          owner: "AWS",
          provider: "CodeBuild",
          version: "1",
        };
      }),
      edited("a manual approval under Build", (p) => {
        actionOf(p, 2, 0)["actionTypeId"] = {
          category: "Build",
          owner: "AWS",
          provider: "Manual",
          version: "1",
        };
      }),
    ],
    pass: [
      edited("CodeBuild under Test", (p) => {
        actionOf(p, 1, 0)["actionTypeId"] = {
          category: "Test",
          owner: "AWS",
          provider: "CodeBuild",
          version: "1",
        };
      }),
    ],
  },
  "commands-missing": {
    fail: [
      edited(
        "a Commands action without commands",
        (p) => {
          const action = commandsAction("Test", "SourceOutput");
          delete action["commands"];
          actionsOf(p, 1).push(action);
        },
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "a Commands action with commands",
        (p) => actionsOf(p, 1).push(commandsAction("Test", "SourceOutput")),
        validV2Pipeline,
      ),
    ],
  },
  "multi-line-command": {
    fail: [
      edited(
        "a command on two lines",
        (p) => actionsOf(p, 1).push(commandsAction("Test", "SourceOutput", ["npm ci\nnpm test"])),
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "two commands joined on one line",
        (p) => actionsOf(p, 1).push(commandsAction("Test", "SourceOutput", ["npm ci && npm test"])),
        validV2Pipeline,
      ),
    ],
  },
  "compute-member-ignored": {
    fail: [
      edited("commands on a CodeBuild action", (p) => (actionOf(p, 1, 0)["commands"] = ["make"])),
      edited("outputVariables on a CodeBuild action", (p) => (actionOf(p, 1, 0)["outputVariables"] = ["X"])),
      edited("output files on a CodeBuild output", (p) => {
        actionOf(p, 1, 0)["outputArtifacts"] = [{ name: "BuildOutput", files: ["dist/**"] }];
      }),
    ],
    pass: [
      edited(
        "commands, output variables and files on a Commands action",
        (p) =>
          actionsOf(p, 1).push({
            ...commandsAction("Test", "SourceOutput"),
            outputVariables: ["VERSION"],
            outputArtifacts: [{ name: "TestOutput", files: ["report/**"] }],
          }),
        validV2Pipeline,
      ),
    ],
  },
};
