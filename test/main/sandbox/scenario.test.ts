import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioFile, parseScenario, ScenarioBook } from "../../../main/sandbox/scenario";

describe("scenario", () => {
  it("gives category defaults: successes with realistic durations, approvals left to a person", () => {
    const book = new ScenarioBook();
    expect(book.plan("p", "Build", "Compile", "Build")).toEqual({
      durationSeconds: 60,
      outcome: "succeed",
      outputVariables: {},
    });
    expect(book.plan("p", "Approve", "Review", "Approval").outcome).toBeUndefined();
  });

  it("lets more specific rules win, and later rules among equally specific ones", () => {
    const book = new ScenarioBook(
      parseScenario({
        defaults: { Build: { durationSeconds: 90, summary: "default" } },
        rules: [
          {
            pipeline: "web",
            stage: "Build",
            action: "Compile",
            outcome: "fail",
            errorMessage: "most specific",
          },
          { pipeline: "web", durationSeconds: 5, outputVariables: { A: "1" } },
          { stage: "Build", durationSeconds: 7, outputVariables: { B: "2" } },
          { pipeline: "web", durationSeconds: 6 },
        ],
      }),
    );
    expect(book.plan("web", "Build", "Compile", "Build")).toEqual({
      durationSeconds: 6,
      outcome: "fail",
      errorMessage: "most specific",
      summary: "default",
      outputVariables: { A: "1", B: "2" },
    });
    expect(book.plan("api", "Build", "Compile", "Build")).toMatchObject({
      durationSeconds: 7,
      outcome: "succeed",
    });
    expect(book.plan("api", "Deploy", "Ship", "Deploy")).toMatchObject({ durationSeconds: 40 });
  });

  it("refuses a malformed scenario, naming where, and keeps the previous one", () => {
    const book = new ScenarioBook();
    book.addRule({ action: "Compile", durationSeconds: 1 });
    expect(() => book.set({ rules: [{ action: "Compile", outcome: "explode" }] })).toThrow(
      /rules\.0\.outcome/,
    );
    expect(() => book.set({ defaults: { Sourcery: {} } })).toThrow(/defaults/);
    expect(() => book.set({ rules: [{ acton: "typo" }] })).toThrow(/Invalid scenario/);
    expect(book.plan("p", "s", "Compile", "Build").durationSeconds).toBe(1);
  });

  it("plans condition rules apart from actions: provider defaults, then the most specific conditionRules", () => {
    const site = {
      pipeline: "web",
      stage: "Deploy",
      condition: "beforeEntry",
      rule: "Alarm",
      provider: "CloudWatchAlarm",
    } as const;
    const book = new ScenarioBook(
      parseScenario({
        rules: [{ stage: "Deploy", outcome: "fail" }],
        conditionRules: [
          { pipeline: "web", stage: "Deploy", condition: "beforeEntry", rule: "Alarm", summary: "specific" },
          { provider: "CloudWatchAlarm", outcome: "fail", errorMessage: "in ALARM", durationSeconds: 30 },
          { condition: "onSuccess", outcome: "succeed" },
        ],
      }),
    );
    // An action rule naming only a stage does not reach the stage's condition rules.
    expect(book.planRule({ ...site, pipeline: "api", rule: "Other", provider: "LambdaInvoke" })).toEqual({
      durationSeconds: 10,
      outcome: "succeed",
    });
    expect(book.planRule(site)).toEqual({
      durationSeconds: 30,
      outcome: "fail",
      errorMessage: "in ALARM",
      summary: "specific",
    });
    // Equally specific: the later rule wins; more specific: it wins wherever it is.
    expect(book.planRule({ ...site, condition: "onSuccess" }).outcome).toBe("succeed");
    book.addConditionRule({ condition: "onSuccess", provider: "CloudWatchAlarm", outcome: "fail" });
    expect(book.planRule({ ...site, condition: "onSuccess" }).outcome).toBe("fail");
    expect(() => book.set({ conditionRules: [{ rule: "Alarm", condition: "afterwards" }] })).toThrow(
      /conditionRules\.0\.condition/,
    );
  });

  it("loads a scenario file and explains an unreadable or invalid one", () => {
    const dir = mkdtempSync(join(tmpdir(), "pipewright-scenario-"));
    try {
      const good = join(dir, "good.json");
      writeFileSync(good, JSON.stringify({ rules: [{ action: "Unit", outcome: "fail" }] }));
      expect(loadScenarioFile(good).rules).toEqual([{ action: "Unit", outcome: "fail" }]);
      const bad = join(dir, "bad.json");
      writeFileSync(bad, "{ rules: ");
      expect(() => loadScenarioFile(bad)).toThrow(/not valid JSON: .*bad\.json/);
      expect(() => loadScenarioFile(join(dir, "missing.json"))).toThrow(/Cannot read scenario file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
