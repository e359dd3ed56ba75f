import { isAbsolute, resolve } from "node:path";
import { parseDocument, serializeDocument } from "../../shared/formats";
import { relinkDocument, type OpenedDocument, type SavedDocument } from "../../shared/ipc";
import type { PipelineDocument } from "../../shared/pipeline/model";
import type { Diagnostic } from "../../shared/validate/diagnostic";
import { writeFileAtomic } from "./atomic-write";
import { currentVersion, readDocumentFile, versionOf } from "./document-files";
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

function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code}: ${d.message}`)
    .join("\n");
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
    if (parsed.document === undefined) {
      const tooLarge = parsed.diagnostics.some((d) => d.code === "file-too-large");
      throw new AppFailure({
        code: tooLarge ? "file-too-large" : "not-a-pipeline",
        message: tooLarge
          ? `The file is too large to open: ${path}`
          : `The file is not a pipeline document: ${path}`,
        details: describe(parsed.diagnostics),
      });
    }
    await this.recent.add(path);
    return { path, document: parsed.document, version, diagnostics: parsed.diagnostics, dirty: false };
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
    const suggested = `${document.pipeline.name || "pipeline"}.pipeline.json`;
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
    const text = serializeDocument(relinkDocument(document));
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
