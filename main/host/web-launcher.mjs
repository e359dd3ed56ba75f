// `npm run web`: runs web mode from a bundle of main/host. Plain node starts it in a fraction of the
// time tsx takes to compile the TypeScript sources on every launch; the bundle is rebuilt first
// whenever a source under main/ or shared/ is newer than it.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// Two folders below the root, like main/host/, so the bundle's own root lookup stays right.
const bundle = join(root, "out", "host", "web-cli.mjs");

function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const built = newestMtime(bundle);
const stale =
  built === 0 || ["main", "shared", "package.json"].some((p) => newestMtime(join(root, p)) > built);
if (stale) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(root, "main", "host", "web-cli.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: bundle,
    logLevel: "warning",
  });
}

const { runWebCli } = await import(pathToFileURL(bundle).href);
try {
  await runWebCli(process.argv.slice(2));
} catch (error) {
  console.error(`Pipewright web could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
