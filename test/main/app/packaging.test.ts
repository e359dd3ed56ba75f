import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// electron-builder's own loader and schema check, so the test reads the config exactly as `npm run dist` does.
const ROOT = join(import.meta.dirname, "..", "..", "..");
const require = createRequire(join(ROOT, "package.json"));
const { getConfig, validateConfiguration } = require("app-builder-lib/out/util/config/config") as {
  getConfig(dir: string, path: string, options: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require("builder-util") as { DebugLogger: new (enabled: boolean) => unknown };

const config = await getConfig(ROOT, join(ROOT, "electron-builder.yml"), null);

describe("electron-builder.yml", () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it("sets the fuses that lock the packaged app down", () => {
    expect(config["electronFuses"]).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config["asar"]).toBe(true);
  });

  it("builds AppImage and deb, dmg and nsis, with the app id and .pipeline.json files", () => {
    expect(config["appId"]).toBe("dev.pipewright.app");
    expect((config["linux"] as { target: string[] }).target).toEqual(["AppImage", "deb"]);
    expect((config["mac"] as { target: string[] }).target).toEqual(["dmg"]);
    expect((config["win"] as { target: string[] }).target).toEqual(["nsis"]);
    expect(config["fileAssociations"]).toEqual([
      expect.objectContaining({ ext: "pipeline.json", role: "Editor" }),
    ]);
  });

  it("packages the built output, not the sources", () => {
    // getConfig normalizes the list to [{ filter: [...] }].
    const files = (config["files"] as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(["out/main/**", "out/preload/**", "out/renderer/**"]));
    expect(files.filter((f) => /^(main|renderer|shared)\//.test(f))).toEqual([]);
  });
});
