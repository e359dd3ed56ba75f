/**
 * One include/exclude criterion (`GitBranchFilterCriteria`, `GitTagFilterCriteria`,
 * `GitFilePathFilterCriteria`) against the values of an event.
 *
 * Precedence, from the documentation:
 * - Pipeline structure reference, `triggers`
 *   (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html#pipeline.triggers):
 *   "Branches use an AND operation between includes and excludes." and, for each list,
 *   "Includes use an OR operation." / "Excludes use an OR operation." The same field definitions
 *   are on "Trigger filtering in the pipeline JSON (CLI)"
 *   (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter-cli.html).
 * - Add trigger with code push or pull request event types
 *   (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html):
 *   "If the include and exclude both have the same pattern, then the default is to exclude the
 *   pattern." — so an exclude that matches decides, whatever the includes say.
 * - The CDK's GitPushFilter reference
 *   (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_codepipeline.GitPushFilter.html):
 *   "The branchesExcludes takes priority over the branchesIncludes."
 *
 * An absent list does not constrain: a criterion with only excludes lets every other value
 * through (the AND has nothing on the include side).
 */
import { compileGlob } from "./glob";

/** Include and exclude patterns as read from the document (anything else is ignored). */
export interface PatternLists {
  includes?: readonly string[];
  excludes?: readonly string[];
}

/** What decided one value: the pattern (and its list) that matched, or the includes that did not. */
export type ValueVerdict =
  | { readonly passes: false; readonly list: "excludes"; readonly index: number; readonly pattern: string }
  | { readonly passes: true; readonly list: "includes"; readonly index: number; readonly pattern: string }
  | { readonly passes: false; readonly list: "includes"; readonly patterns: readonly string[] }
  | { readonly passes: true; readonly list: "none" };

/** A pattern the glob language refuses, reported instead of silently never matching. */
export interface BadPattern {
  readonly list: "includes" | "excludes";
  readonly index: number;
  readonly pattern: string;
  readonly problem: string;
}

function firstMatch(patterns: readonly string[] | undefined, value: string): number {
  if (!patterns) return -1;
  return patterns.findIndex((pattern) => {
    const compiled = compileGlob(pattern);
    return compiled.ok && compiled.regex.test(value);
  });
}

/** Reads `{includes, excludes}` from an unknown value, keeping only string patterns. */
export function readPatternLists(value: unknown): PatternLists | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const list = (member: unknown): string[] | undefined =>
    Array.isArray(member) ? member.filter((p): p is string => typeof p === "string") : undefined;
  const includes = list(record.includes);
  const excludes = list(record.excludes);
  return { ...(includes ? { includes } : {}), ...(excludes ? { excludes } : {}) };
}

/** The patterns of a criterion that are not valid globs. */
export function badPatterns(lists: PatternLists): BadPattern[] {
  const bad: BadPattern[] = [];
  for (const list of ["includes", "excludes"] as const) {
    (lists[list] ?? []).forEach((pattern, index) => {
      const compiled = compileGlob(pattern);
      if (!compiled.ok) bad.push({ list, index, pattern, problem: compiled.problem });
    });
  }
  return bad;
}

/** Decides one value: excludes first (they win), then includes (when there are any). */
export function judgeValue(lists: PatternLists, value: string): ValueVerdict {
  const excluded = firstMatch(lists.excludes, value);
  if (excluded >= 0) {
    return { passes: false, list: "excludes", index: excluded, pattern: lists.excludes?.[excluded] ?? "" };
  }
  if (lists.includes && lists.includes.length > 0) {
    const included = firstMatch(lists.includes, value);
    if (included < 0) return { passes: false, list: "includes", patterns: lists.includes };
    return { passes: true, list: "includes", index: included, pattern: lists.includes[included] ?? "" };
  }
  return { passes: true, list: "none" };
}

/** Quotes a value for a reason text. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** "included by "feature/**"", "excluded by "mainline"", "matches none of the includes …". */
export function describeVerdict(verdict: ValueVerdict): string {
  switch (verdict.list) {
    case "excludes":
      return `excluded by ${quote(verdict.pattern)} (excludes win over includes)`;
    case "includes":
      return verdict.passes
        ? `included by ${quote(verdict.pattern)}`
        : `matches none of the includes ${verdict.patterns.map(quote).join(", ")}`;
    case "none":
      return "not excluded (no includes to match)";
  }
}
