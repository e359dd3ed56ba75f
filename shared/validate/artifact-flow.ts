import { arrayMember, stringMember } from "./json-value";
import { runsBefore } from "./pipeline-index";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/**
 * Two outputs anywhere in the pipeline share a name.
 *
 * AWS: "Output artifact names must be unique within a pipeline." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OutputArtifact.html
 */
export const DUPLICATE_OUTPUT_ARTIFACT = defineRule(
  "duplicate-output-artifact",
  "error",
  "Output artifact names must be unique across the pipeline.",
);
/**
 * An input names an artifact no action produces.
 *
 * AWS: "The input artifact of an action must exactly match the output artifact declared in a
 * preceding action" — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OutputArtifact.html
 */
export const ARTIFACT_NOT_FOUND = defineRule(
  "artifact-not-found",
  "error",
  "An input artifact is not produced by any action.",
);
/**
 * An input names an artifact produced only by a later or parallel action.
 *
 * AWS: "The input artifact of an action must exactly match the output artifact declared in a
 * preceding action, but the input artifact does not have to be the next action in strict sequence
 * from the action that provided the output artifact." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OutputArtifact.html
 */
export const ARTIFACT_USED_BEFORE_PRODUCED = defineRule(
  "artifact-used-before-produced",
  "error",
  "An input artifact is produced only by an action that runs later or in parallel.",
);

function checkOutputs(context: RuleContext): void {
  const seen = new Set<string>();
  for (const action of context.index.actions) {
    arrayMember(action.action, "outputArtifacts").forEach((output, i) => {
      const name = stringMember(output, "name");
      if (name === undefined) return;
      if (seen.has(name)) {
        context.report(
          DUPLICATE_OUTPUT_ARTIFACT,
          [...action.path, "outputArtifacts", i, "name"],
          `Rename this output artifact; another action already produces an artifact with the name: ${name}`,
        );
      }
      seen.add(name);
    });
  }
}

function checkInputs(context: RuleContext): void {
  const { producers } = context.index;
  for (const action of context.index.actions) {
    arrayMember(action.action, "inputArtifacts").forEach((input, i) => {
      const name = stringMember(input, "name");
      if (name === undefined) return;
      const producer = producers.get(name);
      const path = [...action.path, "inputArtifacts", i, "name"];
      if (producer === undefined) {
        context.report(
          ARTIFACT_NOT_FOUND,
          path,
          `No action produces this input artifact; use the name of an earlier action's output artifact, for example SourceOutput: ${name}`,
        );
      } else if (!runsBefore(producer, action)) {
        context.report(
          ARTIFACT_USED_BEFORE_PRODUCED,
          path,
          `This input artifact comes from ${producer.name ?? "an action"}, which runs later or at the same time; move that action to an earlier stage or give it a lower run order: ${name}`,
        );
      }
    });
  }
}

/** Artifact wiring: unique outputs, and every input produced by an action that runs earlier. */
export const ARTIFACT_FLOW: RuleGroup = {
  topic: "artifact-flow",
  rules: [DUPLICATE_OUTPUT_ARTIFACT, ARTIFACT_NOT_FOUND, ARTIFACT_USED_BEFORE_PRODUCED],
  check(context: RuleContext): void {
    checkOutputs(context);
    checkInputs(context);
  },
};
