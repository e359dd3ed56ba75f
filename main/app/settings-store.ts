import { join } from "node:path";
import type { Settings } from "../../shared/ipc";
import { StateFile, type StateData, type StateReporter, type StateSchema } from "../storage/state-file";

/** What a fresh install uses. */
export const DEFAULT_SETTINGS: Settings = { theme: "system", recentLimit: 10 };

/**
 * `settings.json`: format 1 is `{ "format": 1, "theme", "recentLimit", "ownerTagKeys"? }`; format 0
 * (before formats) had the same members. Each member falls back to its default on its own.
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
