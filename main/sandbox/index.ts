/**
 * The local CodePipeline sandbox: an AWS JSON 1.1 endpoint on 127.0.0.1 with a simulated
 * execution engine. It is a local test endpoint: it accepts any SigV4 signature and binds to
 * loopback only, so point the SDK or the AWS CLI at `endpoint` with dummy credentials.
 *
 *   const sandbox = await startSandbox({ speed: 100 });
 *   new CodePipelineClient({ endpoint: sandbox.endpoint, region: "us-east-1", credentials: … });
 *   await sandbox.close();
 */
import { ManualClock, ScaledClock, type Clock } from "./clock";
import type { SandboxContext } from "./context";
import { Engine } from "./engine";
import { listen } from "./server";
import { loadScenarioFile, ScenarioBook, type Scenario } from "./scenario";
import { openStore } from "./store";

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
  region?: string;
  accountId?: string;
  /** Where notes and internal errors go; default stderr. */
  log?: (message: string) => void;
  /** Debounce of state saves in wall milliseconds. */
  saveDelayMs?: number;
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
  /** Stops the server and the engine and saves the state. */
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const scenario = new ScenarioBook(
    typeof options.scenario === "string" ? loadScenarioFile(options.scenario) : options.scenario,
  );
  let clock: Clock | undefined = options.clock;
  const store = openStore(options.dataDir, () => clock?.now() ?? Date.now(), log, options.saveDelayMs);
  clock ??= new ScaledClock(options.speed ?? 1, Math.max(Date.now(), store.state.clockMs));
  const region = options.region ?? "us-east-1";
  const onChange = options.onChange;
  const changed = onChange
    ? () => {
        store.markDirty();
        onChange();
      }
    : store.markDirty;
  const engine = new Engine(store.state, { clock, scenario, region, onChange: changed });
  const accountId = options.accountId ?? "123456789012";
  const ctx: SandboxContext = {
    state: store.state,
    engine,
    region,
    accountId,
    principal: `arn:aws:iam::${accountId}:user/sandbox-user`,
    changed,
  };
  const notes = [...store.notes];
  if (store.loaded) {
    const interrupted = engine.interruptAll();
    if (interrupted > 0) {
      notes.push(
        `${interrupted} run(s) were in progress when the sandbox last stopped; they are now marked Stopped.`,
      );
    }
  }
  for (const note of notes) log(note);
  let listening;
  try {
    listening = await listen(ctx, options.port ?? 0, log);
  } catch (error) {
    store.release();
    throw error;
  }
  const { server, port } = listening;
  const activeClock = clock;
  let closed: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    scenario,
    clock: activeClock,
    notes,
    flush: () => store.flush(),
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (activeClock instanceof ScaledClock || activeClock instanceof ManualClock) activeClock.cancelAll();
        try {
          await store.flush();
        } finally {
          store.release();
        }
      })();
      return closed;
    },
  };
}
