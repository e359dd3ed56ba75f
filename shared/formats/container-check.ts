import type { JsonPath } from "../pipeline/model";
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
 * Checks `value` against `rule` and everything below it. Only own members are read, so keys like
 * "__proto__" or "constructor" are data. Recursion follows the schema, which is a few levels deep.
 */
export function checkContainer(
  value: unknown,
  rule: ContainerRule,
  path: JsonPath,
  problems: ContainerProblems,
): void {
  if (!hasKind(value, rule.kind)) {
    problems.add(wrongType(path, rule.kind, value));
    return;
  }
  if (rule.kind === "array") {
    const elements = rule.elements;
    if (!elements) return;
    const list = value as readonly unknown[];
    for (let i = 0; i < list.length; i++) checkContainer(list[i], elements, [...path, i], problems);
    return;
  }
  const record = value as Readonly<Record<string, unknown>>;
  if (rule.kind === "map") {
    const values = rule.values;
    if (!values) return;
    for (const key of Object.keys(record)) checkContainer(record[key], values, [...path, key], problems);
    return;
  }
  for (const [name, member] of Object.entries(rule.members ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(record, name)) {
      if (member.required) {
        problems.add({
          code: "required-member",
          severity: "error",
          path: [...path, name],
          message: `Missing required member "${name}", which must be ${KIND_NAMES[member.kind]}`,
        });
      }
      continue;
    }
    checkContainer(record[name], member, [...path, name], problems);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
