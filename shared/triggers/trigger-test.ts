/**
 * Which V2 trigger of a pipeline starts it for a repository event, and why (or why none does).
 *
 * - Filters of one trigger: "These events use an OR operation between different push filters and
 *   an AND operation inside filters", and between kinds "OR operation is used between push and
 *   pullRequest or multiples" (pipeline structure reference, `triggers`:
 *   https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html#pipeline.triggers).
 * - A trigger without filters: "No filter — This trigger configuration starts your pipeline on any
 *   push to the default branch specified as part of action configuration."
 *   (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-triggers.html)
 * - A connection source action without a trigger keeps default change detection: `DetectChanges`
 *   "Controls automatically starting your pipeline when a new commit is made on the configured
 *   repository and branch. If unspecified, the default value is `true`"
 *   (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html);
 *   a trigger replaces it: "When a trigger configuration is specified, default change detection
 *   for repository and branch commits is disabled." (API reference, PipelineTriggerDeclaration:
 *   https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineTriggerDeclaration.html)
 *
 * Paths in the result are relative to the pipeline declaration (`["triggers", 0, …]`).
 */
import type { JsonPath, PipelineDeclaration } from "../pipeline/model";
import { badPatterns, quote, readPatternLists } from "./criteria";
import type { TriggerEvent } from "./event";
import { judgePullRequestFilter, judgePushFilter, type FilterVerdict } from "./filters";

/** The provider whose source actions can have triggers. */
const CONNECTION_PROVIDER = "CodeStarSourceConnection";

/** The verdict for one source action: its declared trigger, or its default change detection. */
export interface TriggerVerdict {
  readonly sourceActionName: string;
  /** `trigger`: a declared trigger; `default`: no trigger, the action's own change detection. */
  readonly origin: "trigger" | "default";
  /** Index into `pipeline.triggers` for a declared trigger. */
  readonly triggerIndex?: number;
  readonly fires: boolean;
  readonly reason: string;
  /** Per filter, in declaration order (push filters first); empty for an unfiltered trigger. */
  readonly filters: readonly FilterVerdict[];
  /** Patterns that are not valid globs (they never match). */
  readonly problems: readonly string[];
}

/** What `pipewright trigger-test` prints, plus the per-trigger detail the inspector shows. */
export interface TriggerTestResult {
  readonly fires: boolean;
  /** The source action of the first trigger that fires, else null. */
  readonly sourceActionName: string | null;
  readonly reason: string;
  readonly verdicts: readonly TriggerVerdict[];
}

interface SourceAction {
  name: string;
  provider: string | undefined;
  branchName: string | undefined;
  detectChanges: string | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function sourceActions(pipeline: PipelineDeclaration): SourceAction[] {
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
  return stages.flatMap((stage) =>
    (Array.isArray(stage?.actions) ? stage.actions : []).flatMap((action) => {
      const type = record(action?.actionTypeId);
      if (type?.category !== "Source") return [];
      const config = record(action.configuration);
      return [
        {
          name: text(action.name) ?? "",
          provider: text(type.provider),
          branchName: text(config?.BranchName),
          detectChanges: text(config?.DetectChanges),
        },
      ];
    }),
  );
}

/** A push to the action's BranchName starts the run (an unfiltered trigger, or default detection). */
function branchPushVerdict(
  source: SourceAction | undefined,
  name: string,
  event: TriggerEvent,
  what: string,
): { fires: boolean; reason: string } {
  const branch = source?.branchName;
  if (branch === undefined) {
    return { fires: false, reason: `${what}; the source action ${quote(name)} has no BranchName` };
  }
  if (event.kind !== "push") {
    return { fires: false, reason: `${what} on a push to ${quote(branch)}, not on pull requests` };
  }
  if (event.branch === undefined) {
    return { fires: false, reason: `${what} on a push to ${quote(branch)}, not on a tag push` };
  }
  return event.branch === branch
    ? { fires: true, reason: `${what} on a push to its default branch ${quote(branch)}` }
    : { fires: false, reason: `${what} on a push to ${quote(branch)} only, not ${quote(event.branch)}` };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function patternProblems(filters: unknown[], kind: string, base: JsonPath): string[] {
  return filters.flatMap((filter, i) => {
    const value = record(filter) ?? {};
    return (["branches", "tags", "filePaths"] as const).flatMap((part) => {
      const lists = readPatternLists(value[part]);
      return lists
        ? badPatterns(lists).map(
            (bad) =>
              `${[...base, kind, i, part, bad.list, bad.index].join(".")}: ${quote(bad.pattern)} never matches: ${bad.problem}`,
          )
        : [];
    });
  });
}

function judgeTrigger(
  trigger: unknown,
  index: number,
  sources: SourceAction[],
  event: TriggerEvent,
): TriggerVerdict | undefined {
  const git = record(record(trigger)?.gitConfiguration);
  const name = text(git?.sourceActionName);
  if (!git || name === undefined) return undefined;
  const base: JsonPath = ["triggers", index, "gitConfiguration"];
  const push = listOf(git.push);
  const pullRequest = listOf(git.pullRequest);
  const common = { sourceActionName: name, origin: "trigger" as const, triggerIndex: index };
  if (push.length === 0 && pullRequest.length === 0) {
    const source = sources.find((s) => s.name === name);
    const verdict = branchPushVerdict(
      source,
      name,
      event,
      "its trigger has no filter, so it starts the pipeline",
    );
    return {
      ...common,
      ...verdict,
      reason: `Trigger of ${quote(name)}: ${verdict.reason}`,
      filters: [],
      problems: [],
    };
  }
  const filters = [
    ...push.map((f, i) => judgePushFilter(f, i, event, [...base, "push", i])),
    ...pullRequest.map((f, i) => judgePullRequestFilter(f, i, event, [...base, "pullRequest", i])),
  ];
  const problems = [
    ...patternProblems(push, "push", base),
    ...patternProblems(pullRequest, "pullRequest", base),
  ];
  const matched = filters.find((f) => f.matched);
  const relevant = filters.filter((f) =>
    event.kind === "push" ? f.kind === "push" : f.kind === "pullRequest",
  );
  let detail: string;
  if (matched) detail = `fires: ${matched.reason}`;
  else if (relevant.length === 0) {
    detail = `does not fire: it has no ${event.kind === "push" ? "push" : "pull request"} filters`;
  } else detail = `does not fire: ${relevant.map((f) => f.reason).join("; ")}`;
  return {
    ...common,
    fires: matched !== undefined,
    reason: `Trigger of ${quote(name)} ${detail}`,
    filters,
    problems,
  };
}

/** Judges every trigger (and every connection source without one) against the event. */
export function testTriggers(pipeline: PipelineDeclaration, event: TriggerEvent): TriggerTestResult {
  const sources = sourceActions(pipeline);
  const verdicts: TriggerVerdict[] = [];
  const triggered = new Set<string>();
  listOf(pipeline.triggers).forEach((trigger, index) => {
    const verdict = judgeTrigger(trigger, index, sources, event);
    if (!verdict || triggered.has(verdict.sourceActionName)) return;
    triggered.add(verdict.sourceActionName);
    verdicts.push(verdict);
  });
  for (const source of sources) {
    if (source.provider !== CONNECTION_PROVIDER || triggered.has(source.name)) continue;
    if (source.detectChanges?.toLowerCase() === "false") {
      verdicts.push({
        sourceActionName: source.name,
        origin: "default",
        fires: false,
        reason: `Source action ${quote(source.name)} has no trigger and DetectChanges is false, so no Git event starts it`,
        filters: [],
        problems: [],
      });
      continue;
    }
    const verdict = branchPushVerdict(
      source,
      source.name,
      event,
      `Source action ${quote(source.name)} has no trigger; its default change detection starts the pipeline`,
    );
    verdicts.push({
      sourceActionName: source.name,
      origin: "default",
      ...verdict,
      filters: [],
      problems: [],
    });
  }
  const firing = verdicts.find((v) => v.fires);
  if (firing)
    return { fires: true, sourceActionName: firing.sourceActionName, reason: firing.reason, verdicts };
  const reason =
    verdicts.length === 0
      ? "No trigger fires: the pipeline has no triggers and no CodeStarSourceConnection source action"
      : `No trigger fires. ${verdicts.map((v) => v.reason).join(". ")}`;
  return { fires: false, sourceActionName: null, reason, verdicts };
}
