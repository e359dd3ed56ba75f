/**
 * Pull: a remote pipeline as a file in get-pipeline output shape (`{pipeline, metadata}`), the
 * shape `aws codepipeline get-pipeline` prints, so its `version` is the document's base version.
 */
import { parseDocument, serializeDocument, stringifyCanonical } from "../../shared/formats";
import type { PipelineDocument } from "../../shared/pipeline/model";
import type { Connection } from "./connection";
import { fail, ok, type AwsResult } from "./errors";
import type { Gateway, RemotePipeline } from "./gateway";

export interface PulledPipeline {
  remote: RemotePipeline;
  document: PipelineDocument;
  /** The canonical file text. */
  text: string;
}

/** GetPipeline, as a document and its canonical file text. */
export async function pullPipeline(
  gateway: Gateway,
  connection: Connection,
  name: string,
): Promise<AwsResult<PulledPipeline>> {
  const remote = await gateway.getPipeline(connection, name);
  if (!remote.ok) return remote;
  // Through the file form, so the document is exactly what opening the pulled file gives.
  const parsed = parseDocument(
    stringifyCanonical({ pipeline: remote.value.pipeline, metadata: remote.value.metadata }),
  );
  if (!parsed.document) {
    return fail(
      "unknown",
      `The pipeline AWS returned is not a pipeline document: ${name}`,
      JSON.stringify(parsed.diagnostics),
    );
  }
  return ok({ remote: remote.value, document: parsed.document, text: serializeDocument(parsed.document) });
}
