/**
 * Keeps secret configuration values (OAuth tokens, client secrets) out of rendered diffs, so a
 * deploy preview printed to a terminal or a CI log never shows one.
 */
import { ACTION_TYPES } from "../catalog";
import type { JsonPath } from "../pipeline/model";
import { isRecord, SECRET_MASK } from "./json-compare";

/** Configuration keys the catalog marks secret (the service masks them as `****`). */
const CATALOG_SECRETS: ReadonlySet<string> = new Set(
  ACTION_TYPES.flatMap((type) =>
    type.configuration.filter((field) => field.secret).map((field) => field.key),
  ),
);

/** Keys of custom or future action types that look like secrets. */
const SECRET_NAME = /token|secret|password|passphrase|private.?key|credential/i;

/** What a hidden value renders as. */
export const HIDDEN = "(secret)";

/** Whether a configuration key holds a secret, by the catalog or by its name. */
export function isSecretKey(key: string): boolean {
  return CATALOG_SECRETS.has(key) || SECRET_NAME.test(key);
}

function hideIn(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && v !== SECRET_MASK ? HIDDEN : hideIn(v)]),
  );
}

/**
 * The value to show for a member at `path`: a secret configuration value becomes `(secret)` (the
 * service's own `****` mask stays as it is), secrets inside a configuration object are hidden too.
 */
export function displayValue(path: JsonPath, value: unknown): unknown {
  const configuration = path.lastIndexOf("configuration");
  if (configuration < 0) return value;
  const key = path[configuration + 1];
  if (typeof key === "string" && path.length === configuration + 2) {
    return isSecretKey(key) && value !== SECRET_MASK ? HIDDEN : value;
  }
  return path.length === configuration + 1 ? hideIn(value) : value;
}
