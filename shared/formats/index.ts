/**
 * File formats: reading pipeline files in every shape a user has, canonical saving, export as
 * create-pipeline input for V1 or V2, and mapping JSON paths back to lines and columns.
 */
export { parseDocument, parseModelJson, type ParseResult } from "./parse-document";
export { serializeDocument } from "./serialize-document";
export { exportPipeline, type ExportOptions, type ExportResult } from "./export-pipeline";
export { locatePath, createPathLocator, type PathLocator } from "./locate-path";
export { stringifyCanonical } from "./canonical-json";
export { toJsonValue, toModelValue } from "./model-value";
export { describeSize, FILE_LIMIT_TEXT, MAX_FILE_BYTES, MAX_NESTING_DEPTH } from "./limits";
export { utf8Length } from "./text-scan";
export { valueText } from "./value-description";
