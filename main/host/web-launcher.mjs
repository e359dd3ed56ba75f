// `npm run web`: runs web mode from the prebuilt bundle of the Node side (see bin/node-bundle.mjs),
// rebuilt first whenever a source is newer than it.
import { importEntry } from "../../bin/node-bundle.mjs";

try {
  const { runWebCli } = await importEntry("web-cli");
  await runWebCli(process.argv.slice(2));
} catch (error) {
  console.error(`Pipewright web could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
