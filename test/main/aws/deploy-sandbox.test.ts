/** The deploy service through the real SDK against the in-process sandbox. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyDeploy, Gateway, planDeploy, pullPipeline, type Connection } from "../../../main/aws";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { mergePipelines, renderDiff } from "../../../shared/diff";
import { withoutMember } from "../../../shared/pipeline/members";
import type { PipelineDeclaration, PipelineDocument } from "../../../shared/pipeline/model";
import { awsCli, updateWithCli } from "./support/aws-cli";
import { parseDocument } from "../../../shared/formats";
import { KEY_MARK } from "../../../shared/pipeline/member-keys";
import { createInput, edited, samplePipeline } from "./support/pipelines";

let sandbox: Sandbox;
let gateway: Gateway;
let connection: Connection;

beforeAll(async () => {
  // Slow simulated time: a run started by a create stays in progress while a test looks at it.
  sandbox = await startSandbox({ speed: 1, log: () => {} });
  gateway = new Gateway({ maxAttempts: 2 });
  connection = { kind: "sandbox", endpoint: sandbox.endpoint };
});

afterAll(async () => {
  gateway.dispose();
  await sandbox.close();
});

function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A valid edit: the build action's project. */
function renameProject(p: PipelineDeclaration): PipelineDeclaration {
  p.stages[1]!.actions[0]!.configuration = { ProjectName: "renamed-project" };
  return p;
}

async function deployed(document: PipelineDocument): Promise<PipelineDocument> {
  const plan = must(await planDeploy(gateway, document, connection));
  const result = must(await applyDeploy(gateway, plan));
  return edited(document, (p) => ({ ...p, version: result.version }));
}

describe("deploy to the sandbox", () => {
  it("creates a new pipeline with its tags and reports version 1", async () => {
    const document = createInput(samplePipeline("create-one"), [{ key: "team", value: "platform" }]);
    const plan = must(await planDeploy(gateway, document, connection));
    expect(plan).toMatchObject({ action: "create", name: "create-one", upToDate: false, warnings: [] });
    expect(plan.pipeline).not.toHaveProperty("version");
    const result = must(await applyDeploy(gateway, plan));
    expect(result).toMatchObject({ action: "create", version: 1 });
    const remote = must(await gateway.getPipeline(connection, "create-one"));
    expect(remote.pipeline.stages.map((s) => s.name)).toEqual(["Source", "Build", "Deploy"]);
    const tags = must(await gateway.listTags(connection, remote.metadata.pipelineArn!, "create-one"));
    expect(tags).toEqual([{ key: "team", value: "platform" }]);
    // The document itself is never touched by the service.
    expect(document.pipeline.version).toBeUndefined();
  });

  it("previews an update as a diff and applies it, bumping the version", async () => {
    const first = await deployed(createInput(samplePipeline("update-one")));
    expect(first.pipeline.version).toBe(1);
    const next = edited(first, (p) => {
      p.stages[1]!.actions[0]!.configuration = { ProjectName: "app-build-v2" };
      return p;
    });
    const plan = must(await planDeploy(gateway, next, connection));
    expect(plan.action).toBe("update");
    expect(plan.conflict).toBeUndefined();
    expect(plan.diff?.summary).toMatchObject({ actionsChanged: 1, stagesChanged: 1 });
    expect(renderDiff(plan.diff!)).toContain('~ configuration.ProjectName: "app-build" -> "app-build-v2"');
    const result = must(await applyDeploy(gateway, plan));
    expect(result).toMatchObject({ action: "update", version: 2 });
    const remote = must(await gateway.getPipeline(connection, "update-one"));
    expect(remote.pipeline.stages[1]!.actions[0]!.configuration).toEqual({ ProjectName: "app-build-v2" });
  });

  it("finds nothing to deploy when the remote already matches (service defaults included)", async () => {
    const document = await deployed(createInput(samplePipeline("same-one")));
    const plan = must(await planDeploy(gateway, document, connection));
    expect(plan.upToDate).toBe(true);
    expect(plan.diff?.identical).toBe(true);
    expect(must(await applyDeploy(gateway, plan))).toMatchObject({ action: "none", version: 1 });
  });

  it("detects a conflict after an out-of-band update made with the AWS CLI, and shows what changed", async () => {
    const document = await deployed(createInput(samplePipeline("conflict-one")));
    const outOfBand = samplePipeline("conflict-one");
    outOfBand.stages[2]!.actions[0]!.configuration = { BucketName: "someone-elses-bucket", Extract: "true" };
    const cli = await updateWithCli(sandbox.endpoint, outOfBand);
    expect(cli.pipeline.version).toBe(2);

    const mine = edited(document, (p) => ({ ...p, executionMode: "QUEUED", pipelineType: "V2" }));
    const plan = must(await planDeploy(gateway, mine, connection));
    expect(plan.conflict).toMatchObject({ documentVersion: 1, remoteVersion: 2 });
    expect(plan.conflict!.message).toContain("changed remotely since the document's version 1");
    expect(renderDiff(plan.conflict!.remoteChanges!)).toContain(
      '~ configuration.BucketName: "pipewright-site" -> "someone-elses-bucket"',
    );
    // The deploy diff shows that the document would put the bucket back.
    expect(renderDiff(plan.diff!)).toContain(
      '~ configuration.BucketName: "someone-elses-bucket" -> "pipewright-site"',
    );

    const refused = await applyDeploy(gateway, plan);
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(must(await gateway.getPipeline(connection, "conflict-one")).pipeline.version).toBe(2);

    const forced = must(await applyDeploy(gateway, plan, { overwrite: true }));
    expect(forced).toMatchObject({ action: "update", version: 3 });
  });

  it("carries the base and the remote pipeline in a conflict, so a merge of both changes deploys cleanly", async () => {
    const document = await deployed(createInput(samplePipeline("merge-one")));
    const outOfBand = samplePipeline("merge-one");
    outOfBand.stages[2]!.actions[0]!.configuration = { BucketName: "someone-elses-bucket", Extract: "true" };
    await updateWithCli(sandbox.endpoint, outOfBand);
    const mine = edited(document, (p) => ({ ...p, executionMode: "QUEUED", pipelineType: "V2" }));

    const plan = must(await planDeploy(gateway, mine, connection));
    const conflict = plan.conflict!;
    expect(conflict.basePipeline?.version).toBe(1);
    expect(conflict.basePipeline?.stages[2]!.actions[0]!.configuration?.["BucketName"]).toBe(
      "pipewright-site",
    );
    expect(conflict.remotePipeline.version).toBe(2);
    expect(conflict.remotePipeline.stages[2]!.actions[0]!.configuration?.["BucketName"]).toBe(
      "someone-elses-bucket",
    );

    const merge = mergePipelines(conflict.basePipeline!, conflict.remotePipeline, mine.pipeline);
    expect(merge.conflicts).toEqual([]);
    expect(merge.pipeline.version).toBe(2);
    const merged = edited(mine, () => merge.pipeline);
    const again = must(await planDeploy(gateway, merged, connection));
    expect(again.conflict).toBeUndefined();
    // What the merged document deploys is the document's own change only.
    expect(renderDiff(again.diff!)).toBe(
      '~ pipeline\n    ~ executionMode: "SUPERSEDED" -> "QUEUED"\n    ~ pipelineType: "V1" -> "V2"\nSummary: 2 pipeline settings changed.\n',
    );
    expect(must(await applyDeploy(gateway, again))).toMatchObject({ action: "update", version: 3 });
    const remote = must(await gateway.getPipeline(connection, "merge-one")).pipeline;
    expect(remote).toMatchObject({ executionMode: "QUEUED", pipelineType: "V2" });
    expect(remote.stages[2]!.actions[0]!.configuration?.["BucketName"]).toBe("someone-elses-bucket");
  });

  it("treats a document without a version as a conflict with an existing pipeline", async () => {
    await deployed(createInput(samplePipeline("unversioned")));
    const plan = must(await planDeploy(gateway, createInput(samplePipeline("unversioned")), connection));
    expect(plan.conflict).toMatchObject({ remoteVersion: 1, remotePipeline: { name: "unversioned" } });
    expect(plan.conflict).not.toHaveProperty("documentVersion");
    // Without a base version there is nothing to merge from.
    expect(plan.conflict).not.toHaveProperty("basePipeline");
    expect(plan.upToDate).toBe(false);
    expect((await applyDeploy(gateway, plan)).ok).toBe(false);
  });

  it("guards from the target's own base: a version moved without a change, or changes the document holds, are no conflict", async () => {
    const document = createInput(samplePipeline("base-one"));
    const created = must(await applyDeploy(gateway, must(await planDeploy(gateway, document, connection))));
    // What the record of deploy targets keeps for this target; the document carries no version.
    const base = { version: created.version, pipeline: created.pipeline };
    const mine = edited(document, renameProject);
    expect(must(await planDeploy(gateway, mine, connection, base)).conflict).toBeUndefined();

    // Someone re-applies the same pipeline: a new version, no change. Not a conflict.
    await updateWithCli(sandbox.endpoint, samplePipeline("base-one"));
    expect(must(await planDeploy(gateway, mine, connection, base)).conflict).toBeUndefined();

    // Someone changes the bucket: a conflict, with this target's base for the merge.
    const theirs = samplePipeline("base-one");
    theirs.stages[2]!.actions[0]!.configuration = { BucketName: "someone-elses-bucket", Extract: "true" };
    await updateWithCli(sandbox.endpoint, { ...theirs, version: 2 });
    const plan = must(await planDeploy(gateway, mine, connection, base));
    expect(plan.conflict).toMatchObject({ documentVersion: 1, remoteVersion: 3 });
    expect(plan.conflict?.basePipeline).toEqual(base.pipeline);
    expect(renderDiff(plan.conflict!.remoteChanges!)).toContain(
      '"pipewright-site" -> "someone-elses-bucket"',
    );

    // Once the document holds their change (merged, as the app's "Merge their changes" does), it deploys.
    const merge = mergePipelines(base.pipeline, plan.conflict!.remotePipeline, mine.pipeline);
    const merged = edited(mine, () => withoutMember(merge.pipeline, "version"));
    const again = must(await planDeploy(gateway, merged, connection, base));
    expect(again.conflict).toBeUndefined();
    expect(must(await applyDeploy(gateway, again))).toMatchObject({ action: "update", version: 4 });
  });

  it("sends integer-like configuration keys as the file names them, never with the model's mark", async () => {
    const text = JSON.stringify({ pipeline: samplePipeline("marked-keys") }).replace(
      '"ProjectName":"app-build"',
      '"ProjectName":"app-build","b":"1","7":"2"',
    );
    const document = parseDocument(text).document!;
    must(await applyDeploy(gateway, must(await planDeploy(gateway, document, connection))));
    const remote = JSON.parse(
      await awsCli(sandbox.endpoint, ["codepipeline", "get-pipeline", "--name", "marked-keys"]),
    ) as { pipeline: { stages: Array<{ actions: Array<{ configuration: Record<string, string> }> }> } };
    expect(remote.pipeline.stages[1]!.actions[0]!.configuration).toEqual({
      ProjectName: "app-build",
      b: "1",
      "7": "2",
    });
    expect(JSON.stringify(remote)).not.toContain(KEY_MARK);
    // Read back through the gateway it is in model form again, and equal to what was deployed.
    const pulled = must(await gateway.getPipeline(connection, "marked-keys")).pipeline;
    expect(pulled.stages[1]!.actions[0]!.configuration).toEqual(
      document.pipeline.stages[1]!.actions[0]!.configuration,
    );
  });

  it("stops when the pipeline changes again between the preview and the deploy, even with overwrite", async () => {
    const document = await deployed(createInput(samplePipeline("race-one")));
    const plan = must(await planDeploy(gateway, edited(document, renameProject), connection));
    await updateWithCli(sandbox.endpoint, samplePipeline("race-one"));
    const result = await applyDeploy(gateway, plan, { overwrite: true });
    expect(result).toMatchObject({ ok: false, error: { code: "conflict" } });
    if (!result.ok) expect(result.error.message).toContain("version 1 became 2");
  });

  it("reports a pipeline deleted between the preview and the deploy", async () => {
    const document = await deployed(createInput(samplePipeline("deleted-one")));
    const plan = must(await planDeploy(gateway, edited(document, renameProject), connection));
    const { awsCli } = await import("./support/aws-cli");
    await awsCli(sandbox.endpoint, ["codepipeline", "delete-pipeline", "--name", "deleted-one"]);
    const result = await applyDeploy(gateway, plan);
    expect(result).toMatchObject({ ok: false, error: { code: "pipeline-not-found" } });
  });

  it("warns about runs in progress that an update would stop, and can wait (here: time out) first", async () => {
    // The create starts a run that waits at the manual approval, so it stays in progress.
    const document = await deployed(createInput(samplePipeline("busy-one", { approval: true })));
    const next = edited(document, renameProject);
    let plan = must(await planDeploy(gateway, next, connection));
    for (let i = 0; i < 200 && !plan.warnings.some((w) => w.code === "executions-in-progress"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      plan = must(await planDeploy(gateway, next, connection));
    }
    const warning = plan.warnings.find((w) => w.code === "executions-in-progress");
    expect(warning?.executions).toHaveLength(1);
    expect(warning?.executions?.[0]?.status).toBe("InProgress");
    expect(warning?.message).toMatch(/^A run is in progress; updating the pipeline stops it/);

    const steps: string[] = [];
    const waited = await applyDeploy(gateway, plan, {
      waitUntilIdle: true,
      pollIntervalMs: 10,
      waitTimeoutMs: 100,
      onProgress: (step) => steps.push(step),
    });
    expect(waited).toMatchObject({ ok: false, error: { code: "wait-timeout" } });
    expect(steps).toContain("waiting-for-idle");
    expect(must(await gateway.getPipeline(connection, "busy-one")).pipeline.version).toBe(1);
  });

  it("blocks a document with validation errors before any AWS call", async () => {
    const broken = createInput({ ...samplePipeline("broken-one"), stages: [samplePipeline("x").stages[0]!] });
    const result = await planDeploy(gateway, broken, connection);
    expect(result).toMatchObject({ ok: false, error: { code: "validation-failed" } });
    if (!result.ok) expect(result.error.diagnostics?.some((d) => d.code === "too-few-stages")).toBe(true);
    expect((await gateway.getPipeline(connection, "broken-one")).ok).toBe(false);
  });

  it("checks a custom action against the account's own type before any change, and knows it is not unknown", async () => {
    await awsCli(sandbox.endpoint, [
      "codepipeline",
      "create-custom-action-type",
      "--category",
      "Build",
      "--provider",
      "DeployCheckBuild",
      "--action-version",
      "1",
      "--configuration-properties",
      JSON.stringify([{ name: "Job", required: true, key: true, secret: false, queryable: true }]),
      "--input-artifact-details",
      "minimumCount=0,maximumCount=1",
      "--output-artifact-details",
      "minimumCount=0,maximumCount=1",
    ]);
    const custom = (job: Record<string, string>) =>
      edited(createInput(samplePipeline("custom-check")), (p) => {
        p.stages[1]!.actions[0]!.actionTypeId = {
          category: "Build",
          owner: "Custom",
          provider: "DeployCheckBuild",
          version: "1",
        };
        p.stages[1]!.actions[0]!.configuration = job;
        return p;
      });
    const refused = await planDeploy(gateway, custom({}), connection);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe("validation-failed");
      expect(refused.error.message).toMatch(/DeployCheckBuild needs it: Job/);
    }
    const plan = must(await planDeploy(gateway, custom({ Job: "nightly" }), connection));
    expect(plan.diagnostics.map((d) => d.code)).not.toContain("unknown-action-type");
    expect(must(await applyDeploy(gateway, plan)).version).toBe(1);
  });

  it("pulls a pipeline as a get-pipeline output document that deploys without a conflict", async () => {
    await deployed(createInput(samplePipeline("pull-one")));
    const pulled = must(await pullPipeline(gateway, connection, "pull-one"));
    expect(pulled.document.shape).toBe("get-output");
    expect(pulled.document.pipeline.version).toBe(1);
    expect(pulled.remote.metadata.pipelineArn).toMatch(/:pull-one$/);
    const parsed = JSON.parse(pulled.text) as { metadata: { created: string } };
    expect(parsed.metadata.created).toMatch(/^\d{4}-\d\d-\d\dT/);
    const plan = must(await planDeploy(gateway, pulled.document, connection));
    expect(plan).toMatchObject({ upToDate: true });
    expect(plan.conflict).toBeUndefined();
  });

  it("lists pipelines across pages", async () => {
    const list = must(await gateway.listPipelines(connection));
    expect(list.map((p) => p.name)).toEqual(expect.arrayContaining(["create-one", "update-one"]));
    expect(list.find((p) => p.name === "update-one")).toMatchObject({ version: 2, pipelineType: "V1" });
  });
});
