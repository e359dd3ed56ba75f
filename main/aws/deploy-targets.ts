/**
 * What was last deployed to each target, kept in the app data folder (`deploy-targets.json`), not
 * in the pipeline file: one file deploys to several targets (the sandbox and an account, two
 * regions), and each target has its own versions. The deploy guard compares a target's pipeline
 * now with what was last deployed there from this machine, so only a change someone else made
 * there is a conflict, and the pipeline kept here is the base a three-way merge needs.
 *
 * A target is the connection (the sandbox's endpoint, or the AWS profile and any endpoint override
 * from the environment), the region and the pipeline name.
 */
import { join } from "node:path";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import { StateFile, type StateData, type StateReporter, type StateSchema } from "../storage/state-file";
import { SANDBOX_REGION, type Connection } from "./connection";

/** A target's base for the deploy guard: the version last deployed there and its pipeline. */
export interface DeployBase {
  version: number;
  /** The pipeline as the service stored it at `version`; absent when it could not be kept. */
  pipeline?: PipelineDeclaration;
}

/** One target's record. */
export interface TargetRecord extends DeployBase {
  /** How a person names the connection: "sandbox http://127.0.0.1:4599", "aws profile dev". */
  connection: string;
  region: string;
  name: string;
  /** ISO time of the deploy. */
  deployedAt: string;
}

interface Targets {
  targets: Record<string, TargetRecord>;
}

/** Targets kept at most; the least recently deployed go first. */
const MAX_TARGETS = 200;

/** The environment variables the SDK takes an AWS connection's endpoint from. */
const ENDPOINT_VARIABLES = ["AWS_ENDPOINT_URL_CODEPIPELINE", "AWS_ENDPOINT_URL"] as const;

/** The connection and region of a target, as stored and keyed. */
export function describeTarget(
  connection: Connection,
  env: NodeJS.ProcessEnv = process.env,
): { connection: string; region: string } {
  if (connection.kind === "sandbox") {
    return { connection: `sandbox ${connection.endpoint ?? "embedded"}`, region: SANDBOX_REGION };
  }
  const endpoint = ENDPOINT_VARIABLES.map((name) => env[name]).find(
    (value) => value !== undefined && value !== "",
  );
  const who = `aws profile ${connection.profile ?? "default"}`;
  return { connection: endpoint === undefined ? who : `${who} at ${endpoint}`, region: connection.region };
}

function keyOf(target: { connection: string; region: string }, name: string): string {
  return JSON.stringify([target.connection, target.region, name]);
}

function isRecord(value: unknown): value is TargetRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r["connection"] === "string" &&
    typeof r["region"] === "string" &&
    typeof r["name"] === "string" &&
    typeof r["version"] === "number" &&
    Number.isInteger(r["version"]) &&
    typeof r["deployedAt"] === "string" &&
    (r["pipeline"] === undefined || (typeof r["pipeline"] === "object" && r["pipeline"] !== null))
  );
}

/**
 * `deploy-targets.json`: format 1 is `{ "format": 1, "targets": { key: record } }`. There was no
 * format 0. Records that are not of the shape are dropped (their targets fall back to the
 * pipeline file's own `version`, as before this file existed).
 */
const TARGETS_SCHEMA: StateSchema<Targets> = {
  what: "The record of deploy targets",
  format: 1,
  migrations: {},
  decode: (data) => {
    const raw = data["targets"];
    const targets: Record<string, TargetRecord> = {};
    if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      for (const [key, record] of Object.entries(raw)) if (isRecord(record)) targets[key] = record;
    }
    return { targets };
  },
  fallback: () => ({ targets: {} }),
};

/** The per-target deploy record of one data folder. */
export class DeployTargets {
  private readonly file: StateFile<Targets>;

  constructor(
    readonly dataDir: string,
    report?: StateReporter,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.file = new StateFile(join(dataDir, "deploy-targets.json"), TARGETS_SCHEMA, report);
  }

  get path(): string {
    return this.file.path;
  }

  /** What was last deployed from here to `name` over `connection`, if anything. */
  async base(connection: Connection, name: string): Promise<DeployBase | undefined> {
    const record = (await this.file.read()).targets[keyOf(describeTarget(connection, this.env), name)];
    if (record === undefined) return undefined;
    return record.pipeline === undefined
      ? { version: record.version }
      : { version: record.version, pipeline: record.pipeline };
  }

  /** Records a deploy (or a create) of `pipeline` at `version` to `name` over `connection`. */
  async record(
    connection: Connection,
    name: string,
    version: number,
    pipeline: PipelineDeclaration,
    now = new Date(),
  ): Promise<void> {
    const target = describeTarget(connection, this.env);
    const key = keyOf(target, name);
    await this.file.update(
      ({ targets }) => {
        const kept = Object.entries(targets)
          .filter(([k]) => k !== key)
          .sort((a, b) => b[1].deployedAt.localeCompare(a[1].deployedAt))
          .slice(0, MAX_TARGETS - 1);
        const record: TargetRecord = { ...target, name, version, pipeline, deployedAt: now.toISOString() };
        return { targets: Object.fromEntries([[key, record], ...kept]) };
      },
      (value): StateData => ({ targets: value.targets }),
    );
  }
}
