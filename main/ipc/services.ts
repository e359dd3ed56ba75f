import type { AppInfo, EventName, EventPayloads } from "../../shared/ipc";
import { AwsService, DeployTargets } from "../aws";
import type { PollerClock } from "../aws/run-poller";
import type { Clock } from "../sandbox";
import { EmbeddedSandbox } from "../app/embedded-sandbox";
import { SettingsStore } from "../app/settings-store";
import { DocumentService, type FileDialogs } from "../documents/document-service";
import { FileWatcher } from "../documents/file-watcher";
import { RecentFiles } from "../documents/recent-files";
import { RecoveryStore } from "../documents/recovery-store";
import { createFleetServices, type FleetServices } from "./fleet-services";
import { createRunsServices, type RunsServices } from "./runs-services";

/** Sends an event to the renderer(s): the window in Electron, the event stream in web mode. */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

/** The unsaved-changes state the renderer reports, which closing the window consults. */
export interface DocumentState {
  dirty: boolean;
  title: string;
  recoveryId: string | null;
}

/** What differs between the desktop app and web mode; everything else is shared. */
export interface HostOptions {
  dataDir: string;
  info: AppInfo;
  dialogs: FileDialogs | undefined;
  /** Opens an already-checked https URL in the system browser. */
  openLink(url: string): Promise<void>;
  emit: EmitEvent;
  /** A file to open at start (command line or file association). */
  launchFile?: string | undefined;
  /** Simulated time for benches and tests: the embedded sandbox's engine and the run pollers. */
  clock?: { sandbox: Clock; poller: PollerClock };
}

/** The services behind the handler table, built once per app (or per web host). */
export interface AppServices {
  info: AppInfo;
  documents: DocumentService;
  recent: RecentFiles;
  recovery: RecoveryStore;
  settings: SettingsStore;
  watcher: FileWatcher;
  openLink(url: string): Promise<void>;
  documentState: DocumentState;
  /** Handed out once by `app.launchFile`. */
  launchFile: string | null;
  /**
   * Set when the renderer first asks for the launch file, which it does right after subscribing to
   * events: from then on files to open can be sent as events instead of waiting in `launchFile`.
   */
  rendererReady: boolean;
  /** Connections, browse and deploy; credentials stay in here. */
  aws: AwsService;
  /** The sandbox connection's endpoint, started on first use. */
  sandbox: EmbeddedSandbox;
  /** Run history and controls, and one poller per watched pipeline. */
  runs: RunsServices;
  /** The fleet (every pipeline of the chosen profiles × regions), its notifications and metrics. */
  fleet: FleetServices;
  /**
   * Messages about state files that could not be used (corrupt, from a newer version) and were set
   * aside; the renderer takes them with `app.notices` and shows them.
   */
  notices: string[];
}

/** At most this many notices wait for the renderer; a broken data folder says so a few times, not forever. */
const MAX_NOTICES = 20;

/** Wires the stores and services of one data folder together. */
export function createServices(options: HostOptions): AppServices {
  const notices: string[] = [];
  const report = (message: string): void => {
    if (!notices.includes(message) && notices.length < MAX_NOTICES) notices.push(message);
  };
  const settings = new SettingsStore(options.dataDir, report);
  const recent = new RecentFiles(options.dataDir, async () => (await settings.get()).recentLimit, report);
  const watcher = new FileWatcher((path, change) =>
    options.emit("documents.changedOnDisk", { path, change }),
  );
  // Every change in the embedded sandbox tells the pollers of sandbox pipelines to look now, so its
  // runs show live at no polling cost (`runs` is made below: the sandbox starts only on first use).
  const sandbox = new EmbeddedSandbox(options.dataDir, {
    onChange: () => runs.watch.embeddedSandboxChanged(),
    ...(options.clock ? { clock: options.clock.sandbox } : {}),
  });
  const aws = new AwsService({
    targets: new DeployTargets(options.dataDir, report),
    sandboxEndpoint: () => sandbox.endpoint(),
    onProgress: (planId, step, detail) =>
      options.emit("aws.deployProgress", detail === undefined ? { planId, step } : { planId, step, detail }),
  });
  const runs = createRunsServices(aws.gateway, options.emit, options.clock?.poller);
  const fleet = createFleetServices({ dataDir: options.dataDir, emit: options.emit, aws, sandbox, report });
  return {
    info: options.info,
    documents: new DocumentService(recent, watcher, options.dialogs),
    recent,
    recovery: new RecoveryStore(options.dataDir, report),
    settings,
    watcher,
    openLink: options.openLink,
    documentState: { dirty: false, title: "", recoveryId: null },
    launchFile: options.launchFile ?? null,
    rendererReady: false,
    aws,
    sandbox,
    runs,
    fleet,
    notices,
  };
}

/** Releases what the services hold: pending deploys, SDK clients, the embedded sandbox (state saved). */
export async function closeServices(services: AppServices): Promise<void> {
  services.watcher.stop();
  services.runs.watch.dispose();
  await services.fleet.dispose();
  services.aws.dispose();
  await services.sandbox.close();
}
