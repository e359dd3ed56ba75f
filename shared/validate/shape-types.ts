/**
 * The subset of the AWS service-model shape language the constraint walker understands. The data
 * comes from scripts/gen-service-constraints.ts; patterns are the model's Java regexes, which match
 * the whole string.
 */

/** A structure: required members and the shape name of every known member. */
export interface StructureShape {
  type: "structure";
  required: readonly string[];
  members: Readonly<Record<string, string>>;
  min?: number;
  max?: number;
}

/** A JSON array of one member shape, with optional count limits. */
export interface ListShape {
  type: "list";
  member: string;
  min?: number;
  max?: number;
}

/** A JSON object used as a map: key and value shapes, with optional entry-count limits. */
export interface MapShape {
  type: "map";
  key: string;
  value: string;
  min?: number;
  max?: number;
}

/** A string with length limits and either an enum or a whole-string pattern. */
export interface StringShape {
  type: "string";
  min?: number;
  max?: number;
  pattern?: string;
  enum?: readonly string[];
}

/** An integer with an inclusive range. */
export interface IntegerShape {
  type: "integer";
  min?: number;
  max?: number;
}

/** Any shape the walker checks. */
export type Shape = StructureShape | ListShape | MapShape | StringShape | IntegerShape;

/** Shapes by their model name. */
export type ShapeTable = Readonly<Record<string, Shape>>;
