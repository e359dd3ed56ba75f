import { describe, expect, it } from "vitest";
import { ruleRows, type ApiRuleExecutionDetail, type PipelineStructure } from "../../../shared/execution";

const rule = (name: string) => ({
  name,
  ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
});
const pipeline = {
  stages: [
    {
      name: "Deploy",
      actions: [],
      beforeEntry: { conditions: [{ result: "FAIL", rules: [rule("Window"), rule("Both")] }] },
      onSuccess: { conditions: [{ result: "ROLLBACK", rules: [rule("Alarm"), rule("Both")] }] },
    },
  ],
} as unknown as PipelineStructure;

function detail(
  ruleName: string,
  start: number,
  end: number | null,
  status: string,
  extra: object = {},
): ApiRuleExecutionDetail {
  return {
    stageName: "Deploy",
    ruleName,
    ruleExecutionId: `${ruleName}-${start}`,
    startTime: new Date(start * 1000).toISOString(),
    ...(end === null ? {} : { lastUpdateTime: new Date(end * 1000).toISOString() }),
    status,
    input: { ruleTypeId: { provider: ruleName === "Alarm" ? "CloudWatchAlarm" : "VariableCheck" } },
    ...extra,
  };
}

describe("ruleRows", () => {
  it("groups evaluations by stage and rule, in start order, and names each rule's hook when unambiguous", () => {
    const rows = ruleRows(
      [
        detail("Alarm", 300, null, "InProgress"),
        detail("Window", 100, 110, "Succeeded"),
        detail("Both", 101, 111, "Succeeded"),
        detail("Window", 200, 205, "Failed", {
          output: { executionResult: { errorDetails: { message: "outside the window" } } },
        }),
      ],
      pipeline,
    );
    expect(rows.map((r) => `${r.ruleName}:${r.hook}:${r.phase}`)).toEqual([
      "Window:entry:failed",
      "Both:null:succeeded",
      "Alarm:success:running",
    ]);
    const [window, , alarm] = rows;
    expect(window?.segments.map((s) => s.start)).toEqual([100_000, 200_000]);
    expect(window?.start).toBe(100_000);
    expect(window?.end).toBe(205_000);
    expect(window?.segments[1]?.error).toBe("outside the window");
    // Still being evaluated: no end, for the segment and the row.
    expect(alarm?.segments[0]?.end).toBeNull();
    expect(alarm?.end).toBeNull();
    expect(alarm?.provider).toBe("CloudWatchAlarm");
  });

  it("reads broken input without throwing", () => {
    const rows = ruleRows([null, 7, {}, { status: "Succeeded", startTime: "not a time" }], undefined);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stageName: "(unnamed stage)", ruleName: "(unnamed rule)", hook: null });
    expect(rows[0]?.segments).toHaveLength(4);
    expect(rows[0]?.start).toBeNull();
  });
});
