import { z } from "zod";
import type { Extensible, PipelineDeclaration } from "../pipeline/model";

/**
 * Request schemas shared by several channels. They check the shape the transport must carry, not
 * the pipeline rules: a document that breaks CodePipeline rules is still a document the user can
 * save, and shared/validate reports what is wrong with it.
 */

const MAX_PATH_LENGTH = 4096;

function isPlainObject(value: unknown): value is Extensible {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
 * A pipeline document in transit. `root` and `pipeline` are passed through untouched (z.custom
 * keeps the value as is), so key order and unknown members survive the trip.
 */
export const documentSchema = z.object({
  shape: z.enum(["create-input", "get-output", "bare"]),
  root: z.custom<Extensible>(isPlainObject, "The document root must be a JSON object"),
  pipeline: z.custom<PipelineDeclaration>(
    (v) => isPlainObject(v) && Array.isArray(v["stages"]),
    "The pipeline must be an object with a stages list",
  ),
});

/** The empty request of channels that take no arguments. */
export const emptySchema = z.strictObject({});

const layoutKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Not a panel id");

/** Panel sizes per group, as the settings keep them: a few short ids and percentages. */
export const panelLayoutSchema = z
  .record(layoutKey, z.record(layoutKey, z.number().min(0).max(100)))
  .refine((groups) => Object.keys(groups).length <= 20, "Too many panel groups");
