import { join } from "node:path";
import type { PanelLayouts, Settings } from "../../shared/ipc";
import { StateFile, type StateData, type StateReporter, type StateSchema } from "../storage/state-file";

/** What a fresh install uses. */
export const DEFAULT_SETTINGS: Settings = { theme: "system", recentLimit: 10, panelLayout: {} };

const LAYOUT_KEY = /^[A-Za-z0-9_-]{1,40}$/;

/** Panel sizes as stored, keeping only well-formed groups (a bad one falls back to the default sizes). */
function decodeLayout(raw: unknown): PanelLayouts {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const groups: Record<string, Record<string, number>> = {};
  for (const [group, panels] of Object.entries(raw).slice(0, 20)) {
    if (!LAYOUT_KEY.test(group) || typeof panels !== "object" || panels === null) continue;
    const sizes = Object.entries(panels as Record<string, unknown>);
    if (
      sizes.every(([id, size]) => LAYOUT_KEY.test(id) && typeof size === "number" && size >= 0 && size <= 100)
    )
      groups[group] = Object.fromEntries(sizes) as Record<string, number>;
  }
  return groups;
}

/**
 * `settings.json`: format 1 is `{ "format": 1, "theme", "recentLimit", "panelLayout", "ownerTagKeys"? }`;
 * format 0 (before formats) had the same members. Each member falls back to its default on its own,
 * so a file written before panel sizes were remembered reads with the default sizes.
 */
export const SETTINGS_SCHEMA: StateSchema<Settings> = {
  what: "The settings file",
  format: 1,
  migrations: { 0: (data: StateData) => data },
  decode: (r) => {
    const theme = r["theme"];
    const limit = r["recentLimit"];
    const keys = r["ownerTagKeys"];
    const ownerTagKeys =
      Array.isArray(keys) &&
      keys.length <= 20 &&
      keys.every((k) => typeof k === "string" && k.length > 0 && k.length <= 128)
        ? { ownerTagKeys: keys as string[] }
        : {};
    return {
      ...ownerTagKeys,
      theme: theme === "light" || theme === "dark" || theme === "system" ? theme : DEFAULT_SETTINGS.theme,
      recentLimit:
        typeof limit === "number" && Number.isInteger(limit) && limit >= 1 && limit <= 50
          ? limit
          : DEFAULT_SETTINGS.recentLimit,
      panelLayout: decodeLayout(r["panelLayout"]),
    };
  },
  fallback: () => ({ ...DEFAULT_SETTINGS }),
};

/** Settings in `settings.json` of the data folder. */
export class SettingsStore {
  private readonly file: StateFile<Settings>;

  constructor(dataDir: string, report?: StateReporter) {
    this.file = new StateFile(join(dataDir, "settings.json"), SETTINGS_SCHEMA, report);
  }

  get(): Promise<Settings> {
    return this.file.read();
  }

  update(patch: Partial<Settings>): Promise<Settings> {
    return this.file.update((current) => ({ ...current, ...patch }));
  }
}
