/**
 * Rehearsals: a pipeline run in a private sandbox with a what-if scenario, reported as the
 * rehearsed run's outcome, its path (events) and expectations checked against it.
 */
export type * from "./types";
export { checkExpectations, expectSchema, parseExpect, type RehearsalExpect } from "./expect";
export { describeEvent, formatOffset } from "./describe";
