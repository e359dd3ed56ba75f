/**
 * Writing a pipeline back into the Terraform file it was imported from: only the resource block
 * (and the `# pipewright:unmapped` comments above it) is replaced; the resource's meta-arguments
 * (`count`, `lifecycle`, `depends_on`…) are copied as written, new variables are appended, and the
 * rest of the file is left byte for byte.
 */
import { parseHcl, type HclAttribute, type HclBlock, type HclItem } from "./hcl-parse";
import { writeBody, type HclOut } from "./hcl-write";
import { META_ARGUMENTS, TERRAFORM_RESOURCE_TYPE } from "./terraform-schema";
import type { UnmappedMember } from "./unmapped";

/** Where an imported pipeline came from. */
export interface TerraformSource {
  format: "terraform";
  /** `aws_codepipeline.<name>`. */
  resource: string;
  /** The whole file as it was read. */
  text: string;
}

/** The `aws_codepipeline` resource blocks of a parsed file. */
export function pipelineBlocks(items: readonly HclItem[]): HclBlock[] {
  return items.filter(
    (i): i is HclBlock =>
      i.kind === "block" && i.type === "resource" && i.labels[0] === TERRAFORM_RESOURCE_TYPE,
  );
}

/** The comments `# pipewright:unmapped …` directly above `block`, from the first one's offset. */
export function commentsAbove(items: readonly HclItem[], block: HclBlock, marker: string): HclItem[] {
  const index = items.indexOf(block);
  const found: HclItem[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const item = items[i];
    if (item?.kind !== "comment" || !item.text.startsWith(marker)) break;
    found.unshift(item);
  }
  return found;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/**
 * The source file with the resource replaced, or undefined when the file or the resource can no
 * longer be found (the caller then writes a new file).
 */
export function spliceTerraform(
  source: TerraformSource,
  body: readonly HclOut[],
  unmapped: readonly UnmappedMember[],
  variables: readonly HclOut[],
  marker = "# pipewright:unmapped ",
): string | undefined {
  let items: HclItem[];
  try {
    items = parseHcl(source.text);
  } catch {
    return undefined;
  }
  const label = source.resource.slice(`${TERRAFORM_RESOURCE_TYPE}.`.length);
  const block = pipelineBlocks(items).find((b) => b.labels[1] === label);
  if (block === undefined) return undefined;
  const text = source.text;
  const indent = text.slice(lineStart(text, block.start), block.start);
  // Meta-arguments go back where they were among the resource's arguments.
  const members = block.body.filter((item): item is HclAttribute | HclBlock => item.kind !== "comment");
  const merged: HclOut[] = [...body];
  members.forEach((item, index) => {
    if (!META_ARGUMENTS.includes(item.kind === "attribute" ? item.name : item.type)) return;
    const itemIndent = text.slice(lineStart(text, item.start), item.start);
    const raw = text
      .slice(item.start, item.end)
      .split("\n")
      .map((line, i) => (i > 0 && line.startsWith(itemIndent) ? line.slice(itemIndent.length) : line))
      .join("\n");
    merged.splice(Math.min(index, merged.length), 0, { kind: "raw", text: raw });
  });
  const comments = commentsAbove(items, block, marker);
  const from = lineStart(text, comments[0]?.start ?? block.start);
  const rendered = writeBody(
    [
      ...unmapped.map((u): HclOut => ({
        kind: "comment",
        text: `${marker}${JSON.stringify({ path: u.path, index: u.index, value: u.value })}`,
      })),
      { kind: "block", type: "resource", labels: [TERRAFORM_RESOURCE_TYPE, label], body: merged },
    ],
    indent,
  ).join("\n");
  const declared = new Set(
    items.filter((i): i is HclBlock => i.kind === "block" && i.type === "variable").map((b) => b.labels[0]),
  );
  const added = variables.filter((v) => v.kind === "block" && !declared.has(v.labels[0]));
  let out = `${text.slice(0, from)}${rendered}${text.slice(block.end)}`;
  if (added.length > 0) out = `${out.replace(/\n*$/, "\n")}\n${writeBody(added, "").join("\n")}\n`;
  return out;
}
