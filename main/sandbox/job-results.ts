/**
 * What a job worker's PutJobSuccessResult does to its action. ExecutionDetails "summary",
 * "externalExecutionId" and "percentComplete" show on the action (the external id also completes
 * the type's executionUrlTemplate: "When your custom job worker updates the status of a job … it
 * will also provide an externalExecutionId that will be used to complete the link"). On the final
 * result, `outputVariables` become the action's ("Key-value pairs produced as output by a job
 * worker that can be made available to a downstream action configuration"), its output artifacts
 * are in place, and a source action's `currentRevision` ("The ID of the current revision of the
 * artifact successfully worked on by the job") becomes the run's source revision.
 */
import type { ActionDeclaration } from "../../shared/pipeline/model";
import { outputLocations, stampSourceRevision } from "./action-runs";
import { fillTemplate, type JobActionType } from "./job-data";
import type { ActionRunRecord } from "./records";
import type { RunContext } from "./run-context";

export interface JobResult {
  currentRevision?: {
    revision: string;
    changeIdentifier: string;
    created?: number;
    revisionSummary?: string;
  };
  continuationToken?: string;
  executionDetails?: { summary?: string; externalExecutionId?: string; percentComplete?: number };
  outputVariables?: Record<string, string>;
}

export function recordJobSuccess(
  run: ActionRunRecord,
  action: ActionDeclaration,
  ctx: RunContext,
  result: JobResult,
  now: number,
  type: JobActionType | undefined,
  final: boolean,
): void {
  const execution = run.output.executionResult;
  const details = result.executionDetails ?? {};
  const configuration = run.input.resolvedConfiguration ?? run.input.configuration;
  run.lastUpdateTime = now;
  if (details.externalExecutionId !== undefined) {
    execution.externalExecutionId = details.externalExecutionId;
    const url = fillTemplate(
      type?.urls.executionUrlTemplate,
      configuration,
      type,
      details.externalExecutionId,
    );
    if (url !== undefined) execution.externalExecutionUrl = url;
  }
  if (details.summary !== undefined) {
    execution.externalExecutionSummary = details.summary;
    run.summary = details.summary;
  }
  if (details.percentComplete !== undefined) run.percentComplete = details.percentComplete;
  if (!final) return;
  run.output.outputVariables = { ...(result.outputVariables ?? {}) };
  run.output.outputArtifacts = outputLocations(action, ctx, run);
  const revision = result.currentRevision;
  if (run.category === "Source" && revision !== undefined) {
    stampSourceRevision(
      ctx.execution,
      action,
      {
        revisionId: revision.revision,
        ...(revision.revisionSummary === undefined ? {} : { revisionSummary: revision.revisionSummary }),
      },
      revision.changeIdentifier,
      revision.created ?? now,
    );
  }
}
