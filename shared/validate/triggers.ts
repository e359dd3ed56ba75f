import { arrayMember, recordMember, stringMember } from "./json-value";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/** The only provider whose source actions can have triggers. */
const TRIGGER_PROVIDER = "CodeStarSourceConnection";

/** A trigger names no source action. */
export const TRIGGER_SOURCE_NOT_FOUND = defineRule(
  "trigger-source-not-found",
  "error",
  "A trigger's sourceActionName does not name a source action of the pipeline.",
);
/** A trigger names a source action that is not a connection. */
export const TRIGGER_SOURCE_NOT_CONNECTION = defineRule(
  "trigger-source-not-connection",
  "error",
  "Triggers work only on CodeStarSourceConnection source actions.",
);
/** Two triggers for one source action. */
export const DUPLICATE_TRIGGER = defineRule(
  "duplicate-trigger",
  "error",
  "A source action may have only one trigger.",
);

function check(context: RuleContext): void {
  const { sourceActions } = context.index;
  const triggered = new Set<string>();
  arrayMember(context.index.pipeline, "triggers").forEach((trigger, i) => {
    const name = stringMember(recordMember(trigger, "gitConfiguration"), "sourceActionName");
    if (name === undefined) return;
    const path = ["triggers", i, "gitConfiguration", "sourceActionName"];
    const source = sourceActions.get(name);
    if (source === undefined) {
      context.report(
        TRIGGER_SOURCE_NOT_FOUND,
        path,
        `Point the trigger at the name of a source action in the first stage: ${name}`,
      );
    } else if (source.provider !== TRIGGER_PROVIDER) {
      context.report(
        TRIGGER_SOURCE_NOT_CONNECTION,
        path,
        `Triggers need a ${TRIGGER_PROVIDER} source action, not ${source.provider ?? "this provider"}: ${name}`,
      );
    }
    if (triggered.has(name)) {
      context.report(
        DUPLICATE_TRIGGER,
        path,
        `Merge this trigger into the earlier one for the same source action: ${name}`,
      );
    }
    triggered.add(name);
  });
}

/** V2 triggers: each names one connection source action, at most once. */
export const TRIGGERS: RuleGroup = {
  topic: "triggers",
  rules: [TRIGGER_SOURCE_NOT_FOUND, TRIGGER_SOURCE_NOT_CONNECTION, DUPLICATE_TRIGGER],
  check,
};
