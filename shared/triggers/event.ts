/**
 * A repository event a trigger may answer: a push of a branch or a tag, or a pull-request event.
 * "A push trigger starts a pipeline when a change is pushed to your source repository. The
 * execution will use the commit from the branch that you're pushing _to_ (that is, the
 * destination branch)." and "A pull request trigger starts a pipeline when a pull request is
 * opened, updated, or closed in your source repository. The execution will use the commit from
 * the source branch that you're pulling _from_ (that is, the source branch)."
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html)
 */
import type { GitPullRequestEventType } from "../pipeline/model";

/** A push: exactly one of `branch` and `tag`. */
export interface PushEvent {
  readonly kind: "push";
  readonly branch?: string;
  readonly tag?: string;
  /** Changed file paths, relative to the repository root. */
  readonly files: readonly string[];
}

/** A pull request opened, updated or closed (merged). */
export interface PullRequestEvent {
  readonly kind: "pull-request";
  readonly action: GitPullRequestEventType;
  /** The branch the pull request goes into: what the branch filters match. */
  readonly destinationBranch: string;
  /** The branch the pull request comes from: the commit the run would use. */
  readonly sourceBranch?: string;
  readonly files: readonly string[];
}

/** What `testTriggers` judges. */
export type TriggerEvent = PushEvent | PullRequestEvent;

/** The pull-request event types, as the service model spells them. */
export const PULL_REQUEST_EVENT_TYPES: readonly GitPullRequestEventType[] = ["OPEN", "UPDATED", "CLOSED"];
