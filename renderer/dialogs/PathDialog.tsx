import { FileJson, Folder, FolderUp, House } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useAppStore } from "../store";
import { Dialog } from "./Dialog";
import { pipelineNameLabel } from "../../shared/iac/deploy-time-values";

/** The folder part and the name part of a path, split at its last separator. */
function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut < 0
    ? { folder: "", name: path }
    : { folder: path.slice(0, cut) || path.slice(0, 1), name: path.slice(cut + 1) };
}

/** `folder` joined with `name` by the folder's own separator. */
function joinPath(folder: string, name: string): string {
  const separator = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/**
 * Save As's folder browser: the places to start from, the folder's sub-folders to go into and its
 * JSON files (choosing one takes its name, to replace it). Lives on the machine running Pipewright.
 */
function FolderBrowser({ path, onPath }: { path: string; onPath(path: string): void }) {
  const folder = useAppStore((s) => s.folder);
  const requested = useAppStore((s) => s.folderRequested);
  const { folder: current, name } = splitPath(path);
  const started = useRef(false);
  useEffect(() => {
    // Only when the dialog opens: later moves request their folder themselves.
    if (!started.current) void requested(current === "" ? undefined : current);
    started.current = true;
  }, [current, requested]);
  const listing = folder.listing;
  const go = (target: string) => {
    onPath(joinPath(target, name));
    void requested(target);
  };
  return (
    <section className="folder-browser" aria-label="Folders">
      <div className="path-crumbs">
        {listing?.places.map((place) => (
          <button key={place.path} type="button" onClick={() => go(place.path)} title={place.path}>
            {place.label === "Home" && <House aria-hidden="true" size={14} />}
            <span>{place.label === "Home" ? "Home" : splitPath(place.path).name || place.path}</span>
          </button>
        ))}
      </div>
      <p className="muted" aria-live="polite">
        {folder.loading ? "Reading the folder…" : listing === null ? "" : `In ${listing.path}`}
      </p>
      {folder.error !== null && (
        <p role="alert" className="tone-error">
          {folder.error.message}
        </p>
      )}
      {listing !== null && (
        <div className="path-browser">
          <ul aria-label={`Contents of ${listing.path}`}>
            {listing.parent !== null && (
              <li>
                <button type="button" onClick={() => go(listing.parent ?? listing.path)}>
                  <FolderUp aria-hidden="true" size={14} />
                  <span>Up to {splitPath(listing.parent).name || listing.parent}</span>
                </button>
              </li>
            )}
            {listing.entries.map((entry) => (
              <li key={entry.name}>
                <button
                  type="button"
                  onClick={() =>
                    entry.kind === "folder"
                      ? go(joinPath(listing.path, entry.name))
                      : onPath(joinPath(listing.path, entry.name))
                  }
                >
                  {entry.kind === "folder" ? (
                    <Folder aria-hidden="true" size={14} />
                  ) : (
                    <FileJson aria-hidden="true" size={14} />
                  )}
                  <span>{entry.name}</span>
                </button>
              </li>
            ))}
            {listing.entries.length === 0 && <li className="muted">No folders or JSON files here.</li>}
            {listing.truncated && <li className="muted">More entries than shown: type the path.</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * Open and Save As where there is no native file dialog (web mode): the path is typed, or picked:
 * from the recent files for Open, from a folder browser for Save As. Paths are on the machine
 * running Pipewright's host.
 */
export function PathDialog({ kind }: { kind: "open" | "saveAs" }) {
  const recent = useAppStore((s) => s.recent);
  const currentPath = useAppStore((s) => s.doc?.path ?? null);
  // A name a template resolves at deploy time suggests its reference (`!Ref PipelineName`).
  const suggested = useAppStore(
    (s) => (s.doc === null ? "" : pipelineNameLabel(s.doc.document.pipeline)) || "pipeline",
  );
  const home = useAppStore((s) => s.folder.listing?.places[0]?.path ?? null);
  const open = useAppStore((s) => s.openRequested);
  const saveAs = useAppStore((s) => s.saveAsRequested);
  const close = useAppStore((s) => s.dialogClosed);
  const error = useAppStore((s) => s.error);
  const [path, setPath] = useState(kind === "saveAs" ? (currentPath ?? `${suggested}.pipeline.json`) : "");
  // The suggested bare name goes into the folder the browser starts in (home), once it is known.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || kind !== "saveAs" || home === null) return;
    placed.current = true;
    setPath((p) => (splitPath(p).folder === "" ? joinPath(home, p) : p));
  }, [home, kind]);
  const submit = () => void (kind === "open" ? open(path.trim()) : saveAs(path.trim()));
  return (
    <Dialog
      title={kind === "open" ? "Open a pipeline file" : "Save the pipeline as"}
      onClose={close}
      size={kind === "saveAs" ? "lg" : "md"}
      actions={
        <button type="submit" form="path-form" className="primary" disabled={path.trim() === ""}>
          {kind === "open" ? "Open file" : "Save file"}
        </button>
      }
    >
      <form
        id="path-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim() !== "") submit();
        }}
      >
        <label className="field">
          File path
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            data-autofocus
          />
        </label>
        {error !== null && <p role="alert">{error.message}</p>}
      </form>
      {kind === "saveAs" && <FolderBrowser path={path} onPath={setPath} />}
      {kind === "open" && recent.length > 0 && (
        <section aria-label="Recent files">
          <h3>Recent files</h3>
          <ul className="recent-files">
            {recent.map((f) => (
              <li key={f.path}>
                <button type="button" title={f.path} onClick={() => void open(f.path)}>
                  {f.name}
                </button>{" "}
                <span className="muted">{f.path}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
