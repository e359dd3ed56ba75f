/** One number a bench measured, with how it was measured, for `npm run bench -- --json FILE`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target as the issue states it, e.g. "<= 2" or "<= 1.2x bare React Flow". */
  target?: string;
  /** How the number was measured: what was timed, between which events, how many samples. */
  method: string;
}
