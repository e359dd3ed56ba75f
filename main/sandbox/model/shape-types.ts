/** The subset of a botocore shape the sandbox needs to validate requests and prune documents. */
export type ShapeSpec =
  | { type: "structure"; members: Readonly<Record<string, string>>; required?: readonly string[] }
  | { type: "list"; member: string; min?: number; max?: number }
  | { type: "map"; key: string; value: string; min?: number; max?: number }
  | { type: "string"; min?: number; max?: number; pattern?: string; enum?: readonly string[] }
  | { type: "integer" | "long" | "double" | "float"; min?: number; max?: number }
  | { type: "boolean" | "timestamp" | "blob" };

export interface OperationSpec {
  input?: string;
  output?: string;
  errors: readonly string[];
}
