/**
 * Names: the service's name rules and unique-name generation for smart defaults.
 */

/** Stage, action and pipeline names: 1–100 of `[A-Za-z0-9.@\-_]` (service model `ActionName`). */
export const NAME_PATTERN = /^[A-Za-z0-9.@\-_]{1,100}$/;
/** Artifact names: 1–100 of `[a-zA-Z0-9_\-]` (no dots, unlike action names). */
export const ARTIFACT_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;

/**
 * The first of `base`, `base2`, `base3`… not in `taken`. `base` is first cleaned to the characters
 * `allowed` accepts, so a provider or stage name always yields a legal name. A taken base that
 * already ends in a number counts on from it (a copy of `Approve2` is `Approve3`, not `Approve22`).
 */
export function uniqueName(base: string, taken: Iterable<string>, allowed: RegExp = /[A-Za-z0-9_-]/): string {
  const used = new Set(taken);
  const cleaned =
    [...base]
      .filter((ch) => allowed.test(ch))
      .join("")
      .slice(0, 90) || "Item";
  if (!used.has(cleaned)) return cleaned;
  const counted = /^(.*\D)(\d{1,6})$/.exec(cleaned);
  const stem = counted?.[1] ?? cleaned;
  for (let n = counted ? Number(counted[2]) + 1 : 2; ; n++) {
    const candidate = `${stem}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The pipeline's name as text, for titles, recovery entries and suggested file names, whatever the
 * file holds there (a number or `true` as written, anything else as ""); validation reports a name
 * that is not a string.
 */
export function pipelineNameText(pipeline: { readonly name?: unknown }): string {
  const name = pipeline.name;
  if (typeof name === "string") return name;
  return typeof name === "number" || typeof name === "boolean" ? String(name) : "";
}
