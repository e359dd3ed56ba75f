import { runSandboxBench } from "./sandbox-bench";
await runSandboxBench();
