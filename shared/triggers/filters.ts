/**
 * One push or pull-request filter of a trigger against one event.
 *
 * How the parts of a filter combine — pipeline structure reference, `triggers`
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html#pipeline.triggers,
 * and the field definitions of https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter-cli.html):
 * - push: "These events use an OR operation between different push filters and an AND operation
 *   inside filters." and "AND operation is used between filePaths, branches, and tags".
 * - pull request: "AND operation is used between events, filePaths, and branches".
 *
 * What each part is matched against — "Add trigger with code push or pull request event types"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html):
 * "For a push trigger, specify the branches you're pushing _to_, that is, the _destination_
 * branches. For a pull request trigger, specify destination branches you're opening pull request
 * to." A tag push carries a tag and no branch, a branch push a branch and no tag, so a filter
 * with `tags` matches tag pushes only and one with `branches` branch pushes only; the guide's
 * "Valid filter combinations" for push are "Git tags", "branches" and "branches + file paths"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-triggers.html).
 *
 * File paths are judged per changed file: a file counts when it matches an include (or there are
 * no includes) and no exclude, and the criterion holds when at least one changed file counts. The
 * guide says only "OR operation is used between file path names" and "AND operation is used
 * between includes and excludes"; judging per file is what its monorepo example means (changes
 * under `projectA/**` start the pipeline, a change to nothing but `**\/README.md` does not).
 *
 * Pull-request `events`: the CDK reference for GitPullRequestFilter
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_codepipeline.GitPullRequestFilter.html)
 * documents "events … Default: - all events".
 */
import type { GitPullRequestEventType, JsonPath } from "../pipeline/model";
import { describeVerdict, judgeValue, quote, readPatternLists, type PatternLists } from "./criteria";
import type { TriggerEvent } from "./event";

/** Which part of a filter decided its outcome, with the JSON path of the deciding list or pattern. */
export interface FilterDecision {
  readonly part: "branches" | "tags" | "filePaths" | "events" | "kind";
  readonly path: JsonPath;
}

/** The outcome of one filter. */
export interface FilterVerdict {
  readonly kind: "push" | "pullRequest";
  readonly index: number;
  readonly matched: boolean;
  /** Every part that was checked, in order, as a sentence each. */
  readonly reason: string;
  /** The part that failed (the first one), or for a match the last part checked. */
  readonly decidedBy: FilterDecision;
}

const MAX_FILES_NAMED = 3;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

interface PartOutcome {
  passes: boolean;
  sentence: string;
  /** Relative to the part: e.g. ["excludes", 0] or ["includes"]. */
  path: JsonPath;
}

function judgeName(what: string, lists: PatternLists, value: string): PartOutcome {
  const verdict = judgeValue(lists, value);
  const path =
    verdict.list === "excludes" || (verdict.list === "includes" && verdict.passes)
      ? [verdict.list, verdict.index]
      : verdict.list === "includes"
        ? ["includes"]
        : [];
  return { passes: verdict.passes, sentence: `${what} ${quote(value)} ${describeVerdict(verdict)}`, path };
}

function judgeFiles(lists: PatternLists, files: readonly string[]): PartOutcome {
  if (files.length === 0) {
    return {
      passes: false,
      sentence: "the filter checks file paths and the event changed no files",
      path: [],
    };
  }
  const verdicts = files.map((file) => ({ file, verdict: judgeValue(lists, file) }));
  const counted = verdicts.find((v) => v.verdict.passes);
  if (counted) {
    const outcome = judgeName("file", lists, counted.file);
    return { ...outcome, passes: true };
  }
  const named = verdicts
    .slice(0, MAX_FILES_NAMED)
    .map((v) => `${quote(v.file)} ${describeVerdict(v.verdict)}`);
  const more = verdicts.length > MAX_FILES_NAMED ? ` (and ${verdicts.length - MAX_FILES_NAMED} more)` : "";
  const first = verdicts[0]?.verdict;
  const path = first?.list === "excludes" ? ["excludes", first.index] : ["includes"];
  return { passes: false, sentence: `no changed file counts: ${named.join("; ")}${more}`, path };
}

function verdictOf(
  kind: "push" | "pullRequest",
  index: number,
  base: JsonPath,
  parts: { part: FilterDecision["part"]; outcome: PartOutcome }[],
): FilterVerdict {
  const failed = parts.find((p) => !p.outcome.passes);
  const decisive = failed ?? parts[parts.length - 1];
  const checked = failed ? parts.slice(0, parts.indexOf(failed) + 1) : parts;
  const label = `${kind === "push" ? "push" : "pull request"} filter ${index + 1}`;
  const body =
    checked.length === 0
      ? "has no criteria, so it matches"
      : checked.map((p) => p.outcome.sentence).join(", ");
  return {
    kind,
    index,
    matched: failed === undefined,
    reason: `${label}: ${body}`,
    decidedBy: decisive
      ? {
          part: decisive.part,
          path: [...base, ...(decisive.part === "kind" ? [] : [decisive.part]), ...decisive.outcome.path],
        }
      : { part: "kind", path: base },
  };
}

/** Judges one `GitPushFilter` against an event (a pull request never matches a push filter). */
export function judgePushFilter(
  filter: unknown,
  index: number,
  event: TriggerEvent,
  base: JsonPath,
): FilterVerdict {
  const value = record(filter) ?? {};
  const parts: { part: FilterDecision["part"]; outcome: PartOutcome }[] = [];
  const tags = readPatternLists(value.tags);
  const branches = readPatternLists(value.branches);
  const filePaths = readPatternLists(value.filePaths);
  if (event.kind !== "push") {
    parts.push({
      part: "kind",
      outcome: { passes: false, sentence: "a pull request does not match a push filter", path: [] },
    });
    return verdictOf("push", index, base, parts);
  }
  if (tags) {
    if (event.tag === undefined) {
      parts.push({
        part: "tags",
        outcome: {
          passes: false,
          sentence: `it filters Git tags and a branch push carries no tag`,
          path: [],
        },
      });
    } else parts.push({ part: "tags", outcome: judgeName("tag", tags, event.tag) });
  }
  if (branches) {
    if (event.branch === undefined) {
      parts.push({
        part: "branches",
        outcome: {
          passes: false,
          sentence: "it filters branches and a tag push carries no branch",
          path: [],
        },
      });
    } else parts.push({ part: "branches", outcome: judgeName("branch", branches, event.branch) });
  }
  if (!tags && event.tag !== undefined) {
    parts.push({
      part: "kind",
      outcome: {
        passes: false,
        sentence: "it has no tags criteria, so a tag push does not match it",
        path: [],
      },
    });
  }
  if (filePaths) parts.push({ part: "filePaths", outcome: judgeFiles(filePaths, event.files) });
  return verdictOf("push", index, base, parts);
}

const EVENT_WORDS: Record<GitPullRequestEventType, string> = {
  OPEN: "OPEN (opened)",
  UPDATED: "UPDATED (new revision)",
  CLOSED: "CLOSED (merged)",
};

/** Judges one `GitPullRequestFilter` against an event (a push never matches it). */
export function judgePullRequestFilter(
  filter: unknown,
  index: number,
  event: TriggerEvent,
  base: JsonPath,
): FilterVerdict {
  const value = record(filter) ?? {};
  const parts: { part: FilterDecision["part"]; outcome: PartOutcome }[] = [];
  if (event.kind !== "pull-request") {
    parts.push({
      part: "kind",
      outcome: { passes: false, sentence: "a push does not match a pull request filter", path: [] },
    });
    return verdictOf("pullRequest", index, base, parts);
  }
  if (Array.isArray(value.events)) {
    const events = value.events.filter((e): e is string => typeof e === "string");
    const at = events.indexOf(event.action);
    parts.push({
      part: "events",
      outcome:
        at >= 0
          ? { passes: true, sentence: `event ${EVENT_WORDS[event.action]} is listed`, path: [at] }
          : {
              passes: false,
              sentence: `event ${EVENT_WORDS[event.action]} is not among ${events.join(", ") || "the listed events"}`,
              path: [],
            },
    });
  }
  const branches = readPatternLists(value.branches);
  if (branches) {
    parts.push({
      part: "branches",
      outcome: judgeName("destination branch", branches, event.destinationBranch),
    });
  }
  const filePaths = readPatternLists(value.filePaths);
  if (filePaths) parts.push({ part: "filePaths", outcome: judgeFiles(filePaths, event.files) });
  return verdictOf("pullRequest", index, base, parts);
}
