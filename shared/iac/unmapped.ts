/**
 * Members a target format has no place for (a member AWS added after the format's schema, a rule's
 * timeout in CloudFormation, an action's environment variables in Terraform). Export never drops
 * them silently: each is listed for the user ("CloudFormation will not deploy it") and carried in
 * the template (CloudFormation resource `Metadata`, a Terraform comment), so importing the template
 * restores the pipeline exactly, member order included.
 */
import type { JsonPath } from "../pipeline/model";

/** One member outside the target's schema: where it was and what it held. */
export interface UnmappedMember {
  /** Path from the create-pipeline input root: `["pipeline", "stages", 0, …, "name"]` or `["tags", …]`. */
  path: JsonPath;
  /** Its position among its object's members, so import puts it back where it was. */
  index: number;
  value: unknown;
}

/** The path text shown to people: `pipeline.stages[0].actions[1].fooBar`. */
export function formatMemberPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

/** Unmapped members grouped by the path of their parent object, for restoring while building. */
export class UnmappedIndex {
  private readonly byParent = new Map<string, UnmappedMember[]>();

  constructor(members: readonly UnmappedMember[]) {
    for (const member of members) {
      const key = JSON.stringify(member.path.slice(0, -1));
      const list = this.byParent.get(key) ?? [];
      list.push(member);
      this.byParent.set(key, list);
    }
    for (const list of this.byParent.values()) list.sort((a, b) => a.index - b.index);
  }

  /** Inserts the unmapped members of the object at `parent` into its entries, at their indexes. */
  restore(parent: JsonPath, entries: Array<[string, unknown]>): Array<[string, unknown]> {
    const members = this.byParent.get(JSON.stringify(parent));
    if (members === undefined) return entries;
    const out = [...entries];
    for (const member of members) {
      const key = member.path[member.path.length - 1];
      if (typeof key !== "string" || out.some(([k]) => k === key)) continue;
      out.splice(Math.min(member.index, out.length), 0, [key, member.value]);
    }
    return out;
  }

  /** True when some member was recorded under `parent`. */
  has(parent: JsonPath): boolean {
    return this.byParent.has(JSON.stringify(parent));
  }
}

/** Reads unmapped members from their JSON form in a template; undefined when malformed. */
export function readUnmapped(value: unknown): UnmappedMember[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const members: UnmappedMember[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) return undefined;
    const { Path: path, Index: index, Value: member } = item as Record<string, unknown>;
    if (!Array.isArray(path) || !path.every((s) => typeof s === "string" || typeof s === "number"))
      return undefined;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) return undefined;
    members.push({ path, index, value: member });
  }
  return members;
}

/** The JSON form written into templates. */
export function writeUnmapped(members: readonly UnmappedMember[]): unknown[] {
  return members.map((m) => ({ Path: [...m.path], Index: m.index, Value: m.value }));
}
