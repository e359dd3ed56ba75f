/** The runs channels through the handler table, against the embedded sandbox, with events recorded. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Handlers, Result, RunsUpdate } from "../../../shared/ipc";
import { dispatch } from "../../../main/ipc/dispatch";
import { createHandlers } from "../../../main/ipc/handlers";
import { closeServices } from "../../../main/ipc/services";
import { createTestServices, type TestServices } from "../documents/support/services";
import { createFromTemplate } from "../../../main/documents/templates";
import { waitFor } from "../sandbox/harness";

const SANDBOX = { kind: "sandbox" } as const;
let t: TestServices;
let handlers: Handlers;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
});
afterAll(async () => {
  await closeServices(t.services);
  await t.cleanup();
});

describe("runs channels", () => {
  it("watches a deployed pipeline, pushes updates as events, and controls it", async () => {
    const document = createFromTemplate("blank-v2")!;
    const preview = value(await handlers["aws.previewDeploy"]({ connection: SANDBOX, document }));
    value(await handlers["aws.deploy"]({ planId: preview.planId }));
    const name = preview.name;

    value(
      await dispatch(handlers, "runs.watch", { connection: SANDBOX, pipelineName: name, viewId: "canvas" }),
    );
    value(
      await dispatch(handlers, "runs.watch", { connection: SANDBOX, pipelineName: name, viewId: "history" }),
    );
    expect(t.services.runs.watch.size).toBe(1);
    const update = await waitFor(
      "an update",
      async () => t.events.find((e) => e.name === "runs.updated")?.payload as RunsUpdate | undefined,
    );
    expect(update).toMatchObject({ pipelineName: name, connection: SANDBOX, error: null });
    expect(update.state?.stageStates?.length).toBeGreaterThan(0);

    const page = value(await handlers["runs.list"]({ connection: SANDBOX, pipelineName: name }));
    const id = page.summaries[0]?.pipelineExecutionId ?? "";
    const detail = value(
      await handlers["runs.detail"]({
        connection: SANDBOX,
        pipelineName: name,
        pipelineExecutionId: id,
      }),
    );
    expect(detail.execution.pipelineExecutionId).toBe(id);

    const started = value(await handlers["runs.start"]({ connection: SANDBOX, pipelineName: name }));
    expect(started.message).toMatch(new RegExp(`^Started a run of ${name}: `));
    const stopped = await dispatch(handlers, "runs.stop", {
      connection: SANDBOX,
      pipelineName: name,
      pipelineExecutionId: started.pipelineExecutionId ?? "",
      abandon: true,
      reason: "test",
    });
    // The run may already have finished in the simulated time; either way the answer says so.
    if (!stopped.ok) expect(stopped.error.message).toMatch(/already finished/);

    value(await dispatch(handlers, "runs.visibility", { visible: false }));
    value(await dispatch(handlers, "runs.unwatch", { viewId: "canvas" }));
    value(await dispatch(handlers, "runs.unwatch", { viewId: "history" }));
    expect(t.services.runs.watch.size).toBe(0);
  });

  it("refuses requests that name an endpoint or a bad pipeline name", async () => {
    const endpoint = await dispatch(handlers, "runs.state", {
      connection: { kind: "sandbox", endpoint: "http://169.254.169.254" },
      pipelineName: "x",
    });
    expect(endpoint).toMatchObject({ ok: false, error: { code: "invalid-request" } });
    const badName = await dispatch(handlers, "runs.state", { connection: SANDBOX, pipelineName: "a b" });
    expect(badName).toMatchObject({ ok: false, error: { code: "invalid-request" } });
    const approval = await dispatch(handlers, "runs.approve", {
      connection: SANDBOX,
      pipelineName: "missing-pipeline",
      stageName: "Approve",
      actionName: "Review",
      status: "Approved",
      summary: "",
    });
    expect(approval).toMatchObject({ ok: false, error: { code: "pipeline-not-found" } });
  });
});
