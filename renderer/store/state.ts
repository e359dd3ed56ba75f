import type {
  AppError,
  AppInfo,
  OpenedDocument,
  RecentFile,
  RecoveryEntry,
  SavedDocument,
  Settings,
  TemplateSummary,
} from "../../shared/ipc";
import type { PipelineDeclaration, PipelineDocument } from "../../shared/pipeline/model";
import type { Diagnostic, SourceLocation } from "../../shared/validate/diagnostic";
import type { ConnectionSlice } from "./connection-slice";
import type { DeploySlice } from "./deploy-slice";
import type { IacSlice } from "./iac-slice";
import type { PipelineOwner } from "../../shared/iac/ownership";
import type { DesignerSlice } from "./designer-state";
import type { RehearseSlice } from "./rehearse-slice";
import type { RunsSlice } from "./runs-slice";

/** The open document and what the shell knows about its file. */
export interface OpenDocument {
  document: PipelineDocument;
  /** `null` until the first save. */
  path: string | null;
  /** Version of the file as last read or written; sent back on save to notice outside changes. */
  version: string | null;
  dirty: boolean;
  /** Key of this document's autosaved copy in the recovery folder. */
  recoveryId: string;
  /** Parse findings from opening the file. */
  diagnostics: Diagnostic[];
  /** The user chose to keep their version over a change on disk; the next save overwrites it. */
  overwriteOnSave: boolean;
  /** The pipeline as its file holds it (read or last written); null when unknown (new, restored). */
  savedPipeline: PipelineDeclaration | null;
  /** Who manages the pipeline it was opened from (a stack, Terraform…), from its tags. */
  owner: PipelineOwner | null;
  /** The template it was imported from, when it was opened from one. */
  importedFrom: NonNullable<OpenedDocument["importedFrom"]> | null;
  /** Where findings are in the file as opened, while `document` is still the one opened. */
  locations: { document: PipelineDocument; at: Record<string, SourceLocation> } | null;
}

/** Which modal dialog is open. */
export type DialogKind = "new" | "open" | "saveAs" | "changes";

/** A change on disk the user has to decide about. */
export interface DiskChange {
  path: string;
  change: "modified" | "deleted";
}

/** The document slice: the open document and the events that change it. */
export interface DocumentSlice {
  doc: OpenDocument | null;
  documentLoaded(opened: OpenedDocument, recoveryId?: string): void;
  pipelineRenamed(name: string): void;
  /** `document`: what was written (the document may have changed while it was being saved). */
  documentSaved(saved: SavedDocument, document?: PipelineDocument): void;
}

/** The ui slice: dialogs, errors and notices, shown from state (never caught in components). */
export interface UiSlice {
  info: AppInfo | null;
  dialog: DialogKind | null;
  error: AppError | null;
  notice: string | null;
  diskChange: DiskChange | null;
  settings: Settings;
  busy: boolean;
  dialogOpened(dialog: DialogKind): void;
  dialogClosed(): void;
  errorShown(error: AppError): void;
  errorDismissed(): void;
  noticeDismissed(): void;
}

/** The files slice: lists fetched from main. */
export interface FilesSlice {
  templates: TemplateSummary[];
  recent: RecentFile[];
  recovery: RecoveryEntry[];
}

/** Flows that talk to main; each ends in the sync events above. */
export interface FlowSlice {
  startupRequested(): Promise<void>;
  newDocumentRequested(templateId: string): Promise<void>;
  /** `resource`: the pipeline of a template with several, continuing an open the user confirmed. */
  openRequested(path?: string, resource?: string): Promise<void>;
  saveRequested(): Promise<void>;
  saveAsRequested(path?: string): Promise<void>;
  recoveryRestoreRequested(id: string): Promise<void>;
  recoveryDeclined(id: string): Promise<void>;
  diskReloadRequested(): Promise<void>;
  diskChangeKept(): void;
  diskChangeReported(change: DiskChange): Promise<void>;
  themeChosen(theme: Settings["theme"]): Promise<void>;
}

/** The whole renderer store. */
export type AppState = DocumentSlice &
  UiSlice &
  FilesSlice &
  FlowSlice &
  DesignerSlice &
  ConnectionSlice &
  DeploySlice &
  RunsSlice &
  IacSlice &
  RehearseSlice;
