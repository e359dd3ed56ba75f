// The Node side (CLI, `npm start`, `npm run web`) runs from an esbuild bundle of main/ and shared/,
// not from TypeScript compiled on every start: plain node loads the bundle in a fraction of the time.
// npm's `prepare` step (npm install, npm ci) builds it; a start that finds a source newer than the
// bundle rebuilds it first, so an edited checkout never runs stale code.
//
// Each build goes to its own folder, out/node-<id>/ (two levels below the root, as main/ sources
// are, so their root-relative lookups hold), and out/node.json names the current one. That file is
// replaced atomically, so processes starting while another rebuilds never see a half-written bundle.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "out");
const POINTER = join(OUT, "node.json");

/** The entry points: name → source. Their shared code is split into chunks loaded on demand. */
const ENTRIES = {
  cli: "main/cli.ts",
  start: "main/start.ts",
  "web-cli": "main/host/web-cli.ts",
};

/** Older builds are removed once they are this old, so a process still loading chunks keeps them. */
const KEEP_OLD_BUILDS_MS = 10 * 60_000;

/** @returns {{ dir: string, builtAt: number, inputs: string[] } | undefined} */
function readPointer() {
  try {
    return JSON.parse(readFileSync(POINTER, "utf8"));
  } catch {
    return undefined;
  }
}

/** Whether every input is older than the build (a missing input means the sources moved on). */
function isFresh(pointer) {
  if (pointer === undefined) return false;
  for (const input of pointer.inputs) {
    let mtime;
    try {
      mtime = statSync(join(ROOT, input)).mtimeMs;
    } catch {
      return false;
    }
    if (mtime > pointer.builtAt) return false;
  }
  try {
    return statSync(join(OUT, pointer.dir)).isDirectory();
  } catch {
    return false;
  }
}

/** Builds the bundle into a new folder and makes it current; returns the new pointer. */
export async function buildBundle() {
  const { build } = await import("esbuild");
  // Taken before reading any source: a file saved during the build makes the result stale.
  const builtAt = Date.now();
  const dir = `node-${builtAt.toString(36)}-${process.pid}`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // npm packages stay in node_modules, resolved by node as usual (and the AWS SDK loads only
    // when a command imports the chunk that needs it).
    packages: "external",
    outdir: join(OUT, dir),
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "warning",
  });
  const inputs = [
    ...Object.keys(result.metafile.inputs),
    relative(ROOT, fileURLToPath(import.meta.url)),
    "tsconfig.base.json",
  ];
  const pointer = { dir, builtAt, inputs };
  mkdirSync(OUT, { recursive: true });
  const temp = `${POINTER}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(pointer)}\n`);
  renameSync(temp, POINTER);
  removeOldBuilds(dir);
  return pointer;
}

function removeOldBuilds(current) {
  for (const entry of readdirSync(OUT)) {
    if (!entry.startsWith("node-") || entry === current) continue;
    const path = join(OUT, entry);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS)
        rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/**
 * Imports one entry of the bundle (`cli`, `start` or `web-cli`), building the bundle first when it
 * is missing or older than a source.
 * @param {keyof typeof ENTRIES} name
 */
export async function importEntry(name) {
  let pointer = readPointer();
  if (!isFresh(pointer)) pointer = await buildBundle();
  return import(pathToFileURL(join(OUT, pointer.dir, `${name}.mjs`)).href);
}

// `node bin/node-bundle.mjs`: build now (npm's prepare step).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pointer = await buildBundle();
  process.stdout.write(`Pipewright: built the Node bundle in out/${pointer.dir}\n`);
}
