/**
 * Template parameters of an export. Secrets always become parameters without a default (a secret
 * never lands in a template as a literal); with `parameterize`, account-specific values (role ARNs,
 * artifact buckets, KMS keys, connection ARNs, account ids inside other ARNs) become parameters
 * whose defaults are the current values, so one template deploys to several accounts.
 *
 * The planner works on the create-pipeline input and puts CloudFormation's JSON forms in place of
 * the values (`{"Ref": P}`, `{"Fn::Sub": "…${P}…"}`); the Terraform and CDK writers translate
 * exactly these two forms into their own.
 */
import { isSecretKey } from "../diff/secret-values";
import { objectFromEntries, orderedEntries } from "./template-keys";
import { isDeployTimeValue } from "./deploy-time-values";

/** One parameter of the exported template. */
export interface TemplateParameter {
  /** Alphanumeric, as CloudFormation logical ids must be. */
  name: string;
  description: string;
  /** Absent for secrets: the value is given at deploy time. */
  default?: string;
  /** Secret: CloudFormation `NoEcho`, Terraform `sensitive`. */
  secret: boolean;
}

/** The pipeline with parameters in place, and the parameters in the order they were made. */
export interface ParameterPlan {
  pipeline: Record<string, unknown>;
  parameters: TemplateParameter[];
}

const ARN_ACCOUNT = /(arn:aws[a-zA-Z-]*:[a-z0-9-]+:[a-z0-9-]*:)(\d{12})(?=:)/g;
const DYNAMIC_REFERENCE = /^\{\{resolve:/;

/** Builds parameters while walking the pipeline; one parameter per distinct value and purpose. */
class Planner {
  readonly parameters: TemplateParameter[] = [];
  private readonly byValue = new Map<string, string>();

  constructor(
    readonly parameterize: boolean,
    private readonly reserved: ReadonlySet<string>,
  ) {}

  private uniqueName(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9]/g, "").slice(0, 200) || "Parameter";
    let name = clean;
    for (let n = 2; this.reserved.has(name) || this.parameters.some((p) => p.name === name); n++)
      name = `${clean}${n}`;
    return name;
  }

  secret(base: string, description: string): Record<string, unknown> {
    const name = this.uniqueName(base);
    this.parameters.push({ name, description, secret: true });
    return { Ref: name };
  }

  /** A parameter for an account-specific value; the same value reuses the same parameter. */
  value(purpose: string, base: string, value: unknown, description: string): unknown {
    if (!this.parameterize || typeof value !== "string" || value === "") return value;
    const key = `${purpose}\u0000${value}`;
    let name = this.byValue.get(key);
    if (name === undefined) {
      name = this.uniqueName(base);
      this.byValue.set(key, name);
      this.parameters.push({ name, description, default: value, secret: false });
    }
    return { Ref: name };
  }

  /** Account ids inside ARNs of a free-form string become `${AccountIdN}` in a `Fn::Sub`. */
  accounts(value: unknown): unknown {
    if (!this.parameterize || typeof value !== "string" || !ARN_ACCOUNT.test(value)) return value;
    ARN_ACCOUNT.lastIndex = 0;
    // "To write a dollar sign and curly braces (${}) literally, add an exclamation point (!)
    // after the open curly brace, such as ${!Literal}." (Fn::Sub)
    const escaped = value.replace(/\$\{/g, "${!");
    const sub = escaped.replace(ARN_ACCOUNT, (_match, prefix: string, account: string) => {
      const name = this.value(
        "account",
        "AccountId",
        account,
        `Account id used in ARNs (was ${account})`,
      ) as { Ref: string };
      return `${prefix}\${${name.Ref}}`;
    });
    return { "Fn::Sub": sub };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mapEntries(
  obj: Record<string, unknown>,
  change: (key: string, value: unknown) => unknown,
): Record<string, unknown> {
  return objectFromEntries(orderedEntries(obj).map(([k, v]) => [k, change(k, v)]));
}

function label(...parts: unknown[]): string {
  return parts.map((p) => (typeof p === "string" ? p : "")).join(" / ");
}

function configuration(
  planner: Planner,
  owner: Record<string, unknown>,
  where: string,
  base: string,
): unknown {
  const config = owner["configuration"];
  if (!isObject(config)) return config;
  return mapEntries(config, (key, value) => {
    if (isDeployTimeValue(value) || typeof value !== "string") return value;
    if (isSecretKey(key) && !DYNAMIC_REFERENCE.test(value)) {
      return planner.secret(`${base}${key}`, `Secret ${key} of ${where} (NoEcho: give it when deploying)`);
    }
    if (key === "ConnectionArn")
      return planner.value("connection", "ConnectionArn", value, `Connection ARN of ${where}`);
    return planner.accounts(value);
  });
}

function store(planner: Planner, value: unknown, suffix: string, region: string): unknown {
  if (!isObject(value)) return value;
  const where = region === "" ? "the artifact store" : `the artifact store in ${region}`;
  return mapEntries(value, (key, member) => {
    if (key === "location")
      return planner.value("bucket", `ArtifactBucket${suffix}`, member, `S3 bucket of ${where}`);
    if (key === "encryptionKey" && isObject(member)) {
      return mapEntries(member, (k, v) =>
        k === "id" ? planner.value("key", `ArtifactKmsKey${suffix}`, v, `KMS key of ${where}`) : v,
      );
    }
    return member;
  });
}

function action(planner: Planner, stage: string, value: unknown, kind: "action" | "rule"): unknown {
  if (!isObject(value)) return value;
  const name = typeof value["name"] === "string" ? value["name"] : "";
  const where = `${kind} ${label(stage, name)}`;
  const base = `${stage}${name}`;
  return mapEntries(value, (key, member) => {
    if (key === "configuration") return configuration(planner, value, where, base);
    if (key === "roleArn") return planner.value("role", `${base}RoleArn`, member, `Role of ${where}`);
    if (key === "environmentVariables" && Array.isArray(member)) {
      return member.map((variable) =>
        isObject(variable)
          ? mapEntries(variable, (k, v) => (k === "value" ? planner.accounts(v) : v))
          : variable,
      );
    }
    return member;
  });
}

function conditions(planner: Planner, stage: string, value: unknown): unknown {
  if (!isObject(value)) return value;
  return mapEntries(value, (key, list) =>
    key === "conditions" && Array.isArray(list)
      ? list.map((condition) =>
          isObject(condition)
            ? mapEntries(condition, (k, rules) =>
                k === "rules" && Array.isArray(rules)
                  ? rules.map((r) => action(planner, stage, r, "rule"))
                  : rules,
              )
            : condition,
        )
      : list,
  );
}

/** Plans the parameters of an export of `pipeline` (create-pipeline input's `pipeline`). */
export function planParameters(
  pipeline: Record<string, unknown>,
  parameterize: boolean,
  reserved: Iterable<string> = [],
): ParameterPlan {
  const planner = new Planner(parameterize, new Set(reserved));
  const planned = mapEntries(pipeline, (key, value) => {
    if (key === "roleArn")
      return planner.value("role", "PipelineRoleArn", value, "Service role of the pipeline");
    if (key === "artifactStore") return store(planner, value, "", "");
    if (key === "artifactStores" && isObject(value)) {
      return mapEntries(value, (region, s) =>
        store(
          planner,
          s,
          region.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
          region,
        ),
      );
    }
    if (key === "stages" && Array.isArray(value)) {
      return value.map((stage) => {
        if (!isObject(stage)) return stage;
        const stageName = typeof stage["name"] === "string" ? stage["name"] : "";
        return mapEntries(stage, (k, v) => {
          if (k === "actions" && Array.isArray(v))
            return v.map((a) => action(planner, stageName, a, "action"));
          if (k === "beforeEntry" || k === "onSuccess" || k === "onFailure")
            return conditions(planner, stageName, v);
          return v;
        });
      });
    }
    return value;
  });
  return { pipeline: planned, parameters: planner.parameters };
}
