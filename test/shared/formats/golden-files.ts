import { readdirSync } from "node:fs";
import { resolve } from "node:path";

/** test/fixtures/golden/exports: the golden V1 and V2 export of every source pipeline. */
export const GOLDEN_EXPORTS = resolve(import.meta.dirname, "../../fixtures/golden/exports");

/** Every golden export file, as paths relative to `GOLDEN_EXPORTS` (`aws/s3-codedeploy.V2.json`). */
export function listGoldenExports(): string[] {
  return readdirSync(GOLDEN_EXPORTS, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.V[12]\.json$/.test(f))
    .sort();
}
