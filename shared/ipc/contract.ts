import { z } from "zod";
import { AWS_CHANNELS } from "./aws-channels";
import { REHEARSE_CHANNELS } from "./rehearse-channels";
import { RUNS_CHANNELS } from "./runs-channels";
import type { Result } from "./result";
import { documentSchema, emptySchema, idSchema, pathSchema } from "./schemas";
import type {
  AppInfo,
  OpenedDocument,
  RecentFile,
  RecoveryEntry,
  SavedDocument,
  Settings,
  TemplateSummary,
} from "./types";

/**
 * One channel of the contract: its request schema, and its response type carried as a phantom so
 * both sides infer it from this one declaration.
 */
export interface ChannelDefinition<Req extends z.ZodType, Res> {
  request: Req;
  /** Type-only marker of the response; never read at runtime. */
  readonly response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDefinition<Req, Res> => ({ request });
}

/**
 * Every channel between renderer and main, declared once. The name is `group.method`; the
 * preload exposes it as `window.pipewright.group.method(request)`, web mode as
 * `POST /api/group.method`. Main's handler table must satisfy {@link Handlers}.
 */
export const CHANNELS = {
  /** Name, version and mode of the running app. */
  "app.info": channel<AppInfo>()(emptySchema),
  /**
   * The file the app was launched to open (command line, file association), once: later calls
   * return null. Files arriving while the app runs come as `documents.openRequested` events.
   */
  "app.launchFile": channel<string | null>()(emptySchema),
  /**
   * Messages about the app's own state files that could not be used (corrupt, or written by a newer
   * version) and were set aside, each once: the renderer shows them.
   */
  "app.notices": channel<string[]>()(emptySchema),
  /** Opens an https AWS console or documentation link in the system browser. */
  "app.openExternal": channel<null>()(z.strictObject({ url: z.string().max(2048) })),
  /**
   * Tells main whether the open document has unsaved edits, so closing the window can ask first
   * (and discard the recovery copy when the user chooses to drop the edits).
   */
  "app.documentState": channel<null>()(
    z.strictObject({ dirty: z.boolean(), title: z.string().max(200), recoveryId: idSchema.nullable() }),
  ),

  /** The templates New offers. */
  "documents.templates": channel<TemplateSummary[]>()(emptySchema),
  /** A new, unsaved document from a template. */
  "documents.create": channel<OpenedDocument>()(z.strictObject({ templateId: idSchema })),
  /** Opens a file; without a path, main shows its open dialog (desktop only). */
  "documents.open": channel<OpenedDocument>()(
    // `resource`: which pipeline of a template with several (the error `choose-resource` lists them).
    z.strictObject({ path: pathSchema.optional(), resource: z.string().min(1).max(300).optional() }),
  ),
  /**
   * Writes the document to its file atomically. `expectedVersion` is the version the renderer last
   * saw; if the file changed since, the save is refused with `changed-on-disk` unless `overwrite`.
   */
  "documents.save": channel<SavedDocument>()(
    z.strictObject({
      path: pathSchema,
      document: documentSchema,
      expectedVersion: z.string().max(128).nullable(),
      overwrite: z.boolean().optional(),
    }),
  ),
  /**
   * Writes the document to a new path; without a path, main shows its save dialog (desktop only,
   * which asks before replacing a file itself). A typed path that names an existing file is refused
   * with `file-exists` unless `overwrite`.
   */
  "documents.saveAs": channel<SavedDocument>()(
    z.strictObject({
      path: pathSchema.optional(),
      document: documentSchema,
      overwrite: z.boolean().optional(),
    }),
  ),
  /** Recently opened or saved files, most recent first. */
  "documents.recent": channel<RecentFile[]>()(emptySchema),
  /**
   * Watches a file for changes by other programs (`documents.changedOnDisk` events); `version` is
   * the content the renderer holds, so a change made before the call is noticed too. `null` stops
   * watching. One file at a time: the window shows one document.
   */
  "documents.watch": channel<null>()(
    z.strictObject({ path: pathSchema.nullable(), version: z.string().max(128).nullable().optional() }),
  ),

  /** Autosaved copies of unsaved edits left by a session that did not end cleanly. */
  "recovery.list": channel<RecoveryEntry[]>()(emptySchema),
  /** Stores (or replaces) the autosaved copy of a document's unsaved edits. */
  "recovery.store": channel<RecoveryEntry>()(
    z.strictObject({ id: idSchema, path: pathSchema.nullable(), document: documentSchema }),
  ),
  /** Opens an autosaved copy as an unsaved document. */
  "recovery.restore": channel<OpenedDocument>()(z.strictObject({ id: idSchema })),
  /** Deletes an autosaved copy (after a save, or when the user declines to restore it). */
  "recovery.discard": channel<null>()(z.strictObject({ id: idSchema })),

  /** The user's settings. */
  "settings.get": channel<Settings>()(emptySchema),
  /** Changes some settings; returns all of them. */
  "settings.update": channel<Settings>()(
    z.strictObject({
      theme: z.enum(["system", "light", "dark"]).optional(),
      recentLimit: z.number().int().min(1).max(50).optional(),
      ownerTagKeys: z.array(z.string().min(1).max(128)).max(20).optional(),
    }),
  ),

  ...AWS_CHANNELS,
  ...RUNS_CHANNELS,
  ...REHEARSE_CHANNELS,
} as const;

/** The name of a channel, `group.method`. */
export type ChannelName = keyof typeof CHANNELS;

/** Every channel name, in declaration order (the preload and the web host build from this). */
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

/** Whether a string names a channel of the contract. */
export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(CHANNELS, name);
}

/** What a caller sends on channel `C` (before schema defaults apply). */
export type RequestOf<C extends ChannelName> = z.input<(typeof CHANNELS)[C]["request"]>;
/** What a handler of channel `C` receives (after the schema parsed it). */
export type ParsedRequestOf<C extends ChannelName> = z.output<(typeof CHANNELS)[C]["request"]>;
/** What channel `C` returns inside its {@link Result}. */
export type ResponseOf<C extends ChannelName> =
  (typeof CHANNELS)[C] extends ChannelDefinition<z.ZodType, infer Res> ? Res : never;

/** Main's handler table: one function per channel. A missing or mistyped handler does not compile. */
export type Handlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

/** The group part of a channel name (`documents` in `documents.open`). */
export type ChannelGroup = ChannelName extends `${infer G}.${string}` ? G : never;

/**
 * The renderer's view of the contract: `api.documents.open({ path })`. The preload bridge and the
 * web-mode HTTP client both implement it.
 */
export type ApiMethods = {
  [G in ChannelGroup]: {
    [C in ChannelName as C extends `${G}.${infer M}` ? M : never]: (
      request: RequestOf<C>,
    ) => Promise<Result<ResponseOf<C>>>;
  };
};

/** Splits a channel name into its group and method. */
export function splitChannelName(name: ChannelName): { group: ChannelGroup; method: string } {
  const dot = name.indexOf(".");
  return { group: name.slice(0, dot) as ChannelGroup, method: name.slice(dot + 1) };
}
