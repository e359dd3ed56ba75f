/**
 * Pull: a remote pipeline as a file in get-pipeline output shape (`{pipeline, metadata}`), the
 * shape `aws codepipeline get-pipeline` prints, so its `version` is the document's base version.
 * The pipeline's tags (ListTagsForResource) follow as a root `tags` list, as in create-pipeline
 * input, so a deploy of the pulled file keeps them; an untagged pipeline gets no `tags` member and
 * its file is exactly get-pipeline's output.
 */
import { parseDocument, serializeDocument, stringifyCanonical } from "../../shared/formats";
import type { PipelineDocument, Tag } from "../../shared/pipeline/model";
import type { Connection } from "./connection";
import { fail, ok, type AwsError, type AwsResult } from "./errors";
import type { Gateway, RemotePipeline } from "./gateway";

export interface PulledPipeline {
  remote: RemotePipeline;
  document: PipelineDocument;
  /** The canonical file text. */
  text: string;
  /** The pipeline's tags, as written to the file. */
  tags: Tag[];
  /**
   * Why the tags could not be read (permissions, an endpoint without ListTagsForResource); the
   * file then has none, and a deploy that creates the pipeline from it would create it untagged.
   */
  tagsError?: AwsError;
}

/** GetPipeline and ListTagsForResource, as a document and its canonical file text. */
export async function pullPipeline(
  gateway: Gateway,
  connection: Connection,
  name: string,
): Promise<AwsResult<PulledPipeline>> {
  const remote = await gateway.getPipeline(connection, name);
  if (!remote.ok) return remote;
  const arn = remote.value.metadata.pipelineArn;
  const listed = arn === undefined ? undefined : await gateway.listTags(connection, arn, name);
  const tags = listed?.ok ? listed.value : [];
  const root: Record<string, unknown> = { pipeline: remote.value.pipeline, metadata: remote.value.metadata };
  if (tags.length > 0) root["tags"] = tags.map((t) => ({ key: t.key, value: t.value }));
  // Through the file form (marks taken off, as a file names members), so the document is exactly
  // what opening the pulled file gives.
  const parsed = parseDocument(stringifyCanonical(root));
  if (!parsed.document) {
    return fail(
      "unknown",
      `The pipeline AWS returned is not a pipeline document: ${name}`,
      JSON.stringify(parsed.diagnostics),
    );
  }
  const pulled: PulledPipeline = {
    remote: remote.value,
    document: parsed.document,
    text: serializeDocument(parsed.document),
    tags,
  };
  if (listed !== undefined && !listed.ok) pulled.tagsError = listed.error;
  return ok(pulled);
}
