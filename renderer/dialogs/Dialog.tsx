import { useEffect, useId, useRef, type ReactNode } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog with its title as its accessible name. It takes the keyboard focus (the element
 * marked `data-autofocus`, else its first field or button), keeps Tab inside itself, closes on
 * Escape, and gives the focus back to where it was when it closes, so every dialog ends where the
 * user started. `closeLabel` names the closing button: "Cancel" while closing abandons something,
 * "Close" once there is nothing left to abandon; `actions` sit beside it (the primary one last).
 */
export function Dialog({
  title,
  onClose,
  closeLabel = "Cancel",
  actions,
  size = "md",
  children,
}: {
  title: string;
  onClose: () => void;
  closeLabel?: string;
  actions?: ReactNode;
  size?: "sm" | "md" | "lg";
  children: ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const before = document.activeElement;
    const box = ref.current;
    const target =
      box?.querySelector<HTMLElement>("[data-autofocus]") ??
      box?.querySelector<HTMLElement>(
        ".dialog-body input:not([disabled]), .dialog-body select:not([disabled]), .dialog-body textarea:not([disabled]), .dialog-body button:not([disabled])",
      ) ??
      box?.querySelector<HTMLElement>(".dialog-footer button:not([disabled])");
    target?.focus();
    return () => {
      // Back to the control that opened the dialog, when it is still there to take it.
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            close.current();
            return;
          }
          if (e.key !== "Tab" || ref.current === null) return;
          const all = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
          const first = all[0];
          const last = all[all.length - 1];
          if (first === undefined || last === undefined) return;
          if (e.shiftKey && document.activeElement === first) {
            e.preventDefault();
            last.focus();
          } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
          }
        }}
      >
        <h2 id={id} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <footer className="dialog-footer">
          <button type="button" onClick={() => close.current()}>
            {closeLabel}
          </button>
          {actions}
        </footer>
      </div>
    </div>
  );
}
