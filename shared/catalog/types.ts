import type { ActionCategory, ActionOwner } from "../pipeline/model";

/** Allowed artifact count range for one side of an action (inclusive). */
export interface ArtifactCount {
  min: number;
  max: number;
}

/** One configuration key an action type understands. */
export interface ConfigField {
  /** The configuration map key, exactly as the service expects it (`ProjectName`). */
  key: string;
  /** Required on every action of this type. */
  required: boolean;
  /**
   * Required only when another key has one of the given values (e.g. S3 deploy's `ObjectKey`
   * when `Extract` is `"false"`). Data, so the rule engine needs no provider-specific code.
   */
  requiredWhen?: { key: string; equals: readonly string[] };
  /**
   * Required only when the action has at least this many input artifacts (CodeBuild's
   * `PrimarySource` names which of several inputs holds the buildspec).
   */
  requiredWithInputsAtLeast?: number;
  /** One line a person reads in the inspector. */
  description: string;
  /** The values the docs allow, when they list them. */
  allowedValues?: readonly string[];
  /**
   * How the value is typed in, when the docs give it a type: "true"/"false" (a switch in the
   * inspector), an integer or a number, within `min`/`max`. The value stays a string, as the
   * configuration map stores every value.
   */
  valueType?: "boolean" | "integer" | "number";
  /** The least value the docs allow, for a numeric `valueType`. */
  min?: number;
  /** The greatest value the docs allow, for a numeric `valueType`. */
  max?: number;
  /** The service returns this value masked as `****`. */
  secret?: boolean;
  /**
   * Job workers poll by this property (a custom action type's one queryable property), which
   * limits its value to 20 letters, digits, underscores and hyphens.
   */
  queryable?: boolean;
  /**
   * The value is a list joined by this separator (CloudFormation `Capabilities` is
   * `"CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND"`); each item, not the whole value, is checked against
   * `allowedValues`.
   */
  listSeparator?: string;
  /**
   * A regular expression (source text, anchored by the consumer to the whole value) for values the
   * docs describe by shape rather than by list, e.g. Lambda deploy's `Canary10Percent5Minutes`.
   */
  pattern?: string;
  /** What `pattern` allows, in words with an example, for messages (never the raw pattern). */
  patternWords?: string;
}

/** An action type: what the palette offers and what validation checks per provider. */
export interface ActionTypeSpec {
  category: ActionCategory;
  owner: ActionOwner;
  provider: string;
  version: string;
  /** Label for the palette, e.g. "Amazon S3" (provider is the accessible name). */
  title: string;
  /** One line: what this action does. */
  description: string;
  inputArtifacts: ArtifactCount;
  outputArtifacts: ArtifactCount;
  configuration: readonly ConfigField[];
  /**
   * Input artifact minimums that depend on configuration, e.g. Step Functions needs its input
   * artifact when `InputType` is `FilePath`. Checked in addition to `inputArtifacts`.
   */
  inputArtifactsWhen?: readonly { key: string; equals: readonly string[]; min: number }[];
  /** Only V2 pipelines accept this action type. */
  v2Only: boolean;
  /** Action-level members this type uses beyond configuration (Commands: commands, outputVariables…). */
  members?: readonly ("commands" | "outputVariables" | "environmentVariables" | "timeoutInMinutes")[];
  /** The AWS user guide page for this action type. */
  docsUrl?: string;
  /** Listed by the connected account (ListActionTypes), not part of Pipewright's catalog. */
  fromAccount?: boolean;
}

/** A stage-condition rule type (`RuleTypeId` category `Rule`): what the condition editor offers and validation checks. */
export interface RuleTypeSpec {
  owner: "AWS";
  provider: string;
  version: string;
  /** Label for the condition editor, e.g. "CloudWatch alarm". */
  title: string;
  /** One line: what this rule checks. */
  description: string;
  configuration: readonly ConfigField[];
  /** Rule-level members this type uses beyond configuration (the Commands rule: `commands`). */
  members?: readonly "commands"[];
  /** The AWS user guide page for this rule type. */
  docsUrl?: string;
}
