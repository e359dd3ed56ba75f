import type { ActionTypeSpec } from "./types";

/** Every action type Pipewright knows (filled in by the catalog work). */
export const ACTION_TYPES: readonly ActionTypeSpec[] = [];
