import { useEffect } from "react";
import { useAppStore } from "../store";

/** Frames to wait for the requested element to be rendered (a newly selected node's form). */
const MAX_FRAMES = 10;

/**
 * Carries out the ui slice's focus requests: once the element marked with the requested
 * `data-focus-key` is on screen, it takes the keyboard focus and is scrolled into view. This is
 * how a problem takes the user to its field in the inspector.
 */
export function FocusRequests() {
  const request = useAppStore((s) => s.focusRequest);
  useEffect(() => {
    if (request === null) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const target = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(request.key)}"]`);
      if (target !== null) {
        target.focus();
        target.scrollIntoView({ block: "nearest" });
        return;
      }
      if (++frames < MAX_FRAMES) handle = requestAnimationFrame(attempt);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [request]);
  return null;
}
