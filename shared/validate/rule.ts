import type { ActionTypeSpec } from "../catalog";
import type { JsonPath } from "../pipeline/model";
import type { Severity } from "./diagnostic";
import type { PipelineIndex } from "./pipeline-index";
import type { ValidationCache } from "./validation-cache";

/** One diagnostic code the engine can emit: its fixed severity and what it means, in one line. */
export interface RuleInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly summary: string;
}

/** Declares a rule; topic files export these so checks report by object, never by a typed string. */
export function defineRule(code: string, severity: Severity, summary: string): RuleInfo {
  return { code, severity, summary };
}

/** What a check sees: the pipeline, its one-pass index, where findings go, and an optional cache. */
export interface RuleContext {
  readonly index: PipelineIndex;
  report(rule: RuleInfo, path: JsonPath, message: string): void;
  /** Findings of unchanged objects from earlier validations, when the caller keeps one. */
  readonly cache?: ValidationCache;
  /**
   * The Region the pipeline lives (or will be deployed) in, when the caller knows it: the app's
   * connection, the CLI's `--region`, the sandbox request's Region. The document does not say.
   */
  readonly pipelineRegion?: string;
  /** The connected account's action types the catalog lacks (custom and partner types). */
  readonly accountActionTypes?: readonly ActionTypeSpec[];
}

/** A topic's rules and the single pass that checks them. */
export interface RuleGroup {
  readonly topic: string;
  readonly rules: readonly RuleInfo[];
  check(context: RuleContext): void;
}
