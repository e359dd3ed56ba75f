/**
 * Infrastructure as code in the app: the export dialog (format, type, parameters, a live preview,
 * then a download), the choice of a pipeline when an opened template has several, and the deploy
 * of a pipeline a stack or another tool owns, which needs an explicit "deploy anyway", and the tag
 * keys that name such an owner besides CloudFormation's and CDK's (a setting).
 */
import type { StateCreator } from "zustand";
import { exportIac, iacSourceOf, type ExportFormat, type IacExportResult } from "../../shared/iac";
import { DEFAULT_OWNER_TAG_KEYS, ownerExportFormat } from "../../shared/iac/ownership";
import type { PipelineDocument, PipelineType } from "../../shared/pipeline/model";
import type { FlowDeps } from "./flow-slice";
import type { AppState } from "./state";

/** The export dialog's choices. */
export interface IacExportChoice {
  format: ExportFormat;
  /** "as-is": the document's own type (a template without PipelineType keeps none). */
  pipelineType: PipelineType | "as-is";
  parameterize: boolean;
  dropUnsupported: boolean;
}

/** A template with several pipelines, waiting for the user to pick one. */
export interface ResourceChoice {
  file: string;
  choices: Array<{ id: string; name?: string; line?: number }>;
}

/** The IaC slice. */
export interface IacSlice {
  iacExport: IacExportChoice | null;
  resourceChoice: ResourceChoice | null;
  iacExportOpened(format?: ExportFormat): void;
  iacExportChanged(patch: Partial<IacExportChoice>): void;
  iacExportDismissed(): void;
  resourceChoiceShown(choice: ResourceChoice): void;
  resourceChosen(id: string): Promise<void>;
  resourceChoiceDismissed(): void;
  /** The owner tag keys dialog is open. */
  ownerTagKeysEditing: boolean;
  ownerTagKeysOpened(): void;
  ownerTagKeysDismissed(): void;
  /** Saves the keys to the settings; pipelines opened and deploys previewed from then on use them. */
  ownerTagKeysSaved(keys: readonly string[]): Promise<void>;
}

/** The owner tag keys in force: the settings' own, else the default list. */
export function ownerTagKeysOf(state: Pick<AppState, "settings">): readonly string[] {
  return state.settings.ownerTagKeys ?? DEFAULT_OWNER_TAG_KEYS;
}

/** Limits main's settings channel holds the keys to (the length of an AWS tag key: 1 to 128). */
export const OWNER_TAG_KEY_LIMITS = { count: 20, length: 128 } as const;

/**
 * The keys typed in the dialog, one a line or separated by commas: blanks dropped, each once. The
 * problem is said in the user's words when one is too long or there are too many.
 */
export function parseOwnerTagKeys(text: string): { keys: string[] } | { problem: string } {
  const keys = [...new Set(text.split(/[\n,]/).map((k) => k.trim()).filter((k) => k !== ""))];
  const long = keys.find((k) => k.length > OWNER_TAG_KEY_LIMITS.length);
  if (long !== undefined)
    return { problem: `A tag key has at most ${OWNER_TAG_KEY_LIMITS.length} characters: ${long.slice(0, 40)}…` };
  if (keys.length > OWNER_TAG_KEY_LIMITS.count)
    return { problem: `At most ${OWNER_TAG_KEY_LIMITS.count} tag keys; there are ${keys.length}` };
  return { keys };
}

/** File name extensions of each format. */
const EXTENSIONS: Record<ExportFormat, string> = {
  json: "json",
  "cfn-yaml": "yaml",
  "cfn-json": "template.json",
  terraform: "tf",
  "cdk-ts": "ts",
};

/** The file an export downloads as: the imported template's name, or one made from the pipeline's. */
export function iacFileName(
  doc: PipelineDocument,
  format: ExportFormat,
  importedFrom: string | null,
): string {
  if (importedFrom !== null && format !== "json") {
    const base = importedFrom.split(/[\\/]/).pop() ?? "";
    const source = iacSourceOf(doc);
    const same =
      source !== undefined &&
      ((source.format === "terraform" && format === "terraform") ||
        (source.format === "cloudformation" && format === `cfn-${source.syntax}`));
    if (same && base !== "") return base;
  }
  const name = typeof doc.pipeline.name === "string" ? doc.pipeline.name : "pipeline";
  const base = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "pipeline";
  return `${base}.${EXTENSIONS[format]}`;
}

/** The export the dialog shows for the current document and choices. */
export function iacExportPreview(state: Pick<AppState, "doc" | "iacExport">): IacExportResult | null {
  const doc = state.doc;
  const choice = state.iacExport;
  if (doc === null || choice === null) return null;
  return exportIac(doc.document, {
    format: choice.format,
    ...(choice.pipelineType === "as-is" ? {} : { pipelineType: choice.pipelineType }),
    parameterize: choice.parameterize && choice.format !== "json",
    dropUnsupported: choice.dropUnsupported,
  });
}

function defaultFormat(state: AppState): ExportFormat {
  const doc = state.doc;
  if (doc === null) return "cfn-yaml";
  if (doc.owner !== null) return ownerExportFormat(doc.owner);
  const source = iacSourceOf(doc.document);
  if (source?.format === "terraform") return "terraform";
  if (source?.format === "cloudformation") return source.syntax === "json" ? "cfn-json" : "cfn-yaml";
  return "cfn-yaml";
}

/** The slice; `open` is the flow that opens a file (with the chosen resource). */
export function createIacSlice({ api }: Pick<FlowDeps, "api">): StateCreator<AppState, [], [], IacSlice> {
  return (set, get) => ({
    iacExport: null,
    resourceChoice: null,
    iacExportOpened: (format) => {
      const doc = get().doc;
      if (doc === null) return;
      const own = doc.document.pipeline.pipelineType;
      set({
        iacExport: {
          format: format ?? defaultFormat(get()),
          pipelineType: own === "V1" || own === "V2" ? own : "as-is",
          parameterize: false,
          dropUnsupported: false,
        },
        deploy: null,
      });
    },
    iacExportChanged: (patch) =>
      set((s) => (s.iacExport === null ? {} : { iacExport: { ...s.iacExport, ...patch } })),
    iacExportDismissed: () => set({ iacExport: null }),
    resourceChoiceShown: (resourceChoice) => set({ resourceChoice, busy: false }),
    resourceChosen: async (id) => {
      const choice = get().resourceChoice;
      set({ resourceChoice: null });
      if (choice !== null) await get().openRequested(choice.file, id);
    },
    resourceChoiceDismissed: () => set({ resourceChoice: null }),
    ownerTagKeysEditing: false,
    ownerTagKeysOpened: () => set({ ownerTagKeysEditing: true }),
    ownerTagKeysDismissed: () => set({ ownerTagKeysEditing: false }),
    ownerTagKeysSaved: async (keys) => {
      const result = await api.settings.update({ ownerTagKeys: [...keys] });
      if (result.ok) set({ settings: result.value, ownerTagKeysEditing: false });
      // The dialog stays open with what was typed; the error says why it was not saved.
      else set({ error: result.error });
    },
  });
}
