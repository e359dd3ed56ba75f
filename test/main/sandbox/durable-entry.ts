// A sandbox in its own process for the kill -9 loop: argv[2] is the data directory. Snapshots
// are taken every 64 KB of log, so kills also land in the middle of snapshot writes.
import { startSandbox } from "../../../main/sandbox";

const started = performance.now();
const sandbox = await startSandbox({
  dataDir: process.argv[2] ?? "",
  speed: 1000,
  compactBytes: 64 * 1024,
  log: (message) => process.stderr.write(`${message}\n`),
});
// How long opening the state took (replaying the log included), apart from Node's own start-up.
process.stdout.write(
  `Sandbox endpoint: ${sandbox.endpoint} (ready in ${(performance.now() - started).toFixed(1)} ms)\n`,
);
process.on("SIGTERM", () => {
  void sandbox.close().then(() => process.exit(0));
});
