/**
 * The member of an imported document that remembers its template (`iacSource`): the file's text,
 * its format and the resource the pipeline came from. Exporting to the same tool writes the
 * pipeline back into that template; the create-pipeline JSON export and deploy leave it out, as
 * they leave out every member around the pipeline other than `tags`.
 */
import type { PipelineDocument } from "../pipeline/model";
import type { CfnSource } from "./cfn-template";
import type { TerraformSource } from "./terraform-source";

/** The root member holding the source. */
export const IAC_SOURCE_MEMBER = "iacSource";

/** A document's template source, when it has a well-formed one. */
export function iacSourceOf(doc: PipelineDocument): CfnSource | TerraformSource | undefined {
  if (doc.shape === "bare") return undefined;
  const source = doc.envelope[IAC_SOURCE_MEMBER];
  if (typeof source !== "object" || source === null) return undefined;
  const s = source as Record<string, unknown>;
  if (typeof s["resource"] !== "string" || typeof s["text"] !== "string") return undefined;
  if (s["format"] === "terraform") return source as TerraformSource;
  if (s["format"] === "cloudformation" && (s["syntax"] === "yaml" || s["syntax"] === "json"))
    return source as CfnSource;
  return undefined;
}

/** A short description for people: "CloudFormation template (resource Pipeline)". */
export function describeIacSource(source: CfnSource | TerraformSource): string {
  return source.format === "terraform"
    ? `Terraform file (resource ${source.resource})`
    : `CloudFormation template (resource ${source.resource})`;
}
