import { Ellipsis, Monitor, Moon, Sun } from "lucide-react";
import { useLayoutEffect, useRef, useState } from "react";
import { FleetButtons } from "../fleet/NotificationList";
import type { ThemePreference } from "../../shared/ipc";
import { CommandButton } from "../commands/CommandButtons";
import { findCommand, type Command } from "../commands/registry";
import { MenuButton, type MenuItem } from "../design/MenuButton";
import { ConnectionPicker } from "../panels/connection/ConnectionPicker";
import { useAppStore, useStoreApi, type AppState } from "../store";
import { documentName } from "./document-title";
import {
  TOOLBAR_GROUPS,
  VIEW_TOGGLES,
  visibleGroups,
  type ToolbarGroup,
  type ToolbarItem,
} from "./toolbar-groups";

const THEMES: readonly { value: ThemePreference; label: string }[] = [
  { value: "system", label: "Follow the system" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];
const THEME_ICON = { system: Monitor, light: Sun, dark: Moon } as const;
/** Width the document title keeps before groups move into "More". */
const TITLE_ROOM = 100;

function command(id: string): Command {
  const found = findCommand(id);
  if (found === undefined) throw new Error(`The toolbar names a command the registry lacks: ${id}`);
  return found;
}

/** Menu entries for commands, enabled and checked from the store as it is now. */
function commandItems(ids: readonly string[], state: AppState, run: (c: Command) => void): MenuItem[] {
  return ids.map((id) => {
    const c = command(id);
    return {
      id,
      label: c.label,
      ...(c.shortcut === undefined ? {} : { hint: c.shortcut }),
      disabled: !c.enabled(state),
      ...(c.pressed === undefined ? {} : { checked: c.pressed(state), toggle: true }),
      run: () => run(c),
    };
  });
}

/** The command ids of a group's items (a widget has none: it never leaves the toolbar). */
function groupCommands(group: ToolbarGroup): string[] {
  return group.items.flatMap((item) =>
    item.kind === "command" ? [item.command] : item.kind === "menu" ? [...item.commands] : [],
  );
}

function Item({ item }: { item: ToolbarItem }) {
  const store = useStoreApi();
  if (item.kind === "slot") return <ConnectionPicker />;
  if (item.kind === "command")
    return (
      <CommandButton
        command={command(item.command)}
        iconOnly={item.iconOnly === true}
        {...(item.short === undefined ? {} : { short: item.short })}
      />
    );
  const Icon = item.icon;
  // Enabled states are read when the menu opens.
  return (
    <MenuButton
      label={item.label}
      icon={<Icon aria-hidden="true" size={16} />}
      items={() => commandItems(item.commands, store.getState(), (c) => c.run(store.getState()))}
    />
  );
}

function ThemeMenu() {
  const theme = useAppStore((s) => s.settings.theme);
  const chosen = useAppStore((s) => s.themeChosen);
  const Icon = THEME_ICON[theme];
  return (
    <MenuButton
      label="Theme"
      iconOnly
      title={`Theme: ${THEMES.find((t) => t.value === theme)?.label ?? theme}`}
      icon={<Icon aria-hidden="true" size={16} />}
      items={THEMES.map((t) => ({
        id: t.value,
        label: t.label,
        checked: t.value === theme,
        run: () => void chosen(t.value),
      }))}
    />
  );
}

/**
 * The top bar: the document's title, the command groups (from TOOLBAR_GROUPS) and, at the right,
 * the panel toggles, the theme and the command palette. Groups that do not fit the window's width
 * move, lowest priority first, into the "More" menu, so the toolbar never makes the page wider.
 */
export function Toolbar() {
  const store = useStoreApi();
  const bar = useRef<HTMLDivElement>(null);
  const widths = useRef(new Map<string, number>());
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set(TOOLBAR_GROUPS.map((g) => g.id)));
  const dirty = useAppStore((s) => s.doc?.dirty === true);
  const name = useAppStore((s) => documentName(s.doc));
  const path = useAppStore((s) => s.doc?.path ?? null);

  useLayoutEffect(() => {
    const element = bar.current;
    if (element === null) return;
    const fit = () => {
      // Without layout (jsdom in the component tests) nothing can be measured: show every group.
      if (element.clientWidth === 0) return;
      for (const group of element.querySelectorAll<HTMLElement>("[data-toolbar-group]")) {
        const id = group.dataset["toolbarGroup"] ?? "";
        widths.current.set(id, group.getBoundingClientRect().width + 8);
      }
      const fixed = [...element.querySelectorAll<HTMLElement>("[data-fixed]")].reduce(
        (sum, e) => sum + e.getBoundingClientRect().width + 8,
        0,
      );
      // The title keeps room to be read; "More" takes its place only when something went into it.
      const room = element.clientWidth - fixed - TITLE_ROOM - 44;
      const next = visibleGroups(TOOLBAR_GROUPS, widths.current, room);
      setShown((current) =>
        current.size === next.size && [...next].every((id) => current.has(id)) ? current : next,
      );
    };
    fit();
    // jsdom (the component tests) has no ResizeObserver: the toolbar then shows every group.
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const hidden = TOOLBAR_GROUPS.filter((g) => !shown.has(g.id));
  const more = () =>
    hidden.flatMap((group) =>
      commandItems(groupCommands(group), store.getState(), (c) => c.run(store.getState())).map((item, i) =>
        i === 0 ? { ...item, section: true } : item,
      ),
    );

  return (
    <header className="toolbar" role="toolbar" aria-label="Document" ref={bar}>
      <h1 className="toolbar-title" title={path ?? name}>
        {dirty && <span className="dirty-dot" title="Unsaved changes" />}
        <span className="title-text">{name}</span>
        {dirty && <span className="visually-hidden">, unsaved changes</span>}
      </h1>
      {TOOLBAR_GROUPS.map((group) =>
        shown.has(group.id) ? (
          <div
            key={group.id}
            role="group"
            aria-label={group.label}
            className="toolbar-group"
            data-toolbar-group={group.id}
          >
            {group.items.map((item, i) => (
              <Item key={i} item={item} />
            ))}
          </div>
        ) : null,
      )}
      {hidden.length > 0 && (
        <MenuButton
          label="More commands"
          iconOnly
          className="toolbar-more"
          icon={<Ellipsis aria-hidden="true" size={16} />}
          items={more}
        />
      )}
      <div className="toolbar-group toolbar-view" role="group" aria-label="View" data-fixed>
        {VIEW_TOGGLES.map((id) => (
          <CommandButton key={id} command={command(id)} iconOnly />
        ))}
        <FleetButtons />
        <ThemeMenu />
        <CommandButton command={command("commandPalette")} iconOnly />
      </div>
    </header>
  );
}
