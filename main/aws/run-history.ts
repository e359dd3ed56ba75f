/**
 * A pipeline's run history back to a point in time, for the delivery metrics: the runs
 * (ListPipelineExecutions, newest first) and their action executions (ListActionExecutions without
 * a filter, also newest first: one listing instead of one call per run), each read page by page
 * only as far back as the period needs.
 */
import { ListActionExecutionsCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import type {
  ApiActionExecutionDetail,
  ApiPipelineExecutionSummary,
  PipelineHistory,
} from "../../shared/execution";
import { toEpochMs } from "../../shared/execution";
import type { Connection } from "./connection";
import { ok, type AwsResult } from "./errors";
import type { Gateway } from "./gateway";
import { toJson } from "./runs-json";

/**
 * Every API call of a history read goes through this, one at a time, so the fleet can pace the
 * calls with its budget; the command line passes them straight through.
 */
export type CallGate = <T>(call: () => Promise<AwsResult<T>>) => Promise<AwsResult<T>>;

const direct: CallGate = (call) => call();

/** The most runs read, whatever the period: a year of a busy pipeline, and a bound on the calls. */
export const MAX_HISTORY_RUNS = 2_000;
const PAGE = 100;

/** The oldest start time of a page, epoch ms; pages are newest first. */
function oldestStart(items: readonly { startTime?: unknown }[]): number | null {
  const last = items[items.length - 1];
  return last ? toEpochMs(last.startTime) : null;
}

/** The runs that started at or after `sinceMs` (and the page that reaches past it). */
export async function readRunHistory(
  gateway: Gateway,
  connection: Connection,
  pipelineName: string,
  sinceMs: number,
  gate: CallGate = direct,
): Promise<AwsResult<PipelineHistory>> {
  const summaries: ApiPipelineExecutionSummary[] = [];
  let token: string | undefined;
  do {
    const page = await gate(() =>
      gateway.send(connection, "ListPipelineExecutions", pipelineName, (client) =>
        client.send(
          new ListPipelineExecutionsCommand({
            pipelineName,
            maxResults: PAGE,
            ...(token ? { nextToken: token } : {}),
          }),
        ),
      ),
    );
    if (!page.ok) return page;
    const items = toJson<ApiPipelineExecutionSummary[]>(page.value.pipelineExecutionSummaries ?? []);
    summaries.push(...items);
    token = page.value.nextToken;
    const oldest = oldestStart(items);
    if (oldest !== null && oldest < sinceMs) break;
  } while (token && summaries.length < MAX_HISTORY_RUNS);

  const actionExecutions: ApiActionExecutionDetail[] = [];
  token = undefined;
  do {
    const page = await gate(() =>
      gateway.send(connection, "ListActionExecutions", pipelineName, (client) =>
        client.send(
          new ListActionExecutionsCommand({
            pipelineName,
            maxResults: PAGE,
            ...(token ? { nextToken: token } : {}),
          }),
        ),
      ),
    );
    if (!page.ok) return page;
    const items = toJson<ApiActionExecutionDetail[]>(page.value.actionExecutionDetails ?? []);
    actionExecutions.push(...items);
    token = page.value.nextToken;
    const oldest = oldestStart(items);
    if (oldest !== null && oldest < sinceMs) break;
  } while (token && actionExecutions.length < MAX_HISTORY_RUNS * 20);
  return ok({ pipelineName, summaries, actionExecutions });
}
