export type * from "./model";
export * from "./operations";
export { updateDocumentPipeline, createDocument, documentRoot } from "./document";
export { KEY_MARK, isIndexKey, memberKey, needsMark, toFileKey, toModelKey } from "./member-keys";
export { createAction, nearestUpstreamOutput, actionNames } from "./defaults";
export { uniqueName, pipelineNameText, NAME_PATTERN, ARTIFACT_NAME_PATTERN } from "./names";
export { runOrderOf, runOrderGroups, type RunOrderGroup } from "./run-order";
export { withMember, withoutMember, withMembers } from "./members";
export {
  actionRegions,
  addRegionStore,
  oneStore,
  removeRegionStore,
  storePerRegion,
  REGION_PATTERN,
} from "./artifact-stores";
export {
  actionMoveTarget,
  appendPlacement,
  dropRefusal,
  keyboardTarget,
  FIRST_STAGE_SOURCE_ONLY,
  SOURCE_ONLY_FIRST,
  type DropTarget,
  type GroupDropTarget,
  type NewStageDropTarget,
  type PlacementFocus,
} from "./placement";
