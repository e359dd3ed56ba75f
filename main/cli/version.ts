import { readFileSync } from "node:fs";

/** The version in package.json, read at run time so it never drifts from the package. */
export function readVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  const parsed: unknown = JSON.parse(text);
  const version =
    typeof parsed === "object" && parsed !== null && "version" in parsed
      ? (parsed as { version: unknown }).version
      : undefined;
  return typeof version === "string" ? version : "unknown";
}
