import { member } from "./json-value";
import type { IndexedAction } from "./pipeline-index";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/** Fixed quotas on pipeline size (limits.html: 2–50 stages, 1–50 actions a stage, 500 in all). */
const MIN_STAGES = 2;
const MAX_STAGES = 50;
const MAX_STAGE_ACTIONS = 50;
const MAX_ACTIONS = 500;

/**
 * Fewer than two stages.
 *
 * AWS: "Number of stages in a pipeline | Minimum of 2, maximum of 50" (a fixed quota) — https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 * AWS: "A pipeline must contain at least two stages." — https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html
 */
export const TOO_FEW_STAGES = defineRule("too-few-stages", "error", "A pipeline needs at least two stages.");
/**
 * More than fifty stages.
 *
 * AWS: "Number of stages in a pipeline | Minimum of 2, maximum of 50" (in the table of quotas that
 * "are fixed and cannot be changed") — https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export const TOO_MANY_STAGES = defineRule(
  "too-many-stages",
  "error",
  "A pipeline may have at most 50 stages.",
);
/**
 * Over 50 actions in a stage or 500 in the pipeline.
 *
 * AWS: "Number of actions in a stage | Minimum of 1, maximum of 50" and "Maximum number of actions
 * per pipeline | 500" — https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export const TOO_MANY_ACTIONS = defineRule(
  "too-many-actions",
  "error",
  "A stage may have at most 50 actions and a pipeline at most 500.",
);
/**
 * A stage without actions.
 *
 * AWS: "Number of actions in a stage | Minimum of 1, maximum of 50" — https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export const EMPTY_STAGE = defineRule("empty-stage", "error", "Every stage needs at least one action.");
/**
 * A non-source action in the first stage.
 *
 * AWS: "The first stage of a pipeline must contain at least one source action. It can contain
 * source actions only." — https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html
 */
export const FIRST_STAGE_NOT_SOURCE = defineRule(
  "first-stage-not-source",
  "error",
  "The first stage may hold only source actions.",
);
/**
 * A source action outside the first stage.
 *
 * AWS: "Only the first stage of a pipeline can contain source actions." — https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html
 */
export const SOURCE_NOT_IN_FIRST_STAGE = defineRule(
  "source-not-in-first-stage",
  "error",
  "Source actions belong in the first stage only.",
);
/**
 * The first stage has no source action.
 *
 * AWS: "The first stage of a pipeline must contain at least one source action." — https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-requirements.html
 */
export const NO_SOURCE_ACTION = defineRule(
  "no-source-action",
  "error",
  "The first stage must contain at least one source action.",
);
/**
 * Two stages share a name.
 *
 * AWS: "Stage names must be unique within a pipeline." — https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export const DUPLICATE_STAGE_NAME = defineRule(
  "duplicate-stage-name",
  "error",
  "Stage names must be unique in a pipeline.",
);
/**
 * Two actions of one stage share a name.
 *
 * AWS: "Action names must be unique within a stage." — https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export const DUPLICATE_ACTION_NAME = defineRule(
  "duplicate-action-name",
  "error",
  "Action names must be unique within a stage.",
);
/**
 * A stage's runOrder values skip a number: allowed, but usually left over from an edit.
 *
 * AWS: "The numbering of serial actions do not have to be in strict sequence." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/action-requirements.html
 */
export const RUN_ORDER_GAP = defineRule(
  "run-order-gap",
  "info",
  "A stage's runOrder values skip a number (allowed, but usually a leftover of an edit).",
);

function isSource(action: IndexedAction): boolean {
  return action.category === "Source";
}

function checkCounts(context: RuleContext): void {
  const { index } = context;
  const stageList = index.stageList;
  if (stageList === undefined) return;
  if (stageList.length < MIN_STAGES) {
    context.report(
      TOO_FEW_STAGES,
      ["stages"],
      `Add stages: a pipeline needs at least ${MIN_STAGES} (a source stage and one more); it has: ${stageList.length}`,
    );
  }
  if (stageList.length > MAX_STAGES) {
    context.report(
      TOO_MANY_STAGES,
      ["stages"],
      `Merge or remove stages: a pipeline may have at most ${MAX_STAGES}; it has: ${stageList.length}`,
    );
  }
  let total = 0;
  for (const stage of index.stages) {
    const count = stage.actionList?.length;
    if (count === undefined) continue;
    total += count;
    if (count === 0) {
      context.report(
        EMPTY_STAGE,
        [...stage.path, "actions"],
        `Add an action or remove the stage: ${stage.name ?? `stage ${stage.index + 1}`}`,
      );
    } else if (count > MAX_STAGE_ACTIONS) {
      context.report(
        TOO_MANY_ACTIONS,
        [...stage.path, "actions"],
        `Split this stage: a stage may have at most ${MAX_STAGE_ACTIONS} actions; it has: ${count}`,
      );
    }
  }
  if (total > MAX_ACTIONS) {
    context.report(
      TOO_MANY_ACTIONS,
      ["stages"],
      `Split the pipeline: it may have at most ${MAX_ACTIONS} actions in all; it has: ${total}`,
    );
  }
}

function checkSourcePlacement(context: RuleContext): void {
  const [first, ...rest] = context.index.stages;
  if (first !== undefined && first.index === 0 && first.actions.length > 0) {
    if (!first.actions.some(isSource)) {
      context.report(
        NO_SOURCE_ACTION,
        [...first.path, "actions"],
        `Add a source action (S3, CodeCommit, ECR, a connection…) to the first stage: ${first.name ?? "stage 1"}`,
      );
    } else {
      for (const action of first.actions) {
        if (!isSource(action) && action.category !== undefined) {
          context.report(
            FIRST_STAGE_NOT_SOURCE,
            action.path,
            `Move this ${action.category} action out of the first stage, which may hold only source actions: ${action.name ?? `action ${action.actionIndex + 1}`}`,
          );
        }
      }
    }
  }
  for (const stage of first?.index === 0 ? rest : context.index.stages) {
    for (const action of stage.actions) {
      if (isSource(action)) {
        context.report(
          SOURCE_NOT_IN_FIRST_STAGE,
          action.path,
          `Move this source action to the first stage: ${action.name ?? `action ${action.actionIndex + 1}`}`,
        );
      }
    }
  }
}

function checkNames(context: RuleContext): void {
  const stageNames = new Set<string>();
  for (const stage of context.index.stages) {
    if (stage.name !== undefined) {
      if (stageNames.has(stage.name)) {
        context.report(
          DUPLICATE_STAGE_NAME,
          [...stage.path, "name"],
          `Rename this stage; another stage already has the name: ${stage.name}`,
        );
      }
      stageNames.add(stage.name);
    }
    const actionNames = new Set<string>();
    for (const action of stage.actions) {
      if (action.name === undefined) continue;
      if (actionNames.has(action.name)) {
        context.report(
          DUPLICATE_ACTION_NAME,
          [...action.path, "name"],
          `Rename this action; another action in the stage already has the name: ${action.name}`,
        );
      }
      actionNames.add(action.name);
    }
  }
}

function checkRunOrderGaps(context: RuleContext): void {
  for (const stage of context.index.stages) {
    const firstAt = new Map<number, IndexedAction>();
    for (const action of stage.actions) {
      // An absent runOrder is the service default 1; invalid values are the walker's to report.
      const declared = member(action.action, "runOrder");
      const order = typeof declared === "number" && Number.isInteger(declared) ? declared : 1;
      if (order >= 1 && !firstAt.has(order)) firstAt.set(order, action);
    }
    const orders = [...firstAt.keys()].sort((a, b) => a - b);
    for (let i = 1; i < orders.length; i++) {
      const previous = orders[i - 1] ?? 0;
      const current = orders[i] ?? 0;
      const action = firstAt.get(current);
      if (current - previous > 1 && action !== undefined) {
        context.report(
          RUN_ORDER_GAP,
          [...action.path, "runOrder"],
          `runOrder jumps from ${previous} in this stage; renumber to ${previous + 1} to close the gap: ${current}`,
        );
      }
    }
  }
}

/** Stage and action counts, source placement, unique names and runOrder gaps. */
export const STRUCTURE: RuleGroup = {
  topic: "structure",
  rules: [
    TOO_FEW_STAGES,
    TOO_MANY_STAGES,
    TOO_MANY_ACTIONS,
    EMPTY_STAGE,
    FIRST_STAGE_NOT_SOURCE,
    SOURCE_NOT_IN_FIRST_STAGE,
    NO_SOURCE_ACTION,
    DUPLICATE_STAGE_NAME,
    DUPLICATE_ACTION_NAME,
    RUN_ORDER_GAP,
  ],
  check(context: RuleContext): void {
    checkCounts(context);
    checkSourcePlacement(context);
    checkNames(context);
    checkRunOrderGaps(context);
  },
};
