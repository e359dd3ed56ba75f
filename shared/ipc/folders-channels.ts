import { z } from "zod";
import type { ChannelDefinition } from "./contract";
import { pathSchema } from "./schemas";

/**
 * The folders channels: what web mode's Save As needs to offer a folder browser where the desktop app
 * has its native dialog. Spread into `CHANNELS`.
 */

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDefinition<Req, Res> => ({ request });
}

/** One entry of a folder: a folder to go into, or a JSON file (the only files a pipeline can be). */
export interface FolderEntry {
  name: string;
  kind: "folder" | "file";
}

/** A folder's listing, for picking where to save. */
export interface FolderListing {
  /** The folder, absolute and normalized. */
  path: string;
  /** Its parent folder; null at a root. */
  parent: string | null;
  /** Folders first, then `.json` files, each by name; hidden entries are left out. */
  entries: FolderEntry[];
  /** More entries than a listing holds: the rest are not shown. */
  truncated: boolean;
  /** Where browsing can start: the home folder and the folders of recent files. */
  places: { label: string; path: string }[];
}

/** The folders channels, spread into `CHANNELS`. */
export const FOLDERS_CHANNELS = {
  /**
   * Lists a folder on the machine that runs Pipewright: its sub-folders and `.json` files, not
   * hidden entries, at most a few hundred. Without a path, the home folder. A relative path, or one
   * that is not a folder, is refused (`not-found`, `invalid-request`).
   */
  "folders.list": channel<FolderListing>()(z.strictObject({ path: pathSchema.optional() })),
} as const;
