import type { ReactNode } from "react";

/**
 * An on/off control (role "switch"): a boolean of the document or of the view. The visible label is
 * the accessible name; `describedBy` links its description and findings.
 */
export function Switch({
  id,
  checked,
  onChange,
  children,
  describedBy,
  invalid,
  disabled,
  focusKey,
}: {
  id?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  children?: ReactNode;
  describedBy?: string | undefined;
  invalid?: boolean;
  disabled?: boolean;
  /** For FocusRequests: the key of the document member the switch edits. */
  focusKey?: string;
}) {
  return (
    <button
      type="button"
      id={id}
      role="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      aria-invalid={invalid === true ? true : undefined}
      disabled={disabled}
      data-focus-key={focusKey}
      className="switch"
      onClick={() => onChange(!checked)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {children !== undefined && <span className="switch-label">{children}</span>}
    </button>
  );
}
