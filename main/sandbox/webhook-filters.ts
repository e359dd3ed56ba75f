/**
 * Webhook filters: WebhookFilterRule.jsonPath is "A JsonPath expression that is applied to the
 * body/payload of the webhook. The value selected by the JsonPath expression must match the value
 * specified in the MatchEquals field. Otherwise, the request is ignored." MatchEquals "can
 * contain variables ... enclosed in curly braces ... For example, if the value supplied here is
 * "refs/heads/{Branch}" and the target action has an action configuration property called
 * "Branch" with a value of "main", the MatchEquals value is evaluated as "refs/heads/main""
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_WebhookFilterRule.html).
 *
 * The sandbox evaluates the JsonPath forms webhook filters use: `$`, `.name`, `['name']`, `[n]`,
 * `*` and `..name` (deep scan). Other JsonPath syntax (filter expressions) is accepted when the
 * webhook is put and never matches when it is triggered.
 */

type Step =
  | { kind: "child"; name: string }
  | { kind: "index"; index: number }
  | { kind: "all" }
  | { kind: "deep"; name: string };

/** Parses the supported subset; undefined when the expression uses anything else. */
function parse(path: string): Step[] | undefined {
  let rest = path.trim();
  if (rest.startsWith("$")) rest = rest.slice(1);
  else if (!rest.startsWith(".") && !rest.startsWith("[")) rest = `.${rest}`;
  const steps: Step[] = [];
  while (rest.length > 0) {
    let match: RegExpExecArray | null;
    if ((match = /^\.\.([A-Za-z0-9_-]+)/.exec(rest))) steps.push({ kind: "deep", name: match[1] as string });
    else if ((match = /^\.\*/.exec(rest)) || (match = /^\[\*\]/.exec(rest))) steps.push({ kind: "all" });
    else if ((match = /^\.([A-Za-z0-9_-]+)/.exec(rest)))
      steps.push({ kind: "child", name: match[1] as string });
    else if ((match = /^\['([^']*)'\]/.exec(rest)) || (match = /^\["([^"]*)"\]/.exec(rest))) {
      steps.push({ kind: "child", name: match[1] as string });
    } else if ((match = /^\[(\d+)\]/.exec(rest))) steps.push({ kind: "index", index: Number(match[1]) });
    else return undefined;
    rest = rest.slice(match[0].length);
  }
  return steps;
}

/**
 * Why a JsonPath cannot be a filter, or undefined when it can. Only plainly broken expressions
 * are refused (empty, unbalanced brackets or quotes), so no expression AWS accepts is refused.
 */
export function jsonPathProblem(path: string): string | undefined {
  if (path.trim() === "") return "The JsonPath expression is empty";
  let depth = 0;
  let quote: string | undefined;
  for (const char of path) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "[") depth += 1;
    else if (char === "]") depth -= 1;
    if (depth < 0) return "The JsonPath expression closes a bracket it never opened";
  }
  if (quote) return "The JsonPath expression has an unclosed quote";
  if (depth > 0) return "The JsonPath expression has an unclosed bracket";
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function deepFind(value: unknown, name: string, out: unknown[]): void {
  if (!isObject(value)) return;
  if (!Array.isArray(value) && Object.hasOwn(value, name)) out.push(value[name]);
  for (const child of Object.values(value)) deepFind(child, name, out);
}

/** The values `path` selects in `body`; undefined when the expression is outside the subset. */
export function select(path: string, body: unknown): unknown[] | undefined {
  const steps = parse(path);
  if (!steps) return undefined;
  let current: unknown[] = [body];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.kind === "deep") deepFind(value, step.name, next);
      else if (!isObject(value)) continue;
      else if (step.kind === "all") next.push(...Object.values(value));
      else if (step.kind === "index") {
        if (Array.isArray(value) && step.index < value.length) next.push(value[step.index]);
      } else if (!Array.isArray(value) && Object.hasOwn(value, step.name)) next.push(value[step.name]);
    }
    current = next;
  }
  return current;
}

/** MatchEquals with `{Property}` replaced by the target action's configuration value. */
export function resolveMatch(matchEquals: string, configuration: Readonly<Record<string, string>>): string {
  return matchEquals.replace(/\{([^{}]+)\}/g, (whole, name: string) =>
    Object.hasOwn(configuration, name) ? (configuration[name] as string) : whole,
  );
}

/** Whether one filter passes: something selected, and equal to MatchEquals when it is set. */
export function filterPasses(
  filter: { jsonPath: string; matchEquals?: string },
  body: unknown,
  configuration: Readonly<Record<string, string>>,
): boolean {
  const selected = select(filter.jsonPath, body);
  if (!selected || selected.length === 0) return false;
  if (filter.matchEquals === undefined) return true;
  const wanted = resolveMatch(filter.matchEquals, configuration);
  return selected.some((value) => (typeof value === "string" ? value : JSON.stringify(value)) === wanted);
}
