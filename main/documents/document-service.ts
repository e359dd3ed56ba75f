import { pipelineNameText } from "../../shared/pipeline/names";
import { isAbsolute, resolve } from "node:path";
import {
  createPathLocator,
  describeSize,
  FILE_LIMIT_TEXT,
  MAX_FILE_BYTES,
  parseDocument,
  serializeDocument,
  utf8Length,
} from "../../shared/formats";
import { pathKey, type AppError, type OpenedDocument, type SavedDocument } from "../../shared/ipc";
import { validateDocument } from "../../shared/validate";
import type { PipelineDocument } from "../../shared/pipeline/model";
import type { Diagnostic, SourceLocation } from "../../shared/validate/diagnostic";
import { writeFileAtomic } from "../storage/atomic-write";
import { currentVersion, readDocumentFile, tooLargeToOpen, versionOf } from "./document-files";
import type { FileWatcher } from "./file-watcher";
import { AppFailure, writeError } from "./fs-errors";
import type { RecentFiles } from "./recent-files";
import { isTemplate, openTemplate } from "./template-open";
import { createFromTemplate } from "./templates";

/** Native file dialogs; absent in web mode, where the user types a path instead. */
export interface FileDialogs {
  /** The chosen path, or undefined when the user cancelled. */
  chooseOpenPath(): Promise<string | undefined>;
  chooseSavePath(suggestedName: string): Promise<string | undefined>;
}

/** Paths are resolved against the folder main started in, so a typed relative path means one file. */
function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}

/** Lines are given for at most this many findings; a file with more shows the rest by path. */
const MAX_LOCATED = 1000;

/** Where validation's findings on `document` are in `text`, the file it was read from. */
function locateFindings(document: PipelineDocument, text: string): Record<string, SourceLocation> {
  const findings = validateDocument(document).slice(0, MAX_LOCATED);
  const locations: Record<string, SourceLocation> = {};
  if (findings.length === 0) return locations;
  const locate = createPathLocator(text);
  for (const finding of findings) {
    const location = locate(finding.path);
    if (location !== undefined) locations[pathKey(finding.path)] = location;
  }
  return locations;
}

/** At most this many findings go into an error's details; the message already says the first. */
const MAX_DETAILS = 5;

function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity === "error")
    .slice(0, MAX_DETAILS)
    .map((d) => `${d.code}: ${d.message}`)
    .join("\n");
}

/**
 * Why a file did not open, in the user's words and exactly: not JSON (where), not a pipeline
 * (which member is missing), too large (size and limit). Messages quote at most the offending line.
 */
function openFailure(diagnostics: readonly Diagnostic[], text: string, path: string): AppError {
  const first = diagnostics.find((d) => d.severity === "error");
  const details = describe(diagnostics);
  if (first?.code === "file-too-large") return { ...tooLargeToOpen(utf8Length(text), path), details };
  if (first?.code === "json-syntax") {
    const at =
      first.location === undefined ? "" : `line ${first.location.line}, column ${first.location.column}: `;
    return {
      code: "not-a-pipeline",
      message: `The file is not valid JSON (${at}${first.message}): ${path}`,
      details,
    };
  }
  if (first?.code === "empty-file")
    return { code: "not-a-pipeline", message: `The file is empty: ${path}`, details };
  return {
    code: "not-a-pipeline",
    message: `${first?.message ?? "The file is not a pipeline document"}: ${path}`,
    details,
  };
}

/**
 * New, Open, Save and Save As on the machine running main. Every failure is an {@link AppFailure}
 * carrying the error the user sees; the IPC handlers turn it into a Result.
 */
export class DocumentService {
  constructor(
    private readonly recent: RecentFiles,
    private readonly watcher: FileWatcher,
    private readonly dialogs: FileDialogs | undefined,
  ) {}

  create(templateId: string): OpenedDocument {
    const document = createFromTemplate(templateId);
    if (document === undefined) {
      throw new AppFailure({
        code: "unknown-template",
        message: `There is no template with this id: ${templateId}`,
      });
    }
    return { path: null, document, version: null, diagnostics: [], dirty: true };
  }

  async open(requested: string | undefined, resource?: string): Promise<OpenedDocument> {
    const path = absolute(requested ?? (await this.choose(() => this.dialogs?.chooseOpenPath())));
    const { text, version } = await readDocumentFile(path);
    const parsed = parseDocument(text);
    if (parsed.document === undefined && isTemplate(text, path)) {
      const opened = openTemplate(path, text, resource);
      await this.recent.add(path);
      return opened;
    }
    if (parsed.document === undefined) throw new AppFailure(openFailure(parsed.diagnostics, text, path));
    await this.recent.add(path);
    return {
      path,
      document: parsed.document,
      version,
      diagnostics: parsed.diagnostics,
      dirty: false,
      locations: locateFindings(parsed.document, text),
    };
  }

  /**
   * Saves over `path`. When the file's current bytes are not the version the renderer last saw,
   * another program changed it, and the save is refused unless the user chose to overwrite.
   */
  async save(
    path: string,
    document: PipelineDocument,
    expectedVersion: string | null,
    overwrite: boolean,
  ): Promise<SavedDocument> {
    const target = absolute(path);
    if (!overwrite) {
      const onDisk = await currentVersion(target);
      if (onDisk !== null && onDisk !== expectedVersion) {
        throw new AppFailure({
          code: "changed-on-disk",
          message: `Another program changed the file since it was opened: ${target}`,
        });
      }
    }
    return this.write(target, document);
  }

  /**
   * Saves to a new path. A path from the native dialog was already confirmed there; a typed one that
   * names an existing file needs `overwrite`, so a typo cannot silently replace another file.
   */
  async saveAs(
    requested: string | undefined,
    document: PipelineDocument,
    overwrite = false,
  ): Promise<SavedDocument> {
    const suggested = `${pipelineNameText(document.pipeline) || "pipeline"}.pipeline.json`;
    if (requested !== undefined && !overwrite && (await currentVersion(absolute(requested))) !== null) {
      throw new AppFailure({
        code: "file-exists",
        message: `A file with this name already exists: ${absolute(requested)}`,
      });
    }
    const path = absolute(requested ?? (await this.choose(() => this.dialogs?.chooseSavePath(suggested))));
    return this.write(path, document);
  }

  private async write(path: string, document: PipelineDocument): Promise<SavedDocument> {
    const text = serializeDocument(document);
    const bytes = utf8Length(text);
    // Refused before anything is written: a file over the limit could not be opened again.
    if (bytes > MAX_FILE_BYTES) {
      throw new AppFailure({
        code: "file-too-large",
        message: `The pipeline is too large to save: ${describeSize(bytes)} as a file, the limit for opening it again is ${FILE_LIMIT_TEXT}: ${path}`,
      });
    }
    const version = versionOf(text);
    // Acknowledge first: the watcher may fire as soon as the rename lands.
    this.watcher.acknowledge(path, version);
    try {
      await writeFileAtomic(path, text);
    } catch (error) {
      throw new AppFailure(writeError(error, path));
    }
    await this.recent.add(path);
    return { path, version };
  }

  private async choose(show: () => Promise<string | undefined> | undefined): Promise<string> {
    if (this.dialogs === undefined) {
      throw new AppFailure({
        code: "path-required",
        message: "Type the file's path: this mode has no file dialog",
      });
    }
    const path = await show();
    if (path === undefined) throw new AppFailure({ code: "cancelled", message: "No file was chosen" });
    return path;
  }
}
