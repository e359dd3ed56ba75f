import { useEffect } from "react";
import { useAppStore } from "../store";

/** Frames to wait for the requested element to be rendered (a newly selected node's form). */
const MAX_FRAMES = 10;

/** A value quoted for an attribute selector. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}

/**
 * The element for a focus key: the field itself, else the first field of the nearest thing that
 * holds it (a missing configuration key focuses the action's first field).
 */
function findTarget(key: string): HTMLElement | null {
  const exact = document.querySelector<HTMLElement>(`[data-focus-key=${quoted(key)}]`);
  if (exact !== null) return exact;
  const segments = key.split("/");
  for (let n = segments.length - 1; n > 0; n--) {
    const prefix = segments.slice(0, n).join("/");
    const inside = document.querySelector<HTMLElement>(`[data-focus-key^=${quoted(`${prefix}/`)}]`);
    if (inside !== null) return inside;
  }
  return null;
}

/**
 * Carries out the ui slice's focus requests: once the element marked with the requested
 * `data-focus-key` is on screen, it takes the keyboard focus and is scrolled into view. This is
 * how a problem takes the user to its field in the inspector.
 */
export function FocusRequests() {
  const request = useAppStore((s) => s.focusRequest);
  const documentId = useAppStore((s) => s.doc?.recoveryId ?? null);
  const focusRequested = useAppStore((s) => s.focusRequested);
  // A document that comes in (New, Open, Restore, Browse) takes the keyboard to its canvas, where
  // the arrows, Delete and the shortcuts work, rather than back to the button that asked for it.
  useEffect(() => {
    if (documentId !== null) focusRequested("canvas");
  }, [documentId, focusRequested]);
  useEffect(() => {
    if (request === null) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const target = findTarget(request.key);
      if (target !== null) {
        target.focus();
        target.scrollIntoView?.({ block: "nearest" });
        return;
      }
      if (++frames < MAX_FRAMES) handle = requestAnimationFrame(attempt);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [request]);
  return null;
}
