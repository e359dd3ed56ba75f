/**
 * Structural diff of two pipeline declarations: the deploy preview (remote -> document) and what
 * changed remotely since a document's base version; and the three-way merge of a base version, the
 * remote pipeline and the document. Pure; the text rendering serves the CLI.
 */
export {
  diffPipelines,
  samePipeline,
  type ActionChange,
  type DiffSummary,
  type ElementChangeKind,
  type PipelineDiff,
  type StageChange,
} from "./pipeline-diff";
export { SECRET_MASK, sameValue, type MemberChange } from "./json-compare";
export { withServiceDefaults } from "./service-defaults";
export { formatPath, formatValue, renderDiff, summarizeDiff } from "./render-diff";
export { serviceView, type ServiceView } from "./service-members";
export { displayValue, isSecretKey } from "./secret-values";
export {
  formatConflictValue,
  mergePipelines,
  type MergeConflict,
  type MergeConflictKind,
  type MergeOptions,
  type MergePreference,
  type PipelineMerge,
} from "./three-way-merge";
