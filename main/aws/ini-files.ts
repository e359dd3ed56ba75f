/**
 * Reads the AWS shared config and credentials files the way the SDK does (smithy's parseIni and
 * getConfigData): `[profile name]` sections in the config file, `[name]` in the credentials file,
 * `[default]` in both, `[sso-session name]` sessions, `#`/`;` comments, and indented
 * sub-properties (`s3 =` followed by indented lines) folded under their parent.
 */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

/** Section name -> key -> value; Maps, since section and key names come from user files. */
export type IniSections = Map<string, Map<string, string>>;

/** Where the SDK looks: the env variables win, `~/` expands to the home folder. */
export function sharedFilePaths(env: NodeJS.ProcessEnv = process.env): {
  config: string;
  credentials: string;
} {
  const expand = (path: string) =>
    path.startsWith("~/") || path === "~" ? join(homedir(), path.slice(1)) : path;
  return {
    config: expand(env.AWS_CONFIG_FILE || join(homedir(), ".aws", "config")),
    credentials: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), ".aws", "credentials")),
  };
}

/** Parses INI text into sections; lines before the first section and malformed lines are ignored. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  let parentKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    const header = /^\[([^\]]*)\]/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim().replace(/\s+/g, " ");
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      parentKey = undefined;
      continue;
    }
    if (!current) continue;
    const equals = trimmed.indexOf("=");
    if (equals <= 0) continue;
    const key = trimmed.slice(0, equals).trim();
    const value = trimmed.slice(equals + 1).trim();
    const indented = /^\s/.test(raw);
    if (indented && parentKey !== undefined) {
      current.set(`${parentKey}.${key}`, value);
      continue;
    }
    if (value === "") parentKey = key;
    else parentKey = undefined;
    current.set(key, value);
  }
  return sections;
}

/** A file's text, or `undefined` when it does not exist; other read failures are reported. */
export async function readOptionalFile(path: string): Promise<{ text?: string; problem?: string }> {
  try {
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return {};
    return { problem: `Could not read the AWS file (${typeof code === "string" ? code : "error"}): ${path}` };
  }
}

/** Profiles of the config file by name: `[profile x]` and `[default]`, as the SDK reads them. */
export function configProfiles(sections: IniSections): Map<string, Map<string, string>> {
  const profiles = new Map<string, Map<string, string>>();
  for (const [name, values] of sections) {
    const prefixed = /^profile\s+(.+)$/.exec(name);
    if (prefixed) profiles.set(prefixed[1]!.trim(), values);
    else if (name === "default" && !profiles.has("default")) profiles.set("default", values);
  }
  return profiles;
}

/** The `[sso-session x]` sections of the config file. */
export function ssoSessions(sections: IniSections): Map<string, Map<string, string>> {
  const sessions = new Map<string, Map<string, string>>();
  for (const [name, values] of sections) {
    const match = /^sso-session\s+(.+)$/.exec(name);
    if (match) sessions.set(match[1]!.trim(), values);
  }
  return sessions;
}
