import { useEffect } from "react";
import { useAppStore, useStoreApi } from "../store";
import { clipboardText } from "../store/selection-events";
import { CommandPalette } from "./CommandPalette";
import { IacExportDialog } from "../panels/iac/IacExportDialog";
import { OwnerTagKeysDialog } from "../panels/iac/OwnerTagKeysDialog";
import { ResourceChoiceDialog } from "../panels/iac/ResourceChoiceDialog";
import { ExportDialog } from "./ExportDialog";

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest("input, textarea, select, [contenteditable], .cm-editor") !== null
  );
}

/**
 * The designer's dialogs, and its clipboard: copy, cut and paste arrive as the browser's clipboard
 * events (which carry the system clipboard), except while a text field has the focus.
 */
export function DesignerOverlays() {
  const store = useStoreApi();
  const paletteOpen = useAppStore((s) => s.commandPaletteOpen);
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      if (isEditable(e.target) || store.getState().selection.kind === "pipeline") return;
      e.preventDefault();
      const s = store.getState();
      if (e.type === "cut") s.selectionCut();
      else s.selectionCopied();
      const clipboard = store.getState().clipboard;
      if (clipboard !== null) e.clipboardData?.setData("text/plain", clipboardText(clipboard));
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || store.getState().doc === null) return;
      e.preventDefault();
      store.getState().clipboardPasted(e.clipboardData?.getData("text/plain") ?? undefined);
    };
    window.addEventListener("copy", onCopy);
    window.addEventListener("cut", onCopy);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("copy", onCopy);
      window.removeEventListener("cut", onCopy);
      window.removeEventListener("paste", onPaste);
    };
  }, [store]);
  return (
    <>
      {paletteOpen && <CommandPalette />}
      <ExportDialog />
      <IacExportDialog />
      <ResourceChoiceDialog />
      <OwnerTagKeysDialog />
    </>
  );
}
