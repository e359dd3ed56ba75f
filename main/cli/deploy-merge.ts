/**
 * `pipewright deploy --merge`: on a conflict, a three-way merge of the target's base version (what
 * was last deployed there from here, or the service's copy of the file's version), the remote
 * pipeline now and the file, written back to the file when the two sides changed different things.
 * The same merge as the app's "Merge their changes".
 */
import { readFile } from "node:fs/promises";
import type { DeployConflict } from "../aws";
import { mergePipelines } from "../../shared/diff";
import { serializeDocument } from "../../shared/formats";
import { updateDocumentPipeline, withMember, withoutMember } from "../../shared/pipeline";
import type { PipelineDocument } from "../../shared/pipeline/model";
import { writeFileAtomic } from "../storage/atomic-write";
import type { CliIo } from "./cli-io";
import { errorCode } from "./pipeline-file";

/** The merged document as written to the file, or why nothing was merged (already reported). */
export type FileMerge = { document: PipelineDocument; text: string } | { failed: true };

/**
 * Merges the remote changes into `file`. Nothing is written when the service no longer has the
 * base version, when both sides changed the same part (each conflict is listed), or when the file
 * changed on disk since it was read.
 */
export async function mergeIntoFile(
  io: CliIo,
  file: string,
  read: { document: PipelineDocument; text: string },
  conflict: DeployConflict,
): Promise<FileMerge> {
  const base = conflict.basePipeline;
  if (base === undefined) {
    io.err(
      conflict.documentVersion === undefined
        ? "--merge: the file names no version of the remote pipeline to merge from; pull it first.\n"
        : `--merge: the service no longer has version ${conflict.documentVersion}, the file's base, so there is nothing to merge from.\n`,
    );
    return { failed: true };
  }
  const merged = mergePipelines(base, conflict.remotePipeline, read.document.pipeline);
  if (merged.conflicts.length > 0) {
    io.err(
      `--merge: the remote pipeline and the file both changed ${merged.conflicts.length === 1 ? "one part" : `${merged.conflicts.length} parts`} differently:\n`,
    );
    for (const c of merged.conflicts) io.err(`  ${c.message}\n`);
    io.err("Nothing was merged or deployed; the file is unchanged.\n");
    return { failed: true };
  }
  // The file keeps its own `version` member as it was: the remote's changes come in, and the
  // target's base lives in the data folder (deploy-targets.ts), not in the file.
  const own = read.document.pipeline.version;
  const document = updateDocumentPipeline(read.document, () =>
    own === undefined
      ? withoutMember(merged.pipeline, "version")
      : withMember(merged.pipeline, "version", own),
  );
  const text = serializeDocument(document);
  try {
    if ((await readFile(file, "utf8")) !== read.text) {
      io.err(`--merge: the file changed on disk while deploying; nothing was merged: ${file}\n`);
      return { failed: true };
    }
    await writeFileAtomic(file, text);
  } catch (error) {
    io.err(`--merge: could not write the merged pipeline (${errorCode(error)}): ${file}\n`);
    return { failed: true };
  }
  io.out(`Merged the remote changes (version ${conflict.remoteVersion}) into ${file}.\n`);
  return { document, text };
}
