import { Check, ChevronDown } from "lucide-react";
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

/** One entry of a menu: a command, or a choice among several (a radio item). */
export interface MenuItem {
  id: string;
  label: string;
  /** Shown at the right, e.g. a shortcut. */
  hint?: string;
  disabled?: boolean;
  /** A choice among several (menuitemradio), or with `toggle` a switch of its own (menuitemcheckbox). */
  checked?: boolean;
  /** `checked` turns something on or off by itself (a panel, a mode), not one choice of a group. */
  toggle?: boolean;
  /** Starts a new section (a separator is drawn above it). */
  section?: boolean;
  run(): void;
}

/**
 * A button that opens a menu (ARIA menu button): arrows move through the items, Enter or Space
 * runs one, Escape or Tab closes it and the focus goes back to the button. The menu is drawn in
 * a portal, so a toolbar that clips its overflow does not clip it.
 */
export function MenuButton({
  label,
  icon,
  items: itemsOrRead,
  className,
  title,
  iconOnly = false,
}: {
  /** The button's text and accessible name. */
  label: string;
  icon?: ReactNode;
  /** The entries, or a function giving them when the menu opens (states read at that moment). */
  items: readonly MenuItem[] | (() => readonly MenuItem[]);
  className?: string;
  title?: string;
  /** Only the icon shows; the label stays the accessible name. */
  iconOnly?: boolean;
}) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const [read, setRead] = useState<readonly MenuItem[]>([]);
  const items = typeof itemsOrRead === "function" ? read : itemsOrRead;
  const enabled = items.map((item, i) => (item.disabled === true ? -1 : i)).filter((i) => i >= 0);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  /** Opens on the first (or last) item that can be chosen. */
  const openAt = (edge: "first" | "last") => {
    const list = typeof itemsOrRead === "function" ? itemsOrRead() : itemsOrRead;
    setRead(list);
    const usable = list.map((item, i) => (item.disabled === true ? -1 : i)).filter((i) => i >= 0);
    setActive((edge === "first" ? usable[0] : usable[usable.length - 1]) ?? 0);
    setOpen(true);
  };

  useLayoutEffect(() => {
    if (!open || button.current === null) return;
    const box = button.current.getBoundingClientRect();
    const width = menu.current?.offsetWidth ?? 220;
    const height = menu.current?.offsetHeight ?? 0;
    const left = Math.max(4, Math.min(box.left, window.innerWidth - width - 4));
    const below = box.bottom + 4;
    const top = below + height > window.innerHeight - 4 ? Math.max(4, box.top - height - 4) : below;
    setPlace({ top, left });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')[active]?.focus();
  }, [open, active, place]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    window.addEventListener("pointerdown", onPointer, true);
    return () => window.removeEventListener("pointerdown", onPointer, true);
  }, [open]);

  const step = (delta: number) => {
    const at = enabled.indexOf(active);
    const next = enabled[(at + delta + enabled.length) % enabled.length];
    if (next !== undefined) setActive(next);
  };
  const run = (item: MenuItem) => {
    if (item.disabled === true) return;
    close(true);
    item.run();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`menu-button${iconOnly ? " icon-button" : ""}${className ? ` ${className}` : ""}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={iconOnly ? label : undefined}
        title={title ?? (iconOnly ? label : undefined)}
        onClick={() => (open ? close(false) : openAt("first"))}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            openAt(e.key === "ArrowDown" ? "first" : "last");
          }
        }}
      >
        {icon}
        {!iconOnly && <span>{label}</span>}
        {!iconOnly && <ChevronDown aria-hidden="true" size={14} className="menu-chevron" />}
      </button>
      {open &&
        createPortal(
          <div
            ref={menu}
            id={id}
            role="menu"
            aria-label={label}
            className="menu"
            style={place === null ? { visibility: "hidden" } : { top: place.top, left: place.left }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") step(1);
              else if (e.key === "ArrowUp") step(-1);
              else if (e.key === "Home") setActive(enabled[0] ?? 0);
              else if (e.key === "End") setActive(enabled[enabled.length - 1] ?? 0);
              else if (e.key === "Escape") close(true);
              else if (e.key === "Tab") close(false);
              else return;
              e.preventDefault();
              e.stopPropagation();
            }}
          >
            {items.map((item, i) => (
              <div key={item.id} role="none" className={item.section === true ? "menu-section" : undefined}>
                <button
                  type="button"
                  role={
                    item.checked === undefined
                      ? "menuitem"
                      : item.toggle === true
                        ? "menuitemcheckbox"
                        : "menuitemradio"
                  }
                  aria-checked={item.checked}
                  aria-disabled={item.disabled === true ? true : undefined}
                  tabIndex={i === active ? 0 : -1}
                  className="menu-item"
                  onClick={() => run(item)}
                >
                  <span className="menu-check" aria-hidden="true">
                    {item.checked === true && <Check size={14} />}
                  </span>
                  <span className="menu-label">{item.label}</span>
                  {item.hint !== undefined && <kbd>{item.hint}</kbd>}
                </button>
              </div>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
