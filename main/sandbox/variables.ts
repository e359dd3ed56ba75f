/**
 * Variable references in action and rule configurations, resolved as the user guide's "Variables
 * reference" describes (https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html):
 * "Before it performs a consuming action, CodePipeline resolves all of the variable references
 * present in the configuration prior to initiating the action execution." The names in scope are
 * the `codepipeline` namespace ("This set currently includes `PipelineExecutionId`"), the
 * pipeline-level `variables` of the execution, and the output variables of every action of the same
 * execution that succeeded and has a namespace ("If the namespace isn't specified, the variables
 * produced by that action cannot be referenced in any action configuration").
 */
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import type { ActionRunRecord } from "./records";
import type { RunContext } from "./run-context";

/** `#{namespace.name}`; OutputVariablesKey and pipeline variable names are `[A-Za-z0-9@\-_]+`. */
const REFERENCE = /#\{([A-Za-z0-9@\-_]+\.[A-Za-z0-9@\-_.]+)\}/g;

/** Variables visible to an action: the pipeline's, codepipeline's own, and earlier namespaces. */
function variableScope(ctx: RunContext, runs: readonly ActionRunRecord[]): Map<string, string> {
  const scope = new Map<string, string>();
  scope.set("codepipeline.PipelineExecutionId", ctx.execution.id);
  for (const variable of ctx.execution.variables)
    scope.set(`variables.${variable.name}`, variable.resolvedValue);
  for (const run of runs) {
    if (run.status !== "Succeeded" || !run.input.namespace) continue;
    for (const [key, value] of Object.entries(run.output.outputVariables)) {
      scope.set(`${run.input.namespace}.${key}`, value);
    }
  }
  return scope;
}

interface Resolution {
  /** The configuration with every reference replaced; only meaningful when `unresolved` is empty. */
  configuration: Record<string, string>;
  /** References nothing in scope answers, as written (`#{ns.Name}`), each once, in order. */
  unresolved: string[];
}

export function resolveConfiguration(
  configuration: Readonly<Record<string, string>>,
  ctx: RunContext,
  runs: readonly ActionRunRecord[],
): Resolution {
  const scope = variableScope(ctx, runs);
  const unresolved = new Set<string>();
  const resolved = Object.fromEntries(
    Object.entries(configuration).map(([key, value]) => [
      key,
      value.replace(REFERENCE, (whole, ref: string) => {
        const found = scope.get(ref);
        if (found === undefined) unresolved.add(whole);
        return found ?? whole;
      }),
    ]),
  );
  return { configuration: resolved, unresolved: [...unresolved] };
}

/**
 * How a run reports references it could not resolve. The first sentence is the service's own, as
 * users quote it (aws-samples/ecs-blue-green-deployment-with-codedeploy#4: "An action in this
 * pipeline failed because one or more variables could not be resolved: Action name=…"); the
 * references themselves follow so the reader knows which one to fix.
 */
export function unresolvedMessage(
  kind: "Action" | "Rule",
  name: string,
  unresolved: readonly string[],
): string {
  const noun = kind === "Action" ? "An action" : "A rule";
  return `${noun} in this pipeline failed because one or more variables could not be resolved: ${kind} name=${name}. Unresolved: ${unresolved.join(", ")}`.slice(
    0,
    5000,
  );
}

/** The variable names the pipeline's configurations reference in `namespace` (`#{namespace.NAME}`). */
export function referencedNames(declaration: PipelineDeclaration, namespace: string): string[] {
  const names = new Set<string>();
  const scan = (configuration: Readonly<Record<string, string>> | undefined) => {
    for (const value of Object.values(configuration ?? {})) {
      for (const match of value.matchAll(REFERENCE)) {
        const ref = match[1] ?? "";
        if (ref.startsWith(`${namespace}.`)) names.add(ref.slice(namespace.length + 1));
      }
    }
  };
  for (const stage of declaration.stages) {
    for (const action of stage.actions) scan(action.configuration);
    for (const hook of [stage.beforeEntry, stage.onSuccess, stage.onFailure]) {
      for (const condition of hook?.conditions ?? [])
        for (const rule of condition.rules ?? []) scan(rule.configuration);
    }
  }
  return [...names];
}
