/**
 * ListActionExecutions and ListRuleExecutions take the same filters and page the same way; only the
 * records and their view differ. One listing serves both so the two cannot drift apart.
 */
import { recordsOf } from "../execution-queries";
import { paginate, paginateNewestFirst } from "../pagination";
import { fail } from "../protocol";
import type { ExecutionRecord, PipelineRecord } from "../records";

/** The pipeline's execution `id`, or PipelineExecutionNotFoundException. */
export function requireExecution(pipeline: PipelineRecord, id: string): ExecutionRecord {
  return (
    pipeline.executions.find((e) => e.id === id) ??
    fail("PipelineExecutionNotFoundException", `The pipeline has no execution with this id: ${id}`)
  );
}

interface ListFilter {
  pipelineExecutionId?: string;
  latestInPipelineExecution?: { pipelineExecutionId: string; startTimeRange: string };
}

/** What differs between the two listings. */
export interface RecordListing<T extends { seq: number; executionId: string }> {
  /** The operation's name, which scopes its page tokens. */
  operation: string;
  records: readonly T[];
  /** Identifies "the same action (or rule)" for the `Latest` filter. */
  identity: (record: T) => unknown[];
  view: (record: T) => Record<string, unknown>;
}

/**
 * Newest first; filtered to one execution (`pipelineExecutionId`, or `latestInPipelineExecution`
 * with `Latest`: only the newest record of each action or rule), paged by `maxResults`/`nextToken`.
 */
export function listExecutionRecords<T extends { seq: number; executionId: string }>(
  pipeline: PipelineRecord,
  input: Record<string, unknown>,
  listing: RecordListing<T>,
): { details: Record<string, unknown>[]; nextToken: string | undefined } {
  const filter = input.filter as ListFilter | undefined;
  const paging = input as { nextToken?: string; maxResults?: number };
  const scope = `${listing.operation}:${pipeline.name}:${JSON.stringify(filter ?? {})}`;
  const executionId = filter?.latestInPipelineExecution?.pipelineExecutionId ?? filter?.pipelineExecutionId;
  if (executionId === undefined) {
    const { page, nextToken } = paginateNewestFirst([...listing.records], () => true, paging, scope, 100);
    return { details: page.map(listing.view), nextToken };
  }
  let found = recordsOf(listing.records, requireExecution(pipeline, executionId)).reverse();
  if (filter?.latestInPipelineExecution?.startTimeRange === "Latest") {
    const seen = new Set<string>();
    found = found.filter((record) => {
      const key = JSON.stringify(listing.identity(record));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const { page, nextToken } = paginate(found, (r) => -r.seq, paging, scope, 100);
  return { details: page.map(listing.view), nextToken };
}
