/**
 * The `expect` section of a what-if scenario: what the team says the rehearsed run must do. It is
 * a part of the `pipewright rehearse --format json` output, so an expectation reads like the
 * result it is checked against:
 *
 *   "expect": {
 *     "status": "Failed",
 *     "stages": [{ "name": "Deploy", "status": "Failed", "rolledBack": true }],
 *     "actions": [{ "stage": "Deploy", "name": "DeployApp", "status": "Failed" }]
 *   }
 *
 * Stage members compare with the stage's result; action members with the action's last execution
 * in the rehearsed run (`resolvedConfiguration` lists only the keys that must match).
 */
import { z } from "zod";
import type { ExpectationOutcome, RehearsalResult } from "./types";

const stageExpectation = z
  .object({
    name: z.string(),
    status: z.string().nullable().optional(),
    attempts: z.number().int().min(0).optional(),
    rolledBack: z.boolean().optional(),
  })
  .strict();

const actionExpectation = z
  .object({
    stage: z.string(),
    name: z.string(),
    status: z.string().optional(),
    resolvedConfiguration: z.record(z.string(), z.string()).optional(),
    outputVariables: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** The schema of an `expect` section. */
export const expectSchema = z
  .object({
    status: z.string().optional(),
    stages: z.array(stageExpectation).optional(),
    actions: z.array(actionExpectation).optional(),
  })
  .strict();

/** A parsed `expect` section. */
export type RehearsalExpect = z.infer<typeof expectSchema>;

/** Reads an `expect` section; throws an Error naming the first problem. */
export function parseExpect(value: unknown): RehearsalExpect {
  const parsed = expectSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `expect.${issue.path.join(".")}` : "expect";
  throw new Error(`Invalid scenario at ${where}: ${issue?.message ?? "unknown problem"}`);
}

function show(value: unknown): string {
  return value === null || value === undefined
    ? "not run"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);
}

/** Checks every expectation against a rehearsal; paths point into the scenario file. */
export function checkExpectations(expect: RehearsalExpect, result: RehearsalResult): ExpectationOutcome[] {
  const outcomes: ExpectationOutcome[] = [];
  const compare = (
    path: (string | number)[],
    what: string,
    expected: unknown,
    actual: unknown,
    about: { stage?: string; action?: string } = {},
  ): void => {
    outcomes.push({
      passed: JSON.stringify(expected) === JSON.stringify(actual ?? null),
      expected: `${what} = ${show(expected)}`,
      actual: `${what} = ${show(actual)}`,
      path: ["expect", ...path],
      ...about,
    });
  };
  if (expect.status !== undefined) compare(["status"], "run status", expect.status, result.status);
  (expect.stages ?? []).forEach((wanted, index) => {
    const stage = result.stages.find((s) => s.name === wanted.name);
    const what = `stage ${wanted.name}`;
    if (!stage) {
      outcomes.push({
        passed: false,
        expected: `${what} exists`,
        actual: `the pipeline has no stage ${wanted.name}`,
        path: ["expect", "stages", index, "name"],
        stage: wanted.name,
      });
      return;
    }
    if (wanted.status !== undefined)
      compare(["stages", index, "status"], `${what} status`, wanted.status, stage.status, {
        stage: wanted.name,
      });
    if (wanted.attempts !== undefined)
      compare(["stages", index, "attempts"], `${what} attempts`, wanted.attempts, stage.attempts, {
        stage: wanted.name,
      });
    if (wanted.rolledBack !== undefined)
      compare(["stages", index, "rolledBack"], `${what} rolledBack`, wanted.rolledBack, stage.rolledBack, {
        stage: wanted.name,
      });
  });
  (expect.actions ?? []).forEach((wanted, index) => {
    const about = { stage: wanted.stage, action: wanted.name };
    const runs = result.actions.filter((a) => a.stage === wanted.stage && a.name === wanted.name);
    const last = runs[runs.length - 1];
    const what = `action ${wanted.stage}.${wanted.name}`;
    if (!last) {
      outcomes.push({
        passed: false,
        expected: `${what} runs`,
        actual: `${what} did not run`,
        path: ["expect", "actions", index],
        ...about,
      });
      return;
    }
    if (wanted.status !== undefined)
      compare(["actions", index, "status"], `${what} status`, wanted.status, last.status, about);
    for (const [key, value] of Object.entries(wanted.resolvedConfiguration ?? {})) {
      compare(
        ["actions", index, "resolvedConfiguration", key],
        `${what} ${key}`,
        value,
        last.resolvedConfiguration[key],
        about,
      );
    }
    for (const [key, value] of Object.entries(wanted.outputVariables ?? {})) {
      compare(
        ["actions", index, "outputVariables", key],
        `${what} output ${key}`,
        value,
        last.outputVariables[key],
        about,
      );
    }
  });
  return outcomes;
}
