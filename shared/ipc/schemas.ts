import { z } from "zod";
import type { DamagedMember, Extensible, PipelineDeclaration, PipelineDocument } from "../pipeline/model";

/**
 * Request schemas shared by several channels. They check the shape the transport must carry, not
 * the pipeline rules: a document that breaks CodePipeline rules is still a document the user can
 * save, and shared/validate reports what is wrong with it.
 */

const MAX_PATH_LENGTH = 4096;

function isPlainObject(value: unknown): value is Extensible {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isDamagedList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (m) =>
        isPlainObject(m) &&
        Array.isArray(m["path"]) &&
        m["path"].every((p) => typeof p === "string" || typeof p === "number") &&
        (Object.prototype.hasOwnProperty.call(m, "value") || m["missing"] === true),
    )
  );
}

/** A file path as typed or picked: non-empty, bounded, without NUL (which no file system accepts). */
export const pathSchema = z
  .string()
  .min(1, "A file path is required")
  .max(MAX_PATH_LENGTH, "The path is too long")
  .refine((p) => !p.includes("\0"), "A path cannot contain a NUL character");

/** An id minted by main (recovery entries): short and file-name safe. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id");

/**
 * A pipeline document in transit: one pipeline and its envelope (see `PipelineDocument`), passed
 * through untouched (z.custom keeps the value as it is), so key order and unknown members survive
 * the trip. The envelope must agree with the shape: empty for a bare file, else holding the
 * pipeline's place.
 */
export const documentSchema = z
  .object({
    shape: z.enum(["create-input", "get-output", "bare"]),
    pipeline: z.custom<PipelineDeclaration>(
      (v) => isPlainObject(v) && Array.isArray(v["stages"]),
      "The pipeline must be an object with a stages list",
    ),
    envelope: z.custom<Extensible>(isPlainObject, "The document envelope must be a JSON object"),
    damaged: z
      .custom<DamagedMember[]>(isDamagedList, "The damaged members must be a list of paths")
      .optional(),
  })
  .refine(
    (doc) =>
      doc.shape === "bare"
        ? Object.keys(doc.envelope).length === 0
        : Object.prototype.hasOwnProperty.call(doc.envelope, "pipeline") && doc.envelope["pipeline"] === null,
    "The document envelope does not match its shape",
  )
  .transform(({ shape, pipeline, envelope, damaged }): PipelineDocument =>
    damaged === undefined ? { shape, pipeline, envelope } : { shape, pipeline, envelope, damaged },
  );

/** The empty request of channels that take no arguments. */
export const emptySchema = z.strictObject({});
