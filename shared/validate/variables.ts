import type { JsonPath } from "../pipeline/model";
import { arrayMember, entriesOf, recordMember, stringMember, type JsonRecord } from "./json-value";
import { runsBefore, type IndexedAction, type IndexedStage, type PipelineIndex } from "./pipeline-index";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";
import { defineCacheTopic, type ValidationCache } from "./validation-cache";

/** Namespaces every pipeline has without declaring them. */
const RESERVED_NAMESPACE = "codepipeline";
const PIPELINE_VARIABLES_NAMESPACE = "variables";
/** `#{namespace.key}`: namespaces cannot contain a dot, so the first dot splits. */
const REFERENCE = /#\{([A-Za-z0-9@_-]+)\.([^}]+)\}/g;

/**
 * An action declares the reserved `codepipeline` namespace.
 *
 * AWS: "The codepipeline reserved namespace — This is the namespace assigned to the set of implicit
 * variables available at the start of each pipeline execution. This namespace is codepipeline." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const RESERVED_NAMESPACE_USED = defineRule(
  "reserved-namespace",
  "error",
  "The namespace codepipeline is reserved for the pipeline's own variables.",
);
/**
 * Two actions declare the same namespace.
 *
 * AWS: "Namespaces must be unique across the pipeline definition and cannot conflict with any
 * artifact names." — https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 * Observed: "Namespaces must be unique across the pipeline definition. The following occur more
 * than once in the pipeline. … Error Code: InvalidActionDeclarationException" —
 * https://github.com/aws/aws-cdk/issues/6111
 */
export const DUPLICATE_NAMESPACE = defineRule(
  "duplicate-namespace",
  "error",
  "Action namespaces must be unique across the pipeline.",
);
/**
 * Two pipeline variables share a name.
 *
 * AWS: "variables — A list that defines the pipeline variables for a pipeline resource." (each is
 * referenced as #{variables.name}, so a second one of the same name can never be read; that the
 * service refuses it is not documented, so this warns) —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const DUPLICATE_VARIABLE_NAME = defineRule(
  "duplicate-variable-name",
  "warning",
  "Pipeline variable names must be unique.",
);
/**
 * A namespace equal to an output artifact name.
 *
 * AWS: "Namespaces must be unique across the pipeline definition and cannot conflict with any
 * artifact names." — https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const NAMESPACE_ARTIFACT_CLASH = defineRule(
  "namespace-artifact-clash",
  "error",
  "A namespace must not have the same name as an output artifact.",
);
/**
 * A `#{namespace.variable}` reference to a namespace no action declares, or a pipeline variable
 * the pipeline does not declare.
 *
 * AWS: "If the namespace isn't specified, the variables produced by that action cannot be
 * referenced in any action configuration." — https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 * Observed: "The following pipeline execution variables are referencing a namespace that does not
 * exist. … Error Code: InvalidActionDeclarationException" — https://github.com/aws/aws-cdk/issues/17272
 */
export const UNRESOLVED_VARIABLE_REFERENCE = defineRule(
  "unresolved-variable-reference",
  "error",
  "A #{namespace.variable} reference names no declared pipeline variable or action namespace.",
);
/**
 * A reference to the namespace of an action that does not run earlier.
 *
 * AWS: "To reference variables produced by an action, the referencing action must occur after the
 * action that produces the variables. This means it is either in a later stage than the action
 * producing the variables, or in the same stage but at a higher run order." — https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html
 */
export const VARIABLE_USED_BEFORE_PRODUCED = defineRule(
  "variable-used-before-produced",
  "error",
  "A #{namespace.variable} reference names an action that runs later or in parallel.",
);

function checkDeclarations(context: RuleContext): void {
  const { index } = context;
  const namespaces = new Set<string>();
  for (const action of index.actions) {
    const namespace = action.namespace;
    if (namespace === undefined) continue;
    const path = [...action.path, "namespace"];
    if (namespace === RESERVED_NAMESPACE) {
      context.report(
        RESERVED_NAMESPACE_USED,
        path,
        `Choose another Variable namespace, for example BuildVariables; codepipeline is reserved for the pipeline's own variables: ${namespace}`,
      );
    }
    if (namespaces.has(namespace)) {
      context.report(
        DUPLICATE_NAMESPACE,
        path,
        `Choose another Variable namespace, for example ${namespace}2; an earlier action already uses this one: ${namespace}`,
      );
    }
    namespaces.add(namespace);
    if (index.producers.has(namespace)) {
      context.report(
        NAMESPACE_ARTIFACT_CLASH,
        path,
        `Rename the Variable namespace (for example ${namespace}Vars) or the output artifact; a namespace must not share an artifact's name: ${namespace}`,
      );
    }
  }
  const variables = new Set<string>();
  arrayMember(index.pipeline, "variables").forEach((variable, i) => {
    const name = stringMember(variable, "name");
    if (name === undefined) return;
    if (variables.has(name)) {
      context.report(
        DUPLICATE_VARIABLE_NAME,
        ["variables", i, "name"],
        `Rename or remove this pipeline variable; one with the same name exists: ${name}`,
      );
    }
    variables.add(name);
  });
}

function declaredVariables(index: PipelineIndex): Set<string> {
  const names = new Set<string>();
  for (const variable of arrayMember(index.pipeline, "variables")) {
    const name = stringMember(variable, "name");
    if (name !== undefined) names.add(name);
  }
  return names;
}

/**
 * Calls `visit` for every string of an action the service resolves variables in that holds a
 * reference, with its path relative to the action. The path is built only then: most values hold
 * none, and large pipelines have many.
 */
function forEachReferenceSite(action: JsonRecord, visit: (path: JsonPath, text: string) => void): void {
  const configuration = recordMember(action, "configuration");
  if (configuration !== undefined) {
    for (const [key, value] of entriesOf(configuration)) {
      if (typeof value === "string" && value.includes("#{")) visit(["configuration", key], value);
    }
  }
  arrayMember(action, "commands").forEach((command, i) => {
    if (typeof command === "string" && command.includes("#{")) visit(["commands", i], command);
  });
  arrayMember(action, "environmentVariables").forEach((variable, i) => {
    const value = stringMember(variable, "value");
    if (value?.includes("#{")) visit(["environmentVariables", i, "value"], value);
  });
}

/** One `#{namespace.key}` in a string. */
interface Reference {
  readonly reference: string;
  readonly namespace: string;
  readonly key: string;
}

function referencesIn(text: string): readonly Reference[] {
  return [...text.matchAll(REFERENCE)].map(([reference, namespace = "", key = ""]) => ({
    reference,
    namespace,
    key,
  }));
}

/** A string of an action that holds references, with its path relative to the action. */
interface ReferencingValue {
  readonly path: JsonPath;
  readonly references: readonly Reference[];
}

/** An action's referencing values: they depend on the action alone. */
const ACTION_REFERENCES = defineCacheTopic<readonly ReferencingValue[]>("variables:action-references");

function referencingValues(
  action: JsonRecord,
  cache: ValidationCache | undefined,
): readonly ReferencingValue[] {
  const collect = (): ReferencingValue[] => {
    const found: ReferencingValue[] = [];
    forEachReferenceSite(action, (path, text) => found.push({ path, references: referencesIn(text) }));
    return found;
  };
  return cache === undefined ? collect() : cache.remember(ACTION_REFERENCES, action, collect);
}

/** Where a reference is read, and whether a given action has finished by then. */
interface ReferenceSite {
  /** The reading element's path and the string's path below it, joined only for a finding. */
  readonly at: JsonPath;
  readonly path: JsonPath;
  readonly references: readonly Reference[];
  readonly isEarlier: (producer: IndexedAction) => boolean;
  /** The action reading the value; absent for a stage-condition rule. */
  readonly action?: IndexedAction;
  /** Who reads the value, for messages. */
  readonly reader: string;
}

function checkSite(context: RuleContext, site: ReferenceSite, variables: () => ReadonlySet<string>): void {
  const path = (): JsonPath => [...site.at, ...site.path];
  for (const { reference, namespace, key } of site.references) {
    if (namespace === RESERVED_NAMESPACE) continue;
    if (namespace === PIPELINE_VARIABLES_NAMESPACE) {
      if (!variables().has(key)) {
        context.report(
          UNRESOLVED_VARIABLE_REFERENCE,
          path(),
          `Add a pipeline variable named ${key} (Pipeline variables, for example {"name": "${key}"}) or fix the reference: ${reference}`,
        );
      }
      continue;
    }
    const producer = context.index.namespaces.get(namespace);
    if (producer === undefined) {
      context.report(
        UNRESOLVED_VARIABLE_REFERENCE,
        path(),
        `No action has the Variable namespace ${namespace}; set it on the action that produces the variable, or fix the reference: ${reference}`,
      );
    } else if (producer === site.action) {
      context.report(
        VARIABLE_USED_BEFORE_PRODUCED,
        path(),
        `An action cannot read its own output variables; read them in a later action: ${reference}`,
      );
    } else if (!site.isEarlier(producer)) {
      context.report(
        VARIABLE_USED_BEFORE_PRODUCED,
        path(),
        `The action with namespace ${namespace} (${producer.name ?? "unnamed"}) does not run before ${site.reader}; move it earlier: ${reference}`,
      );
    }
  }
}

/**
 * Stage-condition rules read variables too. Entry conditions run before the stage, so only earlier
 * stages' actions have produced theirs; success and failure conditions run after the stage's own
 * actions.
 */
function forEachConditionSite(stage: IndexedStage, visit: (site: ReferenceSite) => void): void {
  for (const hook of ["beforeEntry", "onSuccess", "onFailure"] as const) {
    const declaration = recordMember(stage.stage, hook);
    if (declaration === undefined) continue;
    const isEarlier =
      hook === "beforeEntry"
        ? (producer: IndexedAction) => producer.stageIndex < stage.index
        : (producer: IndexedAction) => producer.stageIndex <= stage.index;
    arrayMember(declaration, "conditions").forEach((condition, c) => {
      arrayMember(condition, "rules").forEach((rule, r) => {
        const configuration = recordMember(rule, "configuration");
        if (configuration === undefined) return;
        for (const [key, value] of entriesOf(configuration)) {
          if (typeof value !== "string" || !value.includes("#{")) continue;
          const path = [...stage.path, hook, "conditions", c, "rules", r, "configuration", key];
          visit({
            at: path,
            path: [],
            references: referencesIn(value),
            isEarlier,
            reader: `this ${hook} condition`,
          });
        }
      });
    });
  }
}

function checkReferences(context: RuleContext): void {
  const { index } = context;
  let declared: Set<string> | undefined;
  const variables = (): ReadonlySet<string> => (declared ??= declaredVariables(index));
  for (const action of index.actions) {
    const isEarlier = (producer: IndexedAction): boolean => runsBefore(producer, action);
    for (const { path, references } of referencingValues(action.action, context.cache)) {
      const site = { at: action.path, path, references, isEarlier, action, reader: "this action" };
      checkSite(context, site, variables);
    }
  }
  for (const stage of index.stages)
    forEachConditionSite(stage, (site) => checkSite(context, site, variables));
}

/** Namespaces, pipeline variables and `#{ns.var}` references. */
export const VARIABLES: RuleGroup = {
  topic: "variables",
  rules: [
    RESERVED_NAMESPACE_USED,
    DUPLICATE_NAMESPACE,
    DUPLICATE_VARIABLE_NAME,
    NAMESPACE_ARTIFACT_CLASH,
    UNRESOLVED_VARIABLE_REFERENCE,
    VARIABLE_USED_BEFORE_PRODUCED,
  ],
  check(context: RuleContext): void {
    checkDeclarations(context);
    checkReferences(context);
  },
};
