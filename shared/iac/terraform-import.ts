/**
 * An `aws_codepipeline` resource block back as a pipeline. Literal values are decoded; any other
 * expression (`var.bucket`, `aws_iam_role.pipeline.arn`, `"${var.prefix}-x"`) stays as a
 * deploy-time value wherever the pipeline has a single value. Constructs the designer could not
 * show (a `dynamic` block, a whole list or map from an expression) are refused with their line.
 */
import { objectFromEntries } from "./template-keys";
import { terraformExpression } from "./deploy-time-values";
import type { HclAttribute, HclBlock, HclItem, HclValue } from "./hcl-parse";

type HclAttributeOrBlock = HclAttribute | HclBlock;
import {
  ACTION_MEMBERS,
  ACTION_TYPE_MEMBERS,
  META_ARGUMENTS,
  PIPELINE_MEMBERS,
  STAGE_MEMBERS,
  STORE_MEMBERS,
  type TfMember,
} from "./terraform-schema";
import { UnmappedIndex, type UnmappedMember } from "./unmapped";
import type { JsonPath } from "../pipeline/model";

/** A problem at an offset of the file. */
export interface TerraformProblem {
  offset: number;
  message: string;
}

/** The converted resource. */
export interface TerraformPipeline {
  pipeline: Record<string, unknown>;
  tags?: Array<Record<string, unknown>>;
  problems: TerraformProblem[];
}

type Entries = Array<[string, unknown]>;

/** Holds the place of the artifact store(s) until every artifact_store block has been read. */
const STORES_PENDING = Object.freeze({});

class Reader {
  readonly problems: TerraformProblem[] = [];
  constructor(private readonly unmapped: UnmappedIndex) {}

  fail(offset: number, message: string): undefined {
    this.problems.push({ offset, message });
    return undefined;
  }

  scalar(value: HclValue, offset: number): unknown {
    if (value.kind === "literal") return value.value;
    if (value.kind === "expression") return terraformExpression(value.source);
    return this.fail(offset, "Expected a single value here, not a list or an object");
  }

  strings(value: HclValue, offset: number): unknown {
    if (value.kind !== "tuple") return this.whole(value, offset, "a list");
    return value.items.map((item) => this.scalar(item, offset));
  }

  whole(value: HclValue, offset: number, what: string): undefined {
    return this.fail(
      offset,
      value.kind === "expression"
        ? `An expression in place of ${what} is not supported; Pipewright keeps Terraform expressions only where the pipeline has a single value: ${value.source}`
        : `Expected ${what} here`,
    );
  }

  attribute(member: TfMember, value: HclValue, offset: number, path: JsonPath): unknown {
    switch (member.shape.kind) {
      case "scalar":
        return this.scalar(value, offset);
      case "strings":
        return this.strings(value, offset);
      case "map":
        if (value.kind !== "object") return this.whole(value, offset, "a map");
        return objectFromEntries(value.entries.map(([k, v]) => [k, this.text(this.scalar(v, offset))]));
      case "names": {
        const names = this.strings(value, offset);
        if (!Array.isArray(names)) return undefined;
        return names.map((name, i) =>
          objectFromEntries(this.unmapped.restore([...path, i], [["name", this.text(name)]])),
        );
      }
      default:
        return this.fail(offset, `${member.tf} is written as a block, not as an attribute`);
    }
  }

  /** Configuration values and names are strings; Terraform converts numbers and bools the same way. */
  text(value: unknown): unknown {
    return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
  }

  body(
    items: readonly HclItem[],
    members: readonly TfMember[],
    path: JsonPath,
    special?: (item: HclAttributeOrBlock, entries: Entries) => boolean,
  ): Record<string, unknown> {
    const entries: Entries = [];
    const lists = new Map<string, unknown[]>();
    for (const item of items) {
      if (item.kind === "comment") continue;
      if (special?.(item, entries) === true) continue;
      const name = item.kind === "attribute" ? item.name : item.type;
      const member = members.find((m) => m.tf === name);
      if (member === undefined) {
        this.fail(
          item.start,
          item.kind === "block" && item.type === "dynamic"
            ? `A dynamic block is not supported; write the ${item.labels[0] ?? ""} blocks out`
            : `Not an argument of this part of aws_codepipeline: ${name}`,
        );
        continue;
      }
      const memberPath = [...path, member.api];
      if (item.kind === "attribute") {
        entries.push([member.api, this.attribute(member, item.value, item.start, memberPath)]);
        continue;
      }
      const shape = member.shape;
      if (shape.kind === "block") entries.push([member.api, this.body(item.body, shape.members, memberPath)]);
      else if (shape.kind === "blocks") {
        let list = lists.get(member.api);
        if (list === undefined) {
          list = [];
          lists.set(member.api, list);
          entries.push([member.api, list]);
        }
        list.push(this.body(item.body, shape.members, [...memberPath, list.length]));
      } else this.fail(item.start, `${name} is an attribute, not a block`);
    }
    return objectFromEntries(
      this.unmapped.restore(
        path,
        entries.filter(([, v]) => v !== undefined),
      ),
    );
  }

  action(block: HclBlock, path: JsonPath): Record<string, unknown> {
    const entries: Entries = [];
    let typeId: Entries | undefined;
    for (const item of block.body) {
      if (item.kind === "comment") continue;
      if (item.kind === "attribute" && (ACTION_TYPE_MEMBERS as readonly string[]).includes(item.name)) {
        if (typeId === undefined) {
          typeId = [];
          entries.push(["actionTypeId", typeId]);
        }
        typeId.push([item.name, this.scalar(item.value, item.start)]);
        continue;
      }
      const name = item.kind === "attribute" ? item.name : item.type;
      const member = ACTION_MEMBERS.find((m) => m.tf === name);
      if (member === undefined || item.kind !== "attribute") {
        this.fail(item.start, `Not an argument of an aws_codepipeline action: ${name}`);
        continue;
      }
      entries.push([member.api, this.attribute(member, item.value, item.start, [...path, member.api])]);
    }
    const resolved = entries.map(([k, v]): [string, unknown] =>
      k === "actionTypeId"
        ? [k, objectFromEntries(this.unmapped.restore([...path, k], v as Entries))]
        : [k, v],
    );
    return objectFromEntries(this.unmapped.restore(path, resolved));
  }

  stage(block: HclBlock, path: JsonPath): Record<string, unknown> {
    const actions: unknown[] = [];
    return this.body(block.body, STAGE_MEMBERS, path, (item, entries) => {
      if (item.kind !== "block" || item.type !== "action") return false;
      if (actions.length === 0) entries.push(["actions", actions]);
      actions.push(this.action(item, [...path, "actions", actions.length]));
      return true;
    });
  }
}

/** Reads an `aws_codepipeline` block; `unmapped` are the members its comments carried. */
export function terraformToPipeline(block: HclBlock, unmapped: readonly UnmappedMember[]): TerraformPipeline {
  const index = new UnmappedIndex(unmapped);
  const reader = new Reader(index);
  const stages: unknown[] = [];
  const stores: Array<{ region: unknown; store: Record<string, unknown>; offset: number }> = [];
  let tags: Array<Record<string, unknown>> | undefined;
  let storeEntry: [string, unknown] | undefined;
  const pipeline = reader.body(block.body, PIPELINE_MEMBERS, ["pipeline"], (item, entries) => {
    const name = item.kind === "attribute" ? item.name : item.type;
    if (META_ARGUMENTS.includes(name)) return true;
    if (item.kind === "block" && item.type === "stage") {
      if (stages.length === 0) entries.push(["stages", stages]);
      stages.push(reader.stage(item, ["pipeline", "stages", stages.length]));
      return true;
    }
    if (item.kind === "block" && item.type === "artifact_store") {
      if (storeEntry === undefined) {
        storeEntry = ["artifactStore", STORES_PENDING];
        entries.push(storeEntry);
      }
      const regionItem = item.body.find((i) => i.kind === "attribute" && i.name === "region");
      const region =
        regionItem?.kind === "attribute" ? reader.scalar(regionItem.value, regionItem.start) : undefined;
      const storePath: JsonPath =
        region === undefined ? ["pipeline", "artifactStore"] : ["pipeline", "artifactStores", String(region)];
      const store = reader.body(
        item.body.filter((i) => i !== regionItem),
        STORE_MEMBERS,
        storePath,
      );
      stores.push({ region, store, offset: item.start });
      return true;
    }
    if (item.kind === "attribute" && item.name === "tags") {
      tags = readTags(reader, item.value, item.start, index);
      return true;
    }
    return false;
  });
  if (storeEntry !== undefined) {
    const regional = stores.filter((s) => s.region !== undefined);
    if (regional.length === 0 && stores.length === 1) storeEntry[1] = stores[0]?.store;
    else if (regional.length === stores.length) {
      const map: Entries = [];
      for (const s of stores) {
        if (typeof s.region !== "string")
          reader.fail(s.offset, "An artifact store's region must be a literal region name");
        else map.push([s.region, s.store]);
      }
      storeEntry[0] = "artifactStores";
      storeEntry[1] = objectFromEntries(map);
    } else {
      reader.fail(
        stores[0]?.offset ?? block.start,
        "Write one artifact_store without a region, or one per region, each with its region",
      );
    }
  }
  const result = objectFromEntries(
    Object.entries(pipeline).flatMap(([k, v]): Array<[string, unknown]> => {
      if (v !== STORES_PENDING) return [[k, v]];
      return storeEntry === undefined || storeEntry[1] === STORES_PENDING
        ? []
        : [[storeEntry[0], storeEntry[1]]];
    }),
  );
  return tags === undefined
    ? { pipeline: result, problems: reader.problems }
    : { pipeline: result, tags, problems: reader.problems };
}

function readTags(
  reader: Reader,
  value: HclValue,
  offset: number,
  index: UnmappedIndex,
): Array<Record<string, unknown>> | undefined {
  if (value.kind !== "object") return reader.whole(value, offset, "a map of tags");
  return value.entries.map(([key, v], i) =>
    objectFromEntries(
      index.restore(
        ["tags", i],
        [
          ["key", key],
          ["value", reader.text(reader.scalar(v, offset))],
        ],
      ),
    ),
  );
}
