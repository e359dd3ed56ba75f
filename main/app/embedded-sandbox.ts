/**
 * The sandbox the app carries as a connection that needs no AWS account: started in-process on an
 * ephemeral loopback port the first time a sandbox connection is used (most sessions never deploy),
 * its state kept in `<data dir>/sandbox`, and closed when the app quits.
 */
import { join } from "node:path";
import { startSandbox, type Sandbox, type SandboxOptions } from "../sandbox";

/** Simulated seconds per wall second: a 60 s build takes 6 s, quick enough to watch, slow enough to see. */
export const EMBEDDED_SANDBOX_SPEED = 10;

export class EmbeddedSandbox {
  private running: Sandbox | undefined;
  private starting: Promise<Sandbox> | undefined;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly options: Pick<SandboxOptions, "speed" | "log" | "clock" | "onChange"> = {},
  ) {}

  /** The running sandbox's endpoint; undefined until {@link start} resolved. */
  endpoint(): string | undefined {
    return this.running?.endpoint;
  }

  /** Starts the sandbox once; concurrent callers share the start. A failed start is retried next time. */
  start(): Promise<Sandbox> {
    if (this.closed) return Promise.reject(new Error("The app is quitting; the sandbox is closed"));
    if (this.running) return Promise.resolve(this.running);
    this.starting ??= startSandbox({
      port: 0,
      dataDir: join(this.dataDir, "sandbox"),
      speed: this.options.speed ?? EMBEDDED_SANDBOX_SPEED,
      ...(this.options.log ? { log: this.options.log } : {}),
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      ...(this.options.onChange ? { onChange: this.options.onChange } : {}),
    }).then(
      (sandbox) => {
        this.running = sandbox;
        this.starting = undefined;
        return sandbox;
      },
      (error: unknown) => {
        this.starting = undefined;
        throw error;
      },
    );
    return this.starting;
  }

  /** Stops the server and saves the state; later starts are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const sandbox = this.running ?? (await this.starting?.catch(() => undefined));
    this.running = undefined;
    await sandbox?.close();
  }
}
