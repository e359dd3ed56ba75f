import type { JsonPath } from "../pipeline/model";
import { arrayMember, member, recordMember, stringMember } from "./json-value";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/** The only provider whose source actions can have triggers. */
const TRIGGER_PROVIDER = "CodeStarSourceConnection";
const FILTER_GUIDE = "https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html";

/**
 * A trigger names no source action of the pipeline.
 *
 * AWS: "sourceActionName — The name of the pipeline source action where the trigger configuration,
 * such as Git tags, is specified." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitConfiguration.html
 */
export const TRIGGER_SOURCE_NOT_FOUND = defineRule(
  "trigger-source-not-found",
  "error",
  "A trigger's sourceActionName does not name a source action of the pipeline.",
);

/**
 * A trigger names a source action that is not a connection.
 *
 * AWS: "This is only supported for the CodeStarSourceConnection action type." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineTriggerDeclaration.html
 */
export const TRIGGER_SOURCE_NOT_CONNECTION = defineRule(
  "trigger-source-not-connection",
  "error",
  "Triggers work only on CodeStarSourceConnection source actions.",
);

/**
 * Two triggers for one source action.
 *
 * AWS: "You can only specify one trigger configuration per source action." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitConfiguration.html
 */
export const DUPLICATE_TRIGGER = defineRule(
  "duplicate-trigger",
  "error",
  "A source action may have only one trigger.",
);

/**
 * A push filter that is not tags alone, branches alone or branches with file paths, or a pull
 * request filter without branches. The user guide lists only those combinations, while the CLI
 * reference's own create-pipeline example mixes tags, branches and file paths in one push filter;
 * until the service is seen to refuse a mix, this warns and cites the guide.
 *
 * AWS: "The pipeline definition allows you to combine different filters within the same push
 * trigger configuration. … Valid combinations are: tags, branches, branches + file paths" —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
 * AWS: "Pull request — Valid filter combinations are: branches, branches + file paths" —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-triggers.html
 */
export const TRIGGER_FILTER_COMBINATION = defineRule(
  "trigger-filter-combination",
  "warning",
  "A trigger filter combines filter types the user guide does not list as valid.",
);

function checkPushFilter(context: RuleContext, filter: unknown, path: JsonPath): void {
  const has = (key: string) => member(filter, key) !== undefined;
  const tags = has("tags");
  const branches = has("branches");
  const filePaths = has("filePaths");
  const valid = (tags && !branches && !filePaths) || (!tags && branches);
  if (valid) return;
  const used = [tags && "tags", branches && "branches", filePaths && "file paths"]
    .filter(Boolean)
    .join(" + ");
  context.report(
    TRIGGER_FILTER_COMBINATION,
    path,
    `The user guide ("Filter triggers on code push or pull requests", ${FILTER_GUIDE}) lists only tags, branches, or branches + file paths for a push filter; split it into one filter for tags and one for branches, for example [{"tags": {"includes": ["v*"]}}, {"branches": {"includes": ["main"]}}]: ${used || "no filter type"}`,
  );
}

function checkPullRequestFilter(context: RuleContext, filter: unknown, path: JsonPath): void {
  if (member(filter, "branches") !== undefined) return;
  const used = member(filter, "filePaths") !== undefined ? "file paths" : "no branches";
  context.report(
    TRIGGER_FILTER_COMBINATION,
    path,
    `The user guide ("Filter triggers on code push or pull requests", ${FILTER_GUIDE}) lists only branches, or branches + file paths, for a pull request filter; add the branches it applies to, for example {"branches": {"includes": ["main"]}}: ${used}`,
  );
}

function checkSource(context: RuleContext, name: string, path: JsonPath, triggered: Set<string>): void {
  const source = context.index.sourceActions.get(name);
  if (source === undefined) {
    context.report(
      TRIGGER_SOURCE_NOT_FOUND,
      path,
      `Set the Trigger source action to the name of a source action in the first stage, for example Source: ${name}`,
    );
  } else if (source.provider !== TRIGGER_PROVIDER) {
    context.report(
      TRIGGER_SOURCE_NOT_CONNECTION,
      path,
      `Triggers need a Git connection source action (${TRIGGER_PROVIDER}), not ${source.provider ?? "this provider"}; point the trigger at one: ${name}`,
    );
  }
  if (triggered.has(name)) {
    context.report(
      DUPLICATE_TRIGGER,
      path,
      `Merge this trigger's filters into the earlier trigger for the same source action: ${name}`,
    );
  }
  triggered.add(name);
}

function check(context: RuleContext): void {
  const triggered = new Set<string>();
  arrayMember(context.index.pipeline, "triggers").forEach((trigger, i) => {
    const git = recordMember(trigger, "gitConfiguration");
    const gitPath = ["triggers", i, "gitConfiguration"];
    const name = stringMember(git, "sourceActionName");
    if (name !== undefined) checkSource(context, name, [...gitPath, "sourceActionName"], triggered);
    arrayMember(git, "push").forEach((filter, f) =>
      checkPushFilter(context, filter, [...gitPath, "push", f]),
    );
    arrayMember(git, "pullRequest").forEach((filter, f) =>
      checkPullRequestFilter(context, filter, [...gitPath, "pullRequest", f]),
    );
  });
}

/** V2 triggers: each names one connection source action, at most once, with documented filters. */
export const TRIGGERS: RuleGroup = {
  topic: "triggers",
  rules: [
    TRIGGER_SOURCE_NOT_FOUND,
    TRIGGER_SOURCE_NOT_CONNECTION,
    DUPLICATE_TRIGGER,
    TRIGGER_FILTER_COMBINATION,
  ],
  check,
};
