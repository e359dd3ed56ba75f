import { join } from "node:path";
import type { Settings } from "../../shared/ipc";
import { JsonFile } from "../documents/json-store";

/** What a fresh install uses. */
export const DEFAULT_SETTINGS: Settings = { theme: "system", recentLimit: 10 };

function decode(raw: unknown): Settings {
  const r = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
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
}

/** Settings in `settings.json` of the data folder; each member falls back to its default on its own. */
export class SettingsStore {
  private readonly file: JsonFile<Settings>;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, "settings.json"), decode, () => ({ ...DEFAULT_SETTINGS }));
  }

  get(): Promise<Settings> {
    return this.file.read();
  }

  update(patch: Partial<Settings>): Promise<Settings> {
    return this.file.update((current) => ({ ...current, ...patch }));
  }
}
