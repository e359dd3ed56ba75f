import type { PipelineOwner } from "../iac/ownership";
import type { JsonPath, PipelineDocument } from "../pipeline/model";
import type { Diagnostic, SourceLocation } from "../validate/diagnostic";

/** Which host the renderer runs in; decided by main, reported by `app.info`. */
export type AppMode = "desktop" | "web";

/** What `app.info` reports about the running app. */
export interface AppInfo {
  name: string;
  version: string;
  mode: AppMode;
  /** `process.platform` of the machine that runs main (the files live there). */
  platform: string;
  /** Whether main can show native open/save dialogs; in web mode paths are typed instead. */
  nativeDialogs: boolean;
}

/** A document as main hands it to the renderer after New, Open or Restore. */
export interface OpenedDocument {
  /** Absolute path on the machine running main; `null` for a document never saved. */
  path: string | null;
  document: PipelineDocument;
  /**
   * A fingerprint (SHA-256 hex) of the file's bytes when it was read or last written; `null` when
   * there is no file. Sent back on save so a change by another program is noticed.
   */
  version: string | null;
  /** Parse findings (warnings and info; a file with parse errors does not open). */
  diagnostics: Diagnostic[];
  /** True when the content differs from the file (a restored recovery copy or a new document). */
  dirty: boolean;
  /** For a pipeline opened from an account: the stack or tool that manages it, from its tags. */
  owner?: PipelineOwner;
  /** For a template opened as a pipeline: the file and the resource it came from. */
  importedFrom?: { path: string; resource: string; format: "cfn-yaml" | "cfn-json" | "terraform" };
  /**
   * Where validation's findings are in the file as it was read: `pathKey(path)` → line and column.
   * They hold for the document as opened (once edited, lines move), so problems list at their lines.
   */
  locations?: Record<string, SourceLocation>;
}

/** The key of a JSON path in {@link OpenedDocument.locations}. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** The result of a save. */
export interface SavedDocument {
  path: string;
  version: string;
}

/** A template offered by New. */
export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
}

/** An entry of the recent-files list, most recent first. */
export interface RecentFile {
  path: string;
  /** File name without the folder, for display. */
  name: string;
  openedAt: string;
}

/** An autosaved copy of unsaved edits, kept until the document is saved or discarded. */
export interface RecoveryEntry {
  id: string;
  /** The file the edits belong to; `null` for a document never saved. */
  path: string | null;
  /** The pipeline name, for display. */
  title: string;
  /** ISO timestamp of the last autosave. */
  savedAt: string;
}

/** Colour theme: follow the operating system, or force one. */
export type ThemePreference = "system" | "light" | "dark";

/** User settings, stored by main in the app data folder. */
export interface Settings {
  theme: ThemePreference;
  /** How many recent files to remember. */
  recentLimit: number;
  /**
   * Tag keys that name a pipeline's owner besides CloudFormation's and CDK's own (`ManagedBy` for
   * Terraform). Absent: the default list.
   */
  ownerTagKeys?: string[];
}

/**
 * The ids the desktop app menu sends as `menu.command` events; each is a command of the renderer's
 * registry (a renderer test holds that), so menu, toolbar, shortcuts and palette run one code path.
 */
export const MENU_COMMANDS = [
  "new",
  "open",
  "save",
  "saveAs",
  "undo",
  "redo",
  "duplicate",
  "delete",
  "selectAllInStage",
  "addStage",
  "exportV2",
  "exportV1",
  "copyJson",
  "deploy",
  "commandPalette",
] as const;

/** One of {@link MENU_COMMANDS}. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];
