import { useMemo } from "react";
import { diffPipelines } from "../../shared/diff";
import { DiffView } from "../panels/deploy/DiffView";
import { useAppStore } from "../store";
import { Dialog } from "./Dialog";

/**
 * What the document changes in its file, as the structural diff the deploy preview uses: what a
 * reviewer will see in git, before saving.
 */
export function ChangesDialog() {
  const saved = useAppStore((s) => s.doc?.savedPipeline ?? null);
  const current = useAppStore((s) => s.doc?.document.pipeline ?? null);
  const path = useAppStore((s) => s.doc?.path ?? null);
  const closed = useAppStore((s) => s.dialogClosed);
  const diff = useMemo(() => (saved && current ? diffPipelines(saved, current) : null), [saved, current]);
  const file = path?.split(/[\\/]/).pop() ?? "the file";
  return (
    <Dialog title={`Changes since ${file} was saved`} onClose={closed} closeLabel="Close">
      {diff === null ? (
        <p>This document has no saved file to compare with (it is new, or a restored copy).</p>
      ) : (
        <DiffView diff={diff} label="Not saved yet" />
      )}
    </Dialog>
  );
}
