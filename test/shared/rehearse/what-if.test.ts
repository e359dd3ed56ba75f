import { describe, expect, it } from "vitest";
import {
  actionMark,
  hasActionMark,
  ruleMark,
  setActionMark,
  setRuleMark,
  staleRules,
  type WhatIf,
} from "../../../shared/rehearse";

describe("what-if marks", () => {
  it("an unmarked action succeeds with its defaults", () => {
    expect(actionMark({}, "Deploy", "App")).toEqual({ outcome: "succeed" });
    expect(hasActionMark({}, "Deploy", "App")).toBe(false);
  });

  it("a failure mark is one exact rule, and reads back", () => {
    const whatIf = setActionMark({}, "Deploy", "App", {
      outcome: "fail",
      errorMessage: "Health check failed",
      minutes: 2,
    });
    expect(whatIf).toEqual({
      rules: [
        {
          stage: "Deploy",
          action: "App",
          outcome: "fail",
          errorMessage: "Health check failed",
          durationSeconds: 120,
        },
      ],
    });
    expect(actionMark(whatIf, "Deploy", "App")).toEqual({
      outcome: "fail",
      errorMessage: "Health check failed",
      minutes: 2,
    });
  });

  it("failing the first attempt only adds an attempt-1 rule", () => {
    const whatIf = setActionMark({}, "Deploy", "App", {
      outcome: "fail",
      failFirstAttemptOnly: true,
      errorMessage: "flaky",
    });
    expect(whatIf.rules).toEqual([
      { stage: "Deploy", action: "App" },
      { stage: "Deploy", action: "App", attempt: 1, outcome: "fail", errorMessage: "flaky" },
    ]);
    expect(actionMark(whatIf, "Deploy", "App")).toEqual({
      outcome: "fail",
      errorMessage: "flaky",
      failFirstAttemptOnly: true,
    });
  });

  it("editing a mark keeps every other rule as written; clearing it removes only its rules", () => {
    const start: WhatIf = {
      defaults: { Build: { durationSeconds: 90 } },
      rules: [
        { stage: "Deploy", outcome: "fail" },
        { pipeline: "web", stage: "Deploy", action: "App", outcome: "fail" },
      ],
    };
    const marked = setActionMark(start, "Deploy", "App", {
      outcome: "succeed",
      outputVariables: { TAG: "v1" },
    });
    expect(marked.rules).toEqual([
      ...(start.rules ?? []),
      { stage: "Deploy", action: "App", outcome: "succeed", outputVariables: { TAG: "v1" } },
    ]);
    expect(setActionMark(marked, "Deploy", "App", undefined)).toEqual(start);
    expect(
      setActionMark({ rules: [{ stage: "S", action: "A", outcome: "fail" }] }, "S", "A", undefined),
    ).toEqual({});
  });

  it("condition rule marks", () => {
    const whatIf = setRuleMark({}, "Deploy", "beforeEntry", "Alarm", {
      outcome: "fail",
      errorMessage: "in ALARM",
    });
    expect(whatIf).toEqual({
      conditionRules: [
        {
          stage: "Deploy",
          condition: "beforeEntry",
          rule: "Alarm",
          outcome: "fail",
          errorMessage: "in ALARM",
        },
      ],
    });
    expect(ruleMark(whatIf, "Deploy", "beforeEntry", "Alarm")).toEqual({
      outcome: "fail",
      errorMessage: "in ALARM",
    });
    expect(ruleMark(whatIf, "Deploy", "onSuccess", "Alarm")).toEqual({ outcome: "succeed" });
    expect(setRuleMark(whatIf, "Deploy", "beforeEntry", "Alarm", undefined)).toEqual({});
  });

  it("finds rules a rename left behind", () => {
    const whatIf: WhatIf = {
      rules: [{ stage: "Deploy", action: "Old" }, { stage: "Gone" }, { outcome: "fail" }],
      conditionRules: [{ stage: "Gone", rule: "x" }],
    };
    expect(staleRules(whatIf, [{ name: "Deploy", actions: [{ name: "App" }] }])).toEqual([
      { path: ["rules", 0, "action"], message: "The rule names an action stage Deploy does not have: Old" },
      { path: ["rules", 1, "stage"], message: "The rule names a stage the pipeline does not have: Gone" },
      {
        path: ["conditionRules", 0, "stage"],
        message: "The condition rule names a stage the pipeline does not have: Gone",
      },
    ]);
  });
});
