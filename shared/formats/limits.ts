/**
 * Limits on what `parseDocument` accepts. They keep every later step (validation, layout, the
 * recursive serializer) bounded, whatever a file holds.
 */

/**
 * Largest pipeline file, in UTF-8 bytes (5 MiB), for opening and for saving alike, so a file
 * Pipewright saved can always be opened again. A real pipeline is a few hundred KB at most.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const MEGABYTE = 1024 * 1024;

/** A size for messages: "6.2 MB (6500000 bytes)". */
export function describeSize(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(1)} MB (${bytes} bytes)`;
}

/** The file size limit for messages: "5 MB". */
export const FILE_LIMIT_TEXT = `${MAX_FILE_BYTES / MEGABYTE} MB`;

/**
 * Deepest nesting of objects and arrays accepted. The deepest member the API defines sits about
 * ten levels down (root → pipeline → stages → stage → onFailure → conditions → condition → rules →
 * rule → configuration), so 100 leaves ample room for unknown members while keeping recursion in
 * the serializer and the validator far from any stack limit.
 */
export const MAX_NESTING_DEPTH = 100;

/** At most this many type diagnostics are listed; a file with a million bad stages says so once. */
export const MAX_SHAPE_DIAGNOSTICS = 100;
