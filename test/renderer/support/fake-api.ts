import { vi } from "vitest";
import {
  fail,
  ok,
  type ApiMethods,
  type DeployOutcome,
  type DeployPreviewView,
  type EventName,
  type EventPayloads,
  type EventSource,
  type OpenedDocument,
  type PipelineSummary,
  type ProfilesView,
  type RecentFile,
  type RecoveryEntry,
  type RehearseOutcome,
  type WhatIfFileEntry,
} from "../../../shared/ipc";
import { runsApi } from "./runs-api";
import type { PipelineDocument } from "../../../shared/pipeline/model";

/** A small valid document, as main would hand it over. */
export function sampleDocument(name = "sample"): PipelineDocument {
  const pipeline = {
    name,
    roleArn: "arn:aws:iam::111111111111:role/r",
    artifactStore: { type: "S3" as const, location: "bucket-name" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: {
              category: "Source" as const,
              owner: "AWS" as const,
              provider: "S3",
              version: "1",
            },
            configuration: { S3Bucket: "b", S3ObjectKey: "k.zip" },
            outputArtifacts: [{ name: "Out" }],
          },
        ],
      },
      {
        name: "Approve",
        actions: [
          {
            name: "Approve",
            actionTypeId: {
              category: "Approval" as const,
              owner: "AWS" as const,
              provider: "Manual",
              version: "1",
            },
          },
        ],
      },
    ],
  };
  return { shape: "create-input", pipeline, envelope: { pipeline: null, tags: [] } };
}

export function opened(overrides: Partial<OpenedDocument> = {}): OpenedDocument {
  return {
    path: null,
    document: sampleDocument(),
    version: null,
    diagnostics: [],
    dirty: true,
    ...overrides,
  };
}

/**
 * A rehearsal of the sample document: Source succeeds, then Approve succeeds, or fails when the
 * what-if has any rule with `outcome: "fail"`; expectations on the run status are checked.
 */
export function fakeRehearsal(whatIf: unknown): RehearseOutcome {
  const w = (whatIf ?? {}) as { rules?: { outcome?: string }[]; expect?: { status?: string } };
  const failed = (w.rules ?? []).some((r) => r.outcome === "fail");
  const status = failed ? "Failed" : "Succeeded";
  const base = { role: "rehearsal" as const, executionId: "e-1" };
  const result = {
    pipelineName: "sample",
    status,
    stages: [
      { name: "Source", status: "Succeeded", attempts: 1, rolledBack: false },
      { name: "Approve", status, attempts: 1, rolledBack: false },
    ],
    actions: [],
    events: [
      { ...base, kind: "stage-entered" as const, atMs: 0, stage: "Source", attempt: 1 },
      { ...base, kind: "stage-succeeded" as const, atMs: 4000, stage: "Source", status: "Succeeded" },
      { ...base, kind: "stage-entered" as const, atMs: 4000, stage: "Approve", attempt: 1 },
      {
        ...base,
        kind: failed ? ("stage-failed" as const) : ("stage-succeeded" as const),
        atMs: 4000,
        stage: "Approve",
        status,
      },
      { ...base, kind: "run-finished" as const, atMs: 4000, status },
    ],
    runs: [],
    durationMs: 4000,
    notes: [],
    ...(w.expect?.status === undefined
      ? {}
      : {
          expectations: [
            {
              passed: w.expect.status === status,
              expected: `run status = ${w.expect.status}`,
              actual: `run status = ${status}`,
              path: ["expect", "status"],
            },
          ],
        }),
  };
  return { kind: "ran", result };
}

/** An api client whose every method is a vi.fn with a sensible default answer. */
export function fakeApi() {
  const listeners = new Map<EventName, ((payload: unknown) => void)[]>();
  const api = {
    app: {
      info: vi.fn(async () =>
        ok({
          name: "Pipewright",
          version: "1",
          mode: "web" as const,
          platform: "linux",
          nativeDialogs: false,
        }),
      ),
      launchFile: vi.fn(async () => ok<string | null>(null)),
      notices: vi.fn(async () => ok<string[]>([])),
      openExternal: vi.fn(async () => ok(null)),
      documentState: vi.fn(async () => ok(null)),
    },
    documents: {
      templates: vi.fn(async () =>
        ok([{ id: "blank-v2", title: "Blank V2 pipeline", description: "The smallest pipeline" }]),
      ),
      create: vi.fn(async () => ok(opened())),
      open: vi.fn(async ({ path }: { path?: string }) =>
        path === "/missing.json"
          ? fail<OpenedDocument>("not-found", "The file or its folder does not exist: /missing.json")
          : ok(opened({ path: path ?? "/picked.json", version: "v1", dirty: false })),
      ),
      save: vi.fn(async ({ path }: { path: string }) => ok({ path, version: "v2" })),
      saveAs: vi.fn(async ({ path }: { path?: string }) =>
        ok({ path: path ?? "/chosen.json", version: "v3" }),
      ),
      recent: vi.fn(async () => ok<RecentFile[]>([])),
      watch: vi.fn(async () => ok(null)),
    },
    recovery: {
      list: vi.fn(async () => ok<RecoveryEntry[]>([])),
      store: vi.fn(async ({ id, path }: { id: string; path: string | null }) =>
        ok({ id, path, title: "t", savedAt: "2026-01-01T00:00:00.000Z" }),
      ),
      restore: vi.fn(async () => ok(opened({ path: "/restored.json" }))),
      discard: vi.fn(async () => ok(null)),
    },
    settings: {
      get: vi.fn(async () => ok({ theme: "system" as const, recentLimit: 10 })),
      update: vi.fn(
        async ({ theme, ownerTagKeys }: { theme?: "system" | "light" | "dark"; ownerTagKeys?: string[] }) =>
          ok({ theme: theme ?? "system", recentLimit: 10, ...(ownerTagKeys ? { ownerTagKeys } : {}) }),
      ),
    },
    // Runs of the recorded fixtures: deploying or opening a remote pipeline starts watching it.
    runs: runsApi(),
    // The AWS group answers as a machine without profiles, with an empty sandbox.
    aws: {
      profiles: vi.fn(async () => ok<ProfilesView>({ profiles: [], notes: [] })),
      testConnection: vi.fn(async () => ok({ account: "sandbox", arn: "sandbox:http://127.0.0.1:1" })),
      listPipelines: vi.fn(async () => ok<PipelineSummary[]>([])),
      openPipeline: vi.fn(async () => ok(opened())),
      previewDeploy: vi.fn(async () =>
        fail<DeployPreviewView>("sandbox-unavailable", "The sandbox is not running: no endpoint"),
      ),
      deploy: vi.fn(async () => fail<DeployOutcome>("plan-expired", "The preview expired: x")),
      cancelDeploy: vi.fn(async () => ok(null)),
      startRun: vi.fn(async () => ok({ pipelineExecutionId: "run-1" })),
      sandbox: vi.fn(async () => ok({ endpoint: "http://127.0.0.1:1" })),
    },
    // Rehearsals answer with a two-event run of the given status (the real one is main's, tested there).
    rehearse: {
      run: vi.fn(async ({ whatIf }: { whatIf: unknown }) => ok<RehearseOutcome>(fakeRehearsal(whatIf))),
      listWhatIfs: vi.fn(async () => ok<WhatIfFileEntry[]>([])),
      saveWhatIf: vi.fn(async ({ documentPath, name }: { documentPath: string; name: string }) =>
        ok({ path: documentPath.replace(/\.json$/, `.whatif.${name}.json`) }),
      ),
      deleteWhatIf: vi.fn(async () => ok(null)),
    },
    events: {
      on: vi.fn(<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void) => {
        listeners.set(name, [...(listeners.get(name) ?? []), listener as (payload: unknown) => void]);
        return () => undefined;
      }),
    },
  };
  const emit = <E extends EventName>(name: E, payload: EventPayloads[E]) =>
    listeners.get(name)?.forEach((l) => l(payload));
  // The renderer's ApiClient is ApiMethods plus events; typed from the contract so this helper does
  // not import renderer/ (the main test project, which also sees this file, does not include it).
  return { api, client: api as unknown as ApiMethods & { events: EventSource }, emit };
}
