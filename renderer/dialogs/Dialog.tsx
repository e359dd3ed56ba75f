import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog with a title as its accessible name; Escape closes it. `closeLabel` names the
 * closing button: "Cancel" while closing abandons something, "Close" once there is nothing left to
 * abandon (a finished deploy).
 */
export function Dialog({
  title,
  onClose,
  closeLabel = "Cancel",
  children,
}: {
  title: string;
  onClose: () => void;
  closeLabel?: string;
  children: ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input, button, select")?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={(e) => {
          if (e.key === "Escape") onClose();
        }}
      >
        <h2 id={id}>{title}</h2>
        {children}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
