import type { DamagedMember, JsonPath } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import type { ContainerRule } from "./container-schema";
import { MAX_SHAPE_DIAGNOSTICS } from "./limits";
import { describeMember, describeValue } from "./value-description";

const KIND_NAMES: Record<ContainerRule["kind"], string> = {
  object: "an object",
  array: "an array",
  map: "an object (a map)",
};

/** Collects container problems, keeping the first `MAX_SHAPE_DIAGNOSTICS` and counting the rest. */
export class ContainerProblems {
  readonly diagnostics: Diagnostic[] = [];
  private omitted = 0;

  add(diagnostic: Diagnostic): void {
    if (this.diagnostics.length < MAX_SHAPE_DIAGNOSTICS) this.diagnostics.push(diagnostic);
    else this.omitted++;
  }

  /** More problems than are listed: too damaged to open, so repairs stop being made. */
  get overflowed(): boolean {
    return this.omitted > 0;
  }

  /** The kept diagnostics, plus one saying how many more there were. */
  finish(): Diagnostic[] {
    if (this.omitted === 0) return this.diagnostics;
    return [
      ...this.diagnostics,
      {
        code: "wrong-type",
        severity: "error",
        path: [],
        message: `Too many type problems to list; not shown: ${this.omitted}`,
      },
    ];
  }
}

/** True when `value` is the container `rule` asks for. */
export function hasKind(value: unknown, kind: ContainerRule["kind"]): boolean {
  if (kind === "array") return Array.isArray(value);
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A wrong-type diagnostic for `value` at `path`, which should be a `kind`. */
export function wrongType(path: JsonPath, kind: ContainerRule["kind"], value: unknown): Diagnostic {
  return {
    code: "wrong-type",
    severity: "error",
    path,
    message: `${capitalize(describeMember(path))} must be ${KIND_NAMES[kind]}, found ${describeValue(value)}`,
  };
}

/**
 * Checks `value` against `rule` and everything below it, and returns it repaired: a container of
 * the wrong kind is replaced by an empty one of the right kind and a missing required one is added
 * (so every part of the app can walk the result), each recorded in `damaged` with what the file
 * had, and reported in `problems`. Untouched parts are shared; the same value comes back when
 * nothing is wrong. Only own members are read, so keys like "__proto__" or "constructor" are data.
 * Recursion follows the schema, which is a few levels deep.
 */
export function repairContainer(
  value: unknown,
  rule: ContainerRule,
  path: JsonPath,
  problems: ContainerProblems,
  damaged: DamagedMember[],
): unknown {
  if (!hasKind(value, rule.kind)) {
    problems.add(wrongType(path, rule.kind, value));
    if (problems.overflowed) return value;
    damaged.push({ path, value });
    return emptyFor(rule);
  }
  if (rule.kind === "array") {
    const elements = rule.elements;
    if (!elements) return value;
    const list = value as readonly unknown[];
    let copy: unknown[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const repaired = repairContainer(list[i], elements, [...path, i], problems, damaged);
      if (repaired !== list[i]) (copy ??= [...list])[i] = repaired;
    }
    return copy ?? value;
  }
  const record = value as Readonly<Record<string, unknown>>;
  const changes: Array<[string, unknown]> = [];
  if (rule.kind === "map") {
    const values = rule.values;
    if (!values) return value;
    for (const key of Object.keys(record)) {
      const repaired = repairContainer(record[key], values, [...path, key], problems, damaged);
      if (repaired !== record[key]) changes.push([key, repaired]);
    }
  } else {
    for (const [name, member] of Object.entries(rule.members ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(record, name)) {
        if (member.required) {
          problems.add({
            code: "required-member",
            severity: "error",
            path: [...path, name],
            message: `Missing required member "${name}", which must be ${KIND_NAMES[member.kind]}`,
          });
          if (problems.overflowed) continue;
          damaged.push({ path: [...path, name], missing: true });
          changes.push([name, emptyFor(member)]);
        }
        continue;
      }
      const repaired = repairContainer(record[name], member, [...path, name], problems, damaged);
      if (repaired !== record[name]) changes.push([name, repaired]);
    }
  }
  if (changes.length === 0) return value;
  const changed = new Map(changes);
  // fromEntries keeps the member order and makes "__proto__" a member; added members go last.
  const entries = Object.keys(record).map((key): [string, unknown] => [
    key,
    changed.has(key) ? changed.get(key) : record[key],
  ]);
  for (const [key, repaired] of changes)
    if (!Object.prototype.hasOwnProperty.call(record, key)) entries.push([key, repaired]);
  return Object.fromEntries(entries);
}

/** The smallest value `rule` accepts: an empty array or map, an object with its required containers. */
function emptyFor(rule: ContainerRule): unknown {
  if (rule.kind === "array") return [];
  if (rule.kind === "map") return {};
  return Object.fromEntries(
    Object.entries(rule.members ?? {})
      .filter(([, member]) => member.required === true)
      .map(([name, member]) => [name, emptyFor(member)]),
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
