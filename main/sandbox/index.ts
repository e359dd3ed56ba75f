/**
 * The local CodePipeline sandbox: an AWS JSON 1.1 endpoint on loopback with a simulated
 * execution engine. It is a local test endpoint: it accepts any SigV4 signature and binds to
 * loopback only, so point the SDK or the AWS CLI at `endpoint` with dummy credentials. Every
 * region and account is served at the one endpoint (see request-identity.ts).
 *
 *   const sandbox = await startSandbox({ speed: 100 });
 *   new CodePipelineClient({ endpoint: sandbox.endpoint, region: "us-east-1", credentials: … });
 *   await sandbox.close();
 */
import { ManualClock, ScaledClock, type Clock } from "./clock";
import { contextFor, type SandboxRuntime } from "./dispatch";
import { DEFAULT_MAX_HISTORY } from "./history-bounds";
import type { IntegrationActionTypeRecord } from "./partition-records";
import { Partitions } from "./partitions";
import { listen } from "./server";
import { loadScenarioFile, ScenarioBook, type Scenario } from "./scenario";
import { Store, type StoreStats } from "./store";
import { tagAsService } from "./operations/tags";

export { ManualClock, ScaledClock, type Clock } from "./clock";
export type { Scenario, ScenarioRule, ActionOutcomeOverride } from "./scenario";
export { ScenarioBook } from "./scenario";

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Persist state here; memory only when absent. */
  dataDir?: string;
  /** A scenario object, or the path of a scenario JSON file. */
  scenario?: Scenario | string;
  /** Simulated seconds per wall second (100 = a 60 s build takes 0.6 s). Default 1. */
  speed?: number;
  /** Replaces the speed-scaled clock, e.g. with a ManualClock a test steps. */
  clock?: Clock;
  /** The region of unsigned requests (signed ones name theirs). Default us-east-1. */
  region?: string;
  /** The account of requests whose access key id is not 12 digits. Default 123456789012. */
  accountId?: string;
  /** Runs kept per pipeline (default 1,000); runs older than 12 months are dropped too. */
  maxHistory?: number;
  /**
   * Integration-model action types (ActionTypeDeclaration, owner AWS or ThirdParty) every
   * account and region starts with, as AWS creates them for a provider who requests one.
   */
  actionTypes?: readonly IntegrationActionTypeRecord["declaration"][];
  /** Where notes and internal errors go; default stderr. */
  log?: (message: string) => void;
  /** Log bytes after which a snapshot replaces the log (default 16 MB). */
  compactBytes?: number;
  /**
   * Test hook: checks after every commit that the log reproduces memory exactly, and reports
   * any difference here.
   */
  verifyStorage?: (problem: string) => void;
  /**
   * Called after every change of the state (a request that changed something, a run moving on), so
   * an embedding app can look at once instead of polling. It must not call back into the sandbox.
   */
  onChange?: () => void;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`. */
  endpoint: string;
  port: number;
  /** Change what simulated actions do while the sandbox runs. */
  scenario: ScenarioBook;
  clock: Clock;
  /** Things a person should know about start-up (e.g. a corrupt state file moved aside). */
  notes: string[];
  /** Waits until the state on disk matches memory. */
  flush(): Promise<void>;
  /** Commits, snapshots and log size so far. */
  storage: StoreStats;
  /** Stops the server and the engine and saves the state. */
  close(): Promise<void>;
  /**
   * Test-only: adds `aws:` tags to a pipeline the way CloudFormation does for a stack's resources
   * (TagResource refuses them, as AWS does). See operations/tags.ts. The pipeline is looked up in
   * the default account and region unless `where` names others.
   */
  tagAsService(
    pipelineName: string,
    tags: ReadonlyArray<{ key: string; value: string }>,
    where?: { accountId?: string; region?: string },
  ): void;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const scenario = new ScenarioBook(
    typeof options.scenario === "string" ? loadScenarioFile(options.scenario) : options.scenario,
  );
  const defaults = { region: options.region ?? "us-east-1", accountId: options.accountId ?? "123456789012" };
  let clock: Clock | undefined = options.clock;
  const store = new Store({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.verifyStorage === undefined ? {} : { verify: options.verifyStorage }),
    ...(options.compactBytes === undefined ? {} : { compactBytes: options.compactBytes }),
    defaults,
    clockNow: () => clock?.now() ?? Date.now(),
    log,
    history: { maxExecutions: options.maxHistory ?? DEFAULT_MAX_HISTORY },
    ...(options.onChange === undefined ? {} : { onChange: options.onChange }),
  });
  clock ??= new ScaledClock(options.speed ?? 1, Math.max(Date.now(), store.root.clockMs));
  const partitions = new Partitions(
    {
      clock,
      scenario,
      onChange: (data) => store.changed(data),
      endpoint: () => endpoint,
      ...(options.actionTypes ? { seedActionTypes: options.actionTypes } : {}),
    },
    store.root.partitions,
  );
  let endpoint = "http://127.0.0.1";
  const runtime: SandboxRuntime = { partitions, store, defaults };
  const notes = [...store.notes];
  if (store.loaded) {
    const interrupted = partitions.all().reduce((sum, p) => sum + p.engine.interruptAll(), 0);
    if (interrupted > 0) {
      notes.push(
        `${interrupted} run(s) were in progress when the sandbox last stopped; they are now marked Stopped.`,
      );
    }
  }
  for (const note of notes) log(note);
  let listening;
  try {
    // Nothing is served before what start-up changed (interrupted runs, history bounds) is on disk.
    store.startSweeping();
    await store.durable();
    listening = await listen(runtime, options.port ?? 0, log);
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  const { servers, port } = listening;
  endpoint = `http://127.0.0.1:${port}`;
  const activeClock = clock;
  let closed: Promise<void> | undefined;
  return {
    endpoint,
    port,
    scenario,
    clock: activeClock,
    notes,
    storage: store.stats,
    flush: () => store.flush(),
    tagAsService(pipelineName, tags, where = {}) {
      const partition = partitions.get(where.accountId ?? defaults.accountId, where.region ?? defaults.region);
      tagAsService(contextFor(runtime, partition), pipelineName, tags);
      store.touched(partition.data, pipelineName);
    },
    close() {
      closed ??= (async () => {
        await Promise.all(
          servers.map(
            (server) =>
              new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
              }),
          ),
        );
        if (activeClock instanceof ScaledClock || activeClock instanceof ManualClock) activeClock.cancelAll();
        await store.close();
      })();
      return closed;
    },
  };
}
