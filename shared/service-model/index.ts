/**
 * The CodePipeline service model (botocore `codepipeline-2015-07-09`), generated once by
 * scripts/gen-service-model.ts and read everywhere the model matters: validation of pipeline files,
 * the deploy diff's view of what AWS stores, and the sandbox's request validation and dispatch.
 */
import { STRUCTURE_SHAPES } from "./structures.generated";
import type { Shape, ShapeTable } from "./shape-types";
import { VALUE_SHAPES } from "./values.generated";

export type {
  ListShape,
  MapShape,
  NumberShape,
  OperationSpec,
  ScalarShape,
  Shape,
  ShapeTable,
  StringShape,
  StructureShape,
} from "./shape-types";
export { API_VERSION, ERROR_STATUS, OPERATIONS, TARGET_PREFIX } from "./operations.generated";

/**
 * Where the live service is known to enforce something other than the published model, each with
 * its evidence. `ActionConfigurationValue`: the model says at most 1000 characters, but the
 * service's own ValidationException has read "Map value must satisfy constraint: [Member must have
 * length less than or equal to 50000, Member must have length greater than or equal to 1]" since
 * 2022 (https://github.com/aws/aws-cdk/issues/19767,
 * https://github.com/hashicorp/terraform-provider-aws/issues/41023; it read 1000 in 2021,
 * https://github.com/aws/aws-cdk/issues/12747). The documented 1000-character quota is a warning
 * in the validator (`configuration-value-too-long`).
 */
const LIVE_SERVICE: ShapeTable = {
  ActionConfigurationValue: { type: "string", min: 1, max: 50000 },
};

/**
 * Every shape reachable from the input or output of any of the model's operations, by name, with
 * the live service's known departures from the model applied.
 */
export const SHAPES: ShapeTable = { ...STRUCTURE_SHAPES, ...VALUE_SHAPES, ...LIVE_SERVICE };

/** The shape of a given name, or `undefined`; own names only, so `__proto__` is no shape. */
export function shapeNamed(name: string): Shape | undefined {
  return Object.hasOwn(SHAPES, name) ? SHAPES[name] : undefined;
}

/** The enum values of a string shape (empty when the shape is not an enum). */
export function enumOf(name: string): readonly string[] {
  const shape = shapeNamed(name);
  return shape?.type === "string" ? (shape.enum ?? []) : [];
}
