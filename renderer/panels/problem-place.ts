/**
 * Where a finding is, in the words the app shows: "Stage Build › action Compile › ProjectName",
 * never a JSON path; and the key of the inspector field that edits it (`data-focus-key`).
 */
import type { JsonPath, PipelineDeclaration } from "../../shared/pipeline/model";
import { pipelinePath } from "../store/derived";

/** The inspector's labels of pipeline, stage and action members. */
const LABELS: Readonly<Record<string, string>> = {
  name: "name",
  roleArn: "role ARN",
  runOrder: "run order",
  pipelineType: "pipeline type",
  executionMode: "execution mode",
  artifactStore: "artifact store",
  artifactStores: "artifact stores",
  location: "artifact bucket",
  encryptionKey: "encryption key",
  inputArtifacts: "input artifacts",
  outputArtifacts: "output artifacts",
  namespace: "namespace",
  region: "region",
  timeoutInMinutes: "timeout",
  commands: "commands",
  outputVariables: "output variables",
  environmentVariables: "environment variables",
  variables: "variables",
  triggers: "triggers",
  blockers: "blockers",
  beforeEntry: "entry conditions",
  onSuccess: "success conditions",
  onFailure: "failure conditions",
  actionTypeId: "action type",
};

/** The inspector field key of a path: its pipeline-relative segments joined with "/". */
export function fieldKey(path: JsonPath | readonly (string | number)[]): string {
  return pipelinePath(path).join("/");
}

/** "Stage Build › action Compile › ProjectName", "Pipeline › role ARN", or "File" for file-level findings. */
export function describePlace(pipeline: PipelineDeclaration | undefined, path: JsonPath): string {
  const rel = path[0] === "pipeline" ? path.slice(1) : path;
  if (path.length === 0) return "File";
  if (rel.length === 0) return "Pipeline";
  const parts: string[] = [];
  let rest = rel;
  const [root, s] = rel;
  if (root === "stages" && typeof s === "number") {
    const stage = pipeline?.stages[s];
    parts.push(`Stage ${stage?.name || s + 1}`);
    rest = rel.slice(2);
    const [member, a] = rest;
    if (member === "actions" && typeof a === "number") {
      parts.push(`action ${stage?.actions[a]?.name || a + 1}`);
      rest = rest.slice(2);
    }
  } else parts.push("Pipeline");
  for (let i = 0; i < rest.length; i++) {
    const segment = rest[i];
    const before = rest[i - 1];
    if (segment === undefined) continue;
    if (typeof segment === "number") {
      if (parts.length > 0 && before !== undefined) parts[parts.length - 1] += ` ${segment + 1}`;
      continue;
    }
    // Configuration keys are shown as the service names them (ProjectName).
    parts.push(before === "configuration" ? segment : (LABELS[segment] ?? segment));
  }
  return parts.filter((p) => p !== "configuration").join(" › ");
}
