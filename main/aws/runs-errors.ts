/**
 * Clearer messages for the exceptions only run controls meet. The gateway maps every failure once;
 * exceptions it has no rule for arrive as `unknown` with the SDK's name in `details`, and a person
 * watching a run should read what happened (the token was already used), not an exception name.
 */
import type { AwsError, AwsResult } from "./errors";

interface Refinement {
  code: AwsError["code"];
  message: (subject: string) => string;
}

const RUN_ERRORS: Readonly<Record<string, Refinement>> = {
  PipelineExecutionNotFoundException: {
    code: "validation",
    message: (s) => `The run no longer exists or belongs to another pipeline: ${s}`,
  },
  PipelineExecutionNotStoppableException: {
    code: "validation",
    message: (s) => `The run has already finished or is already stopping: ${s}`,
  },
  DuplicatedStopRequestException: {
    code: "validation",
    message: (s) => `A stop was already requested for this run: ${s}`,
  },
  ApprovalAlreadyCompletedException: {
    code: "validation",
    message: (s) => `Someone already approved or rejected this approval (the token was used): ${s}`,
  },
  InvalidApprovalTokenException: {
    code: "validation",
    message: (s) => `The approval is no longer waiting (its token expired or was used): ${s}`,
  },
  ActionNotFoundException: {
    code: "validation",
    message: (s) => `The action is not in the pipeline: ${s}`,
  },
  StageNotFoundException: {
    code: "validation",
    message: (s) => `The stage is not in the pipeline: ${s}`,
  },
  StageNotRetryableException: {
    code: "validation",
    message: (s) => `The stage cannot be retried now (it has not failed, or a later run moved on): ${s}`,
  },
  NotLatestPipelineExecutionException: {
    code: "validation",
    message: (s) => `Only the latest run of a stage can be retried: ${s}`,
  },
  PipelineExecutionOutdatedException: {
    code: "validation",
    message: (s) => `The target run is older than the stage's latest run to roll back to: ${s}`,
  },
  UnableToRollbackStageException: {
    code: "validation",
    message: (s) => `The stage cannot be rolled back to that run: ${s}`,
  },
  ConditionNotOverridableException: {
    code: "validation",
    message: (s) =>
      `The condition cannot be overridden (it is not being checked now, or it skips the stage): ${s}`,
  },
  InvalidStageDeclarationException: {
    code: "validation",
    message: (s) => `The stage cannot take this change: ${s}`,
  },
};

/** The SDK exception name the gateway put at the start of `details` (`Operation: Name: …`). */
function exceptionName(error: AwsError): string | undefined {
  return /^[A-Za-z]+: ([A-Za-z]+)/.exec(error.details ?? "")?.[1];
}

/** Rewrites a run control's failure into words about runs; `subject` ends the message. */
export function refineRunError<T>(result: AwsResult<T>, subject: string): AwsResult<T> {
  if (result.ok) return result;
  const name = exceptionName(result.error);
  const refinement = name === undefined ? undefined : RUN_ERRORS[name];
  if (!refinement) return result;
  return {
    ok: false,
    error: { ...result.error, code: refinement.code, message: refinement.message(subject) },
  };
}
