import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Handlers, Result } from "../../../shared/ipc";
import { createFromTemplate } from "../../../main/documents/templates";
import { dispatch } from "../../../main/ipc/dispatch";
import { createHandlers } from "../../../main/ipc/handlers";
import { closeServices } from "../../../main/ipc/services";
import { createTestServices, type TestServices } from "../documents/support/services";

const SANDBOX = { kind: "sandbox" } as const;

let t: TestServices;
let handlers: Handlers;
let endpoint: string;
const saved = {
  config: process.env["AWS_CONFIG_FILE"],
  credentials: process.env["AWS_SHARED_CREDENTIALS_FILE"],
};

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  t = await createTestServices();
  // No real profile of this machine may leak into the test.
  await writeFile(join(t.dir, "config"), "[profile dev]\nregion = eu-west-1\n");
  await writeFile(
    join(t.dir, "credentials"),
    "[dev]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = s3cr3t\n",
  );
  process.env["AWS_CONFIG_FILE"] = join(t.dir, "config");
  process.env["AWS_SHARED_CREDENTIALS_FILE"] = join(t.dir, "credentials");
  handlers = createHandlers(t.services);
});

afterAll(async () => {
  await closeServices(t.services);
  await t.cleanup();
  for (const [key, v] of [
    ["AWS_CONFIG_FILE", saved.config],
    ["AWS_SHARED_CREDENTIALS_FILE", saved.credentials],
  ] as const) {
    if (v === undefined) delete process.env[key];
    else process.env[key] = v;
  }
});

describe("AWS channels against the embedded sandbox", () => {
  it("lists profiles by name and kind, never their keys", async () => {
    const result = await dispatch(handlers, "aws.profiles", {});
    expect(result).toMatchObject({
      ok: true,
      value: { profiles: [{ name: "dev", kind: "static", region: "eu-west-1" }] },
    });
    expect(JSON.stringify(result)).not.toMatch(/s3cr3t|AKIAEXAMPLE/);
  });

  it("starts the sandbox lazily, in the data folder, on a loopback port", async () => {
    expect(t.services.sandbox.endpoint()).toBeUndefined();
    const identity = value(await handlers["aws.testConnection"]({ connection: SANDBOX }));
    endpoint = value(await handlers["aws.sandbox"]({})).endpoint;
    expect(identity.arn).toContain(endpoint);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.services.sandbox.endpoint()).toBe(endpoint);
  });

  it("refuses a sandbox connection that names its own endpoint", async () => {
    const result = await dispatch(handlers, "aws.listPipelines", {
      connection: { kind: "sandbox", endpoint: "http://169.254.169.254" },
    });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });

  it("creates, previews an update with its diff, detects a remote change, and overwrites only when asked", async () => {
    const document = createFromTemplate("blank-v2")!;
    const created = value(await handlers["aws.previewDeploy"]({ connection: SANDBOX, document }));
    expect(created).toMatchObject({ action: "create", name: "my-pipeline", warnings: [] });
    const first = value(await handlers["aws.deploy"]({ planId: created.planId }));
    expect(first).toEqual({ action: "create", name: "my-pipeline", version: 1 });
    expect(t.events.filter((e) => e.name === "aws.deployProgress")).toContainEqual({
      name: "aws.deployProgress",
      payload: { planId: created.planId, step: "creating" },
    });

    const listed = value(await handlers["aws.listPipelines"]({ connection: SANDBOX }));
    expect(listed).toContainEqual(
      expect.objectContaining({ name: "my-pipeline", version: 1, pipelineType: "V2" }),
    );

    const opened = value(await handlers["aws.openPipeline"]({ connection: SANDBOX, name: "my-pipeline" }));
    expect(opened.document.pipeline.version).toBe(1);
    const edited = structuredClone(opened.document);
    edited.pipeline.stages[1]!.name = "Review";
    const update = value(await handlers["aws.previewDeploy"]({ connection: SANDBOX, document: edited }));
    expect(update).toMatchObject({ action: "update", remoteVersion: 1, upToDate: false });
    expect(update.conflict).toBeUndefined();
    expect(update.diff?.identical).toBe(false);

    // Someone else changes the pipeline through the API, with a client of their own.
    const { Gateway } = await import("../../../main/aws");
    const other = new Gateway();
    const theirs = { kind: "sandbox", endpoint } as const;
    const remote = await other.getPipeline(theirs, "my-pipeline");
    if (!remote.ok) throw new Error(remote.error.message);
    remote.value.pipeline.stages[1]!.name = "Approval";
    expect((await other.updatePipeline(theirs, remote.value.pipeline)).ok).toBe(true);
    other.dispose();

    const stale = value(await handlers["aws.previewDeploy"]({ connection: SANDBOX, document: edited }));
    expect(stale.conflict).toMatchObject({ documentVersion: 1, remoteVersion: 2 });
    expect(stale.conflict?.remoteChanges?.identical).toBe(false);
    expect(await handlers["aws.deploy"]({ planId: stale.planId })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    // The refused plan is spent: a retry must preview again.
    const again = value(await handlers["aws.previewDeploy"]({ connection: SANDBOX, document: edited }));
    expect(value(await handlers["aws.deploy"]({ planId: again.planId, overwrite: true }))).toEqual({
      action: "update",
      name: "my-pipeline",
      version: 3,
    });
  });

  it("warns about a run in progress and starts runs", async () => {
    const run = value(await handlers["aws.startRun"]({ connection: SANDBOX, name: "my-pipeline" }));
    expect(run.pipelineExecutionId).toMatch(/\S/);
    const opened = value(await handlers["aws.openPipeline"]({ connection: SANDBOX, name: "my-pipeline" }));
    const preview = value(
      await handlers["aws.previewDeploy"]({ connection: SANDBOX, document: opened.document }),
    );
    expect(preview.warnings).toContainEqual(
      expect.objectContaining({
        code: "executions-in-progress",
        executionIds: expect.arrayContaining([run.pipelineExecutionId]),
      }),
    );
  });

  it("waits until idle on request, reporting progress, and cancels the wait without changing anything", async () => {
    const opened = value(await handlers["aws.openPipeline"]({ connection: SANDBOX, name: "my-pipeline" }));
    const edited = structuredClone(opened.document);
    edited.pipeline.stages[1]!.name = "LaterReview";
    const plan = value(await handlers["aws.previewDeploy"]({ connection: SANDBOX, document: edited }));
    expect(plan.warnings.map((w) => w.code)).toContain("executions-in-progress");
    const deploying = handlers["aws.deploy"]({ planId: plan.planId, waitUntilIdle: true });
    // The approval never comes, so the deploy keeps waiting until it is cancelled.
    await vi.waitFor(() =>
      expect(t.events).toContainEqual(
        expect.objectContaining({
          payload: expect.objectContaining({ planId: plan.planId, step: "waiting-for-idle" }),
        }),
      ),
    );
    expect(await handlers["aws.cancelDeploy"]({ planId: plan.planId })).toEqual({ ok: true, value: null });
    expect(await deploying).toMatchObject({ ok: false, error: { code: "cancelled" } });
    const after = value(await handlers["aws.openPipeline"]({ connection: SANDBOX, name: "my-pipeline" }));
    expect(after.document.pipeline.version).toBe(opened.document.pipeline.version);
  });

  it("blocks a document with errors and passes the diagnostics on", async () => {
    const document = createFromTemplate("blank-v2")!;
    document.pipeline.stages = [];
    const result = await handlers["aws.previewDeploy"]({ connection: SANDBOX, document });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("validation-failed");
      expect(result.error.diagnostics?.some((d) => d.severity === "error")).toBe(true);
    }
  });

  it("maps a missing pipeline and an expired preview to their codes", async () => {
    expect(await handlers["aws.openPipeline"]({ connection: SANDBOX, name: "nope" })).toMatchObject({
      ok: false,
      error: { code: "pipeline-not-found" },
    });
    expect(await handlers["aws.deploy"]({ planId: "00000000-0000-0000-0000-000000000000" })).toMatchObject({
      ok: false,
      error: { code: "plan-expired" },
    });
  });
});

describe("the embedded sandbox", () => {
  it("closes with the services and keeps its state for the next start", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pipewright-sbx-"));
    try {
      const { EmbeddedSandbox } = await import("../../../main/app/embedded-sandbox");
      const a = new EmbeddedSandbox(dir);
      const [one, two] = await Promise.all([a.start(), a.start()]);
      expect(one).toBe(two);
      await a.close();
      await expect(a.start()).rejects.toThrow(/closed/);
      const b = new EmbeddedSandbox(dir);
      await b.start();
      expect(b.endpoint()).toMatch(/^http:\/\/127\.0\.0\.1:/);
      await b.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("AWS errors over IPC", () => {
  it("keep their code and message, and a structure error's path from the file root", async () => {
    const { toResult } = await import("../../../main/ipc/aws-bridge");
    expect(
      toResult({
        ok: false,
        error: {
          code: "invalid-structure",
          message: "Action 'Build' is invalid: Build",
          path: ["stages", 1, "actions", 0],
          denied: {},
        },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: "invalid-structure",
        message: "Action 'Build' is invalid: Build",
        path: ["pipeline", "stages", 1, "actions", 0],
      },
    });
    expect(
      toResult({
        ok: false,
        error: { code: "network", message: "Could not reach: x", details: "ECONNREFUSED" },
      }),
    ).toEqual({
      ok: false,
      error: { code: "network", message: "Could not reach: x", details: "ECONNREFUSED" },
    });
  });
});
