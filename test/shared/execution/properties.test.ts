/** Property tests: shared/execution is total over any input and its output is stable and consistent. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTimeline,
  criticalPath,
  progress,
  runStats,
  summarizeRuns,
  toEpochMs,
  type ApiActionExecutionDetail,
  type ApiPipelineExecutionSummary,
  type ApiPipelineState,
  type Timeline,
  type TimelineInput,
} from "../../../shared/execution";

const BASE_S = 1_767_600_000;
/** Shallow junk: deep random structures only slow the run without reaching new code. */
const junk = fc.anything({ maxDepth: 2 });
const STAGES = ["Source", "Build", "Test", "Deploy", "__proto__"];
const ACTIONS = ["Checkout", "Compile", "Lint", "Review", "constructor"];
const STATUSES = [
  "InProgress",
  "Succeeded",
  "Failed",
  "Abandoned",
  "Stopped",
  "Stopping",
  "Superseded",
  "Cancelled",
  "Weird",
];

/** A timestamp in any accepted form, or something that is not one. */
const timestamp = fc.oneof(
  fc.integer({ min: 0, max: 7200 }).map((s) => BASE_S + s),
  fc.integer({ min: 0, max: 7200 }).map((s) => (BASE_S + s) * 1000),
  fc.integer({ min: 0, max: 7200 }).map((s) => new Date((BASE_S + s) * 1000)),
  fc.integer({ min: 0, max: 7200 }).map((s) => new Date((BASE_S + s) * 1000).toISOString()),
  fc.constantFrom(undefined, null, Number.NaN, -1, "", "yesterday", new Date(Number.NaN), Infinity),
);

const detail = (index: number) =>
  fc.record(
    {
      pipelineExecutionId: fc.constantFrom("run-1", "run-1", "run-1", "run-2"),
      actionExecutionId: fc.constant(`ae-${index}`),
      stageName: fc.oneof(fc.constantFrom(...STAGES), fc.constant(undefined)),
      actionName: fc.constantFrom(...ACTIONS),
      status: fc.oneof(fc.constantFrom(...STATUSES), junk),
      startTime: timestamp,
      lastUpdateTime: timestamp,
      input: fc.oneof(
        fc.record({
          actionTypeId: fc.record({ category: fc.constantFrom("Source", "Build", "Approval", "Test") }),
          configuration: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
        }),
        junk,
      ),
      output: fc.oneof(
        fc.record({
          executionResult: fc.record(
            {
              errorDetails: fc.record({ code: fc.string(), message: fc.string() }),
              externalExecutionUrl: fc.oneof(fc.webUrl(), fc.constant("javascript:alert(1)")),
              logStreamARN: fc.oneof(
                fc.constant(
                  "arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/app:log-stream:abc/def",
                ),
                fc.string(),
              ),
            },
            { requiredKeys: [] },
          ),
          outputVariables: fc.dictionary(fc.string(), fc.oneof(fc.string(), junk)),
        }),
        junk,
      ),
    },
    { requiredKeys: ["actionExecutionId", "actionName"] },
  );

const details = fc
  .integer({ min: 0, max: 14 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => detail(i))))
  .map((list) => list as ApiActionExecutionDetail[]);

const pipeline = fc.oneof(
  fc.constant(undefined),
  fc.record({
    stages: fc.array(
      fc.record({
        name: fc.constantFrom(...STAGES),
        actions: fc.array(
          fc.record({
            name: fc.constantFrom(...ACTIONS),
            runOrder: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(undefined)),
          }),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 5 },
    ),
  }),
  junk,
);

const summary = fc.record(
  {
    pipelineExecutionId: fc.constantFrom("run-1", "run-2", undefined),
    status: fc.oneof(fc.constantFrom(...STATUSES), junk),
    startTime: timestamp,
    lastUpdateTime: timestamp,
    executionType: fc.constantFrom("STANDARD", "ROLLBACK", undefined),
    trigger: fc.oneof(fc.record({ triggerType: fc.string() }), junk),
    sourceRevisions: fc.oneof(
      fc.array(fc.record({ revisionId: fc.string(), revisionUrl: fc.string() })),
      junk,
    ),
  },
  { requiredKeys: [] },
);

const timelineInput = fc
  .record({ summary, actionExecutions: details, pipeline })
  .map((v) => v as TimelineInput);

const segmentsOf = (t: Timeline) => t.stages.flatMap((s) => s.actions.flatMap((a) => a.segments));

describe("never throws", () => {
  it("on anything at all", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const timeline = buildTimeline(a as TimelineInput);
        buildTimeline({
          summary: a,
          execution: b,
          actionExecutions: a,
          pipeline: b,
        } as unknown as TimelineInput);
        criticalPath(a as Timeline);
        criticalPath(timeline);
        runStats(a as Timeline[], 5);
        runStats([a, b, timeline] as Timeline[], 3);
        progress(a as ApiPipelineState);
        progress({ stageStates: [a, b] } as ApiPipelineState, "x");
        summarizeRuns(a as ApiPipelineExecutionSummary[]);
        summarizeRuns([a, b] as ApiPipelineExecutionSummary[], b as number);
        toEpochMs(a);
      }),
      { numRuns: 400 },
    );
  });

  it("on execution-shaped data with missing times, unknown statuses and hostile names", () => {
    fc.assert(
      fc.property(timelineInput, (input) => {
        const timeline = buildTimeline(input);
        criticalPath(timeline);
        runStats([timeline, timeline], 2);
      }),
      { numRuns: 200 },
    );
  });
});

describe("timeline invariants", () => {
  it("keeps every detail of the run once, with consistent times and non-negative waits", () => {
    fc.assert(
      fc.property(timelineInput, (input) => {
        const t = buildTimeline(input);
        const id =
          typeof input.summary?.pipelineExecutionId === "string" ? input.summary.pipelineExecutionId : null;
        // A detail naming no run is taken to belong to this one.
        const ofRun = input.actionExecutions.filter(
          (d) => id === null || d.pipelineExecutionId === undefined || d.pipelineExecutionId === id,
        );
        const segments = segmentsOf(t);
        expect(segments.map((s) => s.actionExecutionId).sort()).toEqual(
          ofRun.map((d) => d.actionExecutionId ?? null).sort(),
        );
        for (const s of segments) {
          if (s.start !== null && s.end !== null) expect(s.end).toBeGreaterThanOrEqual(s.start);
          if (s.waitBeforeMs !== null) expect(s.waitBeforeMs).toBeGreaterThanOrEqual(0);
          expect(s.retry).toBe(s.attempt > 1);
          if (s.externalExecutionUrl !== null) expect(s.externalExecutionUrl).toMatch(/^https?:\/\//);
        }
        if (t.durationMs !== null) expect(t.durationMs).toBeGreaterThanOrEqual(0);
        // What crosses IPC as JSON comes back equal.
        expect(JSON.parse(JSON.stringify(t))).toEqual(t);
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order of the details", () => {
    fc.assert(
      fc.property(
        timelineInput.chain((input) =>
          fc
            .shuffledSubarray([...input.actionExecutions], { minLength: input.actionExecutions.length })
            .map((shuffled) => [input, shuffled] as const),
        ),
        ([input, shuffled]) => {
          expect(buildTimeline({ ...input, actionExecutions: shuffled })).toEqual(buildTimeline(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("builds a critical path that moves forward in time", () => {
    fc.assert(
      fc.property(timelineInput, (input) => {
        const { steps, workMs, waitMs } = criticalPath(buildTimeline(input));
        for (let i = 1; i < steps.length; i++) {
          const previous = steps[i - 1];
          const step = steps[i];
          if (previous?.end != null && step?.start != null)
            expect(previous.end).toBeLessThanOrEqual(step.start);
        }
        expect(workMs).toBeGreaterThanOrEqual(0);
        expect(waitMs).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("gives statistics within the observed range", () => {
    fc.assert(
      fc.property(fc.array(timelineInput, { maxLength: 6 }), fc.integer({ min: 1, max: 8 }), (inputs, n) => {
        const stats = runStats(inputs.map(buildTimeline), n);
        expect(stats.runs).toBe(Math.min(n, inputs.length));
        for (const a of stats.actions) {
          expect(a.minMs).toBeLessThanOrEqual(a.medianMs);
          expect(a.medianMs).toBeLessThanOrEqual(a.p90Ms);
          expect(a.p90Ms).toBeLessThanOrEqual(a.maxMs);
          expect(a.samples).toBeLessThanOrEqual(stats.runs);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("toEpochMs", () => {
  it("reads epoch seconds, milliseconds, Dates and ISO strings as the same instant", () => {
    const at = Date.UTC(2026, 0, 5, 9, 0, 0);
    for (const form of [at / 1000, at, new Date(at), new Date(at).toISOString(), String(at / 1000)]) {
      expect(toEpochMs(form)).toBe(at);
    }
    expect(toEpochMs(1767603600.123)).toBe(1767603600123);
    for (const bad of ["", "soon", Number.NaN, -5, null, undefined, {}, new Date(Number.NaN)]) {
      expect(toEpochMs(bad)).toBeNull();
    }
  });
});
