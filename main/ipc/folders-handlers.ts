import { readdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, normalize, parse } from "node:path";
import { fail, ok, type FolderEntry, type Handlers } from "../../shared/ipc";
import { readError } from "../documents/fs-errors";
import type { AppServices } from "./services";

type FoldersHandlers = Pick<Handlers, Extract<keyof Handlers, `folders.${string}`>>;

/** Entries a listing holds at most: enough for any folder a pipeline is saved in. */
export const MAX_ENTRIES = 500;

/**
 * The folders channels. A listing shows only what picking a place to save needs: folders (to go
 * into) and `.json` files (to see what a name would replace), never hidden entries, never file
 * contents, sizes or owners, and at most {@link MAX_ENTRIES} names. Requests carry web mode's
 * token and pass its Host check like every channel; the paths are the user's own machine.
 */
export function createFoldersHandlers(s: AppServices): FoldersHandlers {
  return {
    "folders.list": async ({ path }) => {
      const folder = normalize(path ?? homedir());
      if (!isAbsolute(folder))
        return fail("invalid-request", `A folder to list must be an absolute path: ${folder}`);
      let names: { name: string; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }[];
      try {
        if (!(await stat(folder)).isDirectory())
          return fail("invalid-request", `This is a file, not a folder: ${folder}`);
        names = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        return { ok: false, error: readError(error, folder) };
      }
      const entries: FolderEntry[] = [];
      for (const entry of names) {
        if (entry.name.startsWith(".")) continue;
        // A link is listed as what it points to; a broken one is left out.
        let folderLike = entry.isDirectory();
        let fileLike = entry.isFile();
        if (entry.isSymbolicLink()) {
          const target = await stat(join(folder, entry.name)).catch(() => undefined);
          folderLike = target?.isDirectory() === true;
          fileLike = target?.isFile() === true;
        }
        if (folderLike) entries.push({ name: entry.name, kind: "folder" });
        else if (fileLike && entry.name.toLowerCase().endsWith(".json"))
          entries.push({ name: entry.name, kind: "file" });
      }
      entries.sort((a, b) =>
        a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "folder" ? -1 : 1,
      );
      const recent = await s.recent.list().catch(() => []);
      const places = [
        { label: "Home", path: homedir() },
        ...[...new Set(recent.map((f) => dirname(f.path)))].map((p) => ({ label: p, path: p })),
      ].slice(0, 8);
      return ok({
        path: folder,
        parent: parse(folder).root === folder ? null : dirname(folder),
        entries: entries.slice(0, MAX_ENTRIES),
        truncated: entries.length > MAX_ENTRIES,
        places,
      });
    },
  };
}
