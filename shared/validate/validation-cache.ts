/**
 * Findings remembered per object between validations, for an editor that validates one immutable
 * document after another: an edit replaces the objects on the path to what changed and keeps every
 * other stage and action as the same object, so their findings need not be worked out again.
 *
 * Only checks whose findings are a function of one object's own content are remembered (the service
 * model walk of a stage or an action, the catalog checks of an action, where an action reads
 * variables); anything that depends on the rest of the pipeline is checked every time. The results
 * are therefore the same as without the cache, provided no object is changed in place after it was
 * validated: callers that mutate their JSON must not pass a cache.
 */
import type { JsonPath } from "../pipeline/model";
import type { RuleContext, RuleInfo } from "./rule";

/** A finding about a subtree, with its path relative to the subtree's root. */
export interface RelativeFinding {
  readonly rule: RuleInfo;
  readonly path: JsonPath;
  readonly message: string;
}

/** What is remembered under one topic; `T` ties each topic to the type of its values. */
export interface CacheTopic<T> {
  readonly name: string;
  /** Never set: carries `T` for the type checker only. */
  readonly valueType?: T;
}

/** Declares a topic of the cache; topic files declare theirs once, at module scope. */
export function defineCacheTopic<T>(name: string): CacheTopic<T> {
  return { name };
}

/**
 * Per-object memory of earlier validations (see the module comment for when it may be used).
 * Objects are held weakly, so documents dropped by the editor's history are freed with their
 * findings.
 */
export class ValidationCache {
  private readonly topics = new Map<CacheTopic<unknown>, WeakMap<object, unknown>>();

  /** What `compute` gives for `object` under `topic`, computed only the first time. */
  remember<T>(topic: CacheTopic<T>, object: object, compute: () => T): T {
    let values = this.topics.get(topic);
    if (values === undefined) {
      values = new WeakMap();
      this.topics.set(topic, values);
    }
    if (values.has(object)) return values.get(object) as T;
    const value = compute();
    values.set(object, value);
    return value;
  }
}

/** A new, empty cache: one per editor, kept for as long as it validates versions of a document. */
export function createValidationCache(): ValidationCache {
  return new ValidationCache();
}

/** The findings `run` reports, in order, with the paths it gives (relative to where it started). */
export function recordFindings(
  run: (report: (rule: RuleInfo, path: JsonPath, message: string) => void) => void,
): readonly RelativeFinding[] {
  const findings: RelativeFinding[] = [];
  run((rule, path, message) => findings.push({ rule, path, message }));
  return findings;
}

/** Reports remembered findings again, under `prefix` (the subtree's path in this pipeline). */
export function replayFindings(
  context: Pick<RuleContext, "report">,
  prefix: JsonPath,
  findings: readonly RelativeFinding[],
): void {
  for (const f of findings) context.report(f.rule, [...prefix, ...f.path], f.message);
}
