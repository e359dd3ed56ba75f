import type {
  ConnectionChoice,
  DeployPreviewView,
  DeployWarningView,
  Handlers,
  ProfilesView,
} from "../../shared/ipc";
import { fail, ok } from "../../shared/ipc";
import type { DeployPreview, ProfileList } from "../aws";
import { DEFAULT_OWNER_TAG_KEYS } from "../../shared/iac/ownership";
import { resolveConnection, toResult } from "./aws-bridge";
import type { AppServices } from "./services";

type AwsHandlers = Pick<Handlers, Extract<keyof Handlers, `aws.${string}`>>;

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
  const resolve = (connection: ConnectionChoice) => resolveConnection(s, connection);
  /** The tag keys that name a pipeline's owner, as the user configured them. */
  async function ownerKeys(): Promise<readonly string[]> {
    return (await s.settings.get()).ownerTagKeys ?? DEFAULT_OWNER_TAG_KEYS;
  }
  return {
    "aws.profiles": async () => toResult(await s.aws.listProfiles(), profilesView),
    "aws.testConnection": async ({ connection }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      const identity = await s.aws.testConnection(resolved.value);
      if (identity.ok) return ok({ account: identity.value.account, arn: identity.value.arn });
      // Deploy, Browse and Runs talk to CodePipeline only: when it answers, the connection works
      // for them, and the test says so instead of failing on STS alone.
      const pipelines = await s.aws.listPipelines(resolved.value);
      if (!pipelines.ok) return toResult(identity, () => ({ account: "", arn: "" }));
      return ok({
        account: "",
        arn: "",
        identityUnavailable: { reason: identity.error.message, pipelineCount: pipelines.value.length },
      });
    },
    "aws.listPipelines": async ({ connection }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      return toResult(await s.aws.listPipelines(resolved.value), (items) =>
        items.map(({ created: _created, ...item }) => item),
      );
    },
    "aws.listActionTypes": async ({ connection }) => {
      const resolved = await resolve(connection);
      if (!resolved.ok) return resolved;
      return toResult(await s.aws.listAccountActionTypes(resolved.value));
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
