import type { ConfigField } from "./types";

/** The optional facets of a field, so entries read as one line per key. */
type FieldFacets = Omit<ConfigField, "key" | "required" | "description">;

/** A key every action of the type must set. */
export function required(key: string, description: string, facets: FieldFacets = {}): ConfigField {
  return { key, required: true, description, ...facets };
}

/** A key the type understands but does not demand. */
export function optional(key: string, description: string, facets: FieldFacets = {}): ConfigField {
  return { key, required: false, description, ...facets };
}

/**
 * A key that becomes required when another key holds one of `equals`; kept as data so the rule
 * engine checks it without knowing the provider.
 */
export function requiredWhen(
  key: string,
  description: string,
  when: { key: string; equals: readonly string[] },
  facets: FieldFacets = {},
): ConfigField {
  return { key, required: false, description, requiredWhen: when, ...facets };
}

/** Base of every user guide link in the catalog. */
export const USER_GUIDE = "https://docs.aws.amazon.com/codepipeline/latest/userguide/";

/** Source actions share this switch; CLI-made pipelines should set it to "false" (codepipeline.md §6). */
export const POLL_FOR_SOURCE_CHANGES = optional(
  "PollForSourceChanges",
  'Poll the source for changes ("true", the default) or rely on an event rule or webhook ("false").',
  { valueType: "boolean" },
);

/** The artifact formats CodeCommit and connection sources can emit. */
export const OUTPUT_ARTIFACT_FORMAT = optional(
  "OutputArtifactFormat",
  "CODE_ZIP (default) ships a ZIP of the commit; CODEBUILD_CLONE_REF ships a Git reference only CodeBuild can use.",
  { allowedValues: ["CODE_ZIP", "CODEBUILD_CLONE_REF"] },
);
