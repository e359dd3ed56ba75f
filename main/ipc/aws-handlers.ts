import type {
  AppError,
  ConnectionChoice,
  DeployPreviewView,
  DeployWarningView,
  Handlers,
  ProfilesView,
  Result,
} from "../../shared/ipc";
import { fail, ok } from "../../shared/ipc";
import type { AwsResult, Connection, DeployPreview, ProfileList } from "../aws";
import { DEFAULT_OWNER_TAG_KEYS } from "../../shared/iac/ownership";
import type { AppServices } from "./services";

type AwsHandlers = Pick<Handlers, Extract<keyof Handlers, `aws.${string}`>>;

/** An AWS outcome as an IPC Result: the code and message as they are, plus what the UI acts on. */
export function toResult<T, R = T>(result: AwsResult<T>, map?: (value: T) => R): Result<R> {
  if (result.ok) return ok(map ? map(result.value) : (result.value as unknown as R));
  const { code, message, details, path, diagnostics } = result.error;
  const error: AppError = { code, message };
  if (details !== undefined) error.details = details;
  if (path !== undefined) error.path = ["pipeline", ...path];
  if (diagnostics !== undefined) error.diagnostics = diagnostics;
  return { ok: false, error };
}

function profilesView(list: ProfileList): ProfilesView {
  const view: ProfilesView = {
    profiles: list.profiles.map((p) => {
      const summary: ProfilesView["profiles"][number] = { name: p.name, kind: p.kind };
      if (p.region !== undefined) summary.region = p.region;
      if (p.roleArn !== undefined) summary.roleArn = p.roleArn;
      if (p.ssoSession !== undefined) summary.ssoSession = p.ssoSession;
      if (p.ssoAccountId !== undefined) summary.ssoAccountId = p.ssoAccountId;
      if (p.ssoRoleName !== undefined) summary.ssoRoleName = p.ssoRoleName;
      return summary;
    }),
    notes: list.notes,
  };
  if (list.defaultProfile !== undefined) view.defaultProfile = list.defaultProfile;
  if (list.environmentRegion !== undefined) view.environmentRegion = list.environmentRegion;
  return view;
}

/** The renderer's view of a preview: no connection internals, no remote copy of the pipeline. */
function previewView(plan: DeployPreview): DeployPreviewView {
  const view: DeployPreviewView = {
    planId: plan.planId,
    name: plan.name,
    action: plan.action,
    diagnostics: plan.diagnostics,
    warnings: plan.warnings.map((w) => {
      const warning: DeployWarningView = { code: w.code, message: w.message };
      if (w.owner !== undefined) warning.owner = w.owner;
      if (w.executions !== undefined) warning.executionIds = w.executions.map((e) => e.pipelineExecutionId);
      return warning;
    }),
    upToDate: plan.upToDate,
  };
  if (plan.diff !== undefined) view.diff = plan.diff;
  if (plan.remote !== undefined) view.remoteVersion = plan.remote.version;
  if (plan.conflict !== undefined) view.conflict = plan.conflict;
  return view;
}

/**
 * The handlers of the AWS channels. A sandbox connection starts the embedded sandbox first, so the
 * gateway finds its endpoint; the renderer never names an endpoint itself.
 */
export function createAwsHandlers(s: AppServices): AwsHandlers {
  async function resolve(connection: ConnectionChoice): Promise<Result<Connection>> {
    if (connection.kind === "aws") {
      const { profile, region } = connection;
      return ok(profile === undefined ? { kind: "aws", region } : { kind: "aws", profile, region });
    }
    try {
      await s.sandbox.start();
      return ok({ kind: "sandbox" });
    } catch (error) {
      return fail(
        "sandbox-unavailable",
        `The embedded sandbox could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  /** The tag keys that name a pipeline's owner, as the user configured them. */
  async function ownerKeys(): Promise<readonly string[]> {
    return (await s.settings.get()).ownerTagKeys ?? DEFAULT_OWNER_TAG_KEYS;
  }
  return {
    "aws.profiles": async () => toResult(await s.aws.listProfiles(), profilesView),
    "aws.testConnection": async ({ connection }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      return toResult(await s.aws.testConnection(resolved.value), (id) => ({
        account: id.account,
        arn: id.arn,
      }));
    },
    "aws.listPipelines": async ({ connection }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      return toResult(await s.aws.listPipelines(resolved.value), (items) =>
        items.map(({ created: _created, ...item }) => item),
      );
    },
    "aws.openPipeline": async ({ connection, name }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      const pulled = await s.aws.openPipeline(resolved.value, name);
      // The owner (a stack, Terraform…) from the tags, so the app can say who manages it.
      const owner = pulled.ok
        ? await s.aws.pipelineOwner(
            resolved.value,
            pulled.value.remote.metadata.pipelineArn,
            name,
            await ownerKeys(),
          )
        : undefined;
      return toResult(pulled, (p) => ({
        path: null,
        document: p.document,
        version: null,
        diagnostics: [],
        dirty: true,
        ...(owner === undefined ? {} : { owner }),
      }));
    },
    "aws.previewDeploy": async ({ connection, document }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      return toResult(
        await s.aws.previewDeploy(document, resolved.value, { ownerTagKeys: await ownerKeys() }),
        previewView,
      );
    },
    "aws.deploy": async ({ planId, overwrite, waitUntilIdle, allowDrift }) =>
      toResult(
        await s.aws.deploy(planId, {
          ...(overwrite === undefined ? {} : { overwrite }),
          ...(waitUntilIdle === undefined ? {} : { waitUntilIdle }),
          ...(allowDrift === undefined ? {} : { allowDrift }),
        }),
        (r) => ({ action: r.action, name: r.name, version: r.version }),
      ),
    "aws.cancelDeploy": async ({ planId }) => toResult(s.aws.cancelDeploy(planId)),
    "aws.startRun": async ({ connection, name }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      const started = await s.aws.startRun(resolved.value, name);
      // Views watching the pipeline show the new run at once, not at their next (idle) poll.
      if (started.ok) s.runs.watch.refresh(resolved.value, name);
      return toResult(started);
    },
    "aws.sandbox": async () => {
      const resolved = await resolve({ kind: "sandbox" });
      if (!resolved.ok) return resolved;
      const endpoint = s.sandbox.endpoint();
      return endpoint === undefined
        ? fail("sandbox-unavailable", "The embedded sandbox is not running: closed")
        : ok({ endpoint });
    },
  };
}
