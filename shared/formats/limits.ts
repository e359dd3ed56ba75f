/**
 * Limits on what `parseDocument` accepts. They keep every later step (validation, layout, the
 * recursive serializer) bounded, whatever a file holds.
 */

/** Largest file accepted, in UTF-8 bytes (5 MiB). A real pipeline is a few hundred KB at most. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting of objects and arrays accepted. The deepest member the API defines sits about
 * ten levels down (root → pipeline → stages → stage → onFailure → conditions → condition → rules →
 * rule → configuration), so 100 leaves ample room for unknown members while keeping recursion in
 * the serializer and the validator far from any stack limit.
 */
export const MAX_NESTING_DEPTH = 100;

/** At most this many type diagnostics are listed; a file with a million bad stages says so once. */
export const MAX_SHAPE_DIAGNOSTICS = 100;
