import { describe, expect, it } from "vitest";
import { conditionChecks, type ApiStageState } from "../../../shared/execution";

describe("conditionChecks", () => {
  it("leaves out hooks that never ran and stages without conditions", () => {
    expect(conditionChecks({ stageName: "Build" })).toEqual([]);
    expect(
      conditionChecks({ stageName: "Build", beforeEntryConditionState: { conditionStates: [] } }),
    ).toEqual([]);
  });

  it("orders entry, success, failure and lists rules still running or failed, not passed or abandoned ones", () => {
    const stage: ApiStageState = {
      stageName: "Deploy",
      onFailureConditionState: { latestExecution: { status: "Overridden", summary: "by ana" } },
      beforeEntryConditionState: {
        latestExecution: { status: "InProgress" },
        conditionStates: [
          {
            ruleStates: [
              { ruleName: "Alarm", latestExecution: { status: "InProgress", summary: "watching" } },
              { ruleName: "Window", latestExecution: { status: "Succeeded" } },
              { ruleName: "Cut", latestExecution: { status: "Abandoned" } },
              { latestExecution: { status: "Failed" } },
              { ruleName: "NotYet" },
            ],
          },
        ],
      },
    };
    const checks = conditionChecks(stage);
    expect(checks.map((c) => `${c.hook}:${c.phase}`)).toEqual(["entry:running", "failure:skipped"]);
    expect(checks[0]?.pending).toEqual([
      { ruleName: "Alarm", status: "InProgress", reason: "watching" },
      { ruleName: "(unnamed rule)", status: "Failed", reason: null },
    ]);
    expect(checks[1]).toMatchObject({ status: "Overridden", summary: "by ana", pending: [] });
  });

  it("reads Errored as failed and an unknown status as unknown", () => {
    const errored = conditionChecks({ onSuccessConditionState: { latestExecution: { status: "Errored" } } });
    expect(errored[0]?.phase).toBe("failed");
    const odd = conditionChecks({ onSuccessConditionState: { latestExecution: { status: "Pondering" } } });
    expect(odd[0]?.phase).toBe("unknown");
  });
});
