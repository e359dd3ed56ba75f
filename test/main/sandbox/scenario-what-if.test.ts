import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioBook } from "../../../main/sandbox/scenario";

describe("scenario members for rehearsals", () => {
  it("an attempt rule matches only that execution of the action in a run", () => {
    const book = new ScenarioBook(
      parseScenario({
        rules: [{ stage: "Deploy", action: "App", attempt: 1, outcome: "fail", errorMessage: "flaky" }],
      }),
    );
    expect(book.plan("p", "Deploy", "App", "Deploy", 1)).toMatchObject({
      outcome: "fail",
      errorMessage: "flaky",
    });
    expect(book.plan("p", "Deploy", "App", "Deploy", 2).outcome).toBe("succeed");
    // Without an attempt, a plan is for the first execution.
    expect(book.plan("p", "Deploy", "App", "Deploy").outcome).toBe("fail");
  });

  it("an attempt rule is more specific than the same rule without one", () => {
    const book = new ScenarioBook(
      parseScenario({
        rules: [
          { stage: "Deploy", action: "App", attempt: 2, outcome: "succeed" },
          { stage: "Deploy", action: "App", outcome: "fail" },
        ],
      }),
    );
    expect(book.plan("p", "Deploy", "App", "Deploy", 1).outcome).toBe("fail");
    expect(book.plan("p", "Deploy", "App", "Deploy", 2).outcome).toBe("succeed");
  });

  it("accepts a what-if's variables and expect, which the sandbox itself ignores", () => {
    expect(parseScenario({ variables: { ENV: "prod" }, expect: { status: "Failed" } })).toEqual({
      variables: { ENV: "prod" },
      expect: { status: "Failed" },
    });
    expect(() => parseScenario({ rules: [{ attempt: 0 }] })).toThrow("Invalid scenario at rules.0.attempt");
    expect(() => parseScenario({ variables: { ENV: 1 } })).toThrow("Invalid scenario at variables.ENV");
  });
});
