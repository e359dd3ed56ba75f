/**
 * What the what-ifs say is wrong, as findings for the Problems panel: an expectation the last
 * rehearsal did not meet, a what-if file that cannot be read, a what-if the pipeline cannot run
 * with, a mark left behind by a rename. Warnings: they are the team's own checks, not AWS's, so
 * they never block a deploy.
 */
import { staleRules } from "../../shared/rehearse";
import type { Diagnostic } from "../../shared/validate/diagnostic";
import type { AppState } from "./state";

const NONE: readonly Diagnostic[] = Object.freeze([]);
let last: { key: readonly unknown[]; value: readonly Diagnostic[] } | null = null;

/** The what-ifs' findings for the open document (one cached list per what-ifs and document). */
export function selectRehearsalProblems(state: Pick<AppState, "doc" | "whatIfs">): readonly Diagnostic[] {
  const doc = state.doc;
  if (doc === null) return NONE;
  const key = [doc.document, state.whatIfs] as const;
  if (last !== null && last.key.every((k, i) => k === key[i])) return last.value;
  const root: (string | number)[] = doc.document.shape === "bare" ? [] : ["pipeline"];
  const stages = Array.isArray(doc.document.pipeline.stages) ? doc.document.pipeline.stages : [];
  const stagePath = (name: string): (string | number)[] => {
    const index = stages.findIndex((s) => s?.name === name);
    return index < 0 ? [] : [...root, "stages", index];
  };
  const found: Diagnostic[] = [];
  for (const entry of state.whatIfs) {
    const label = `What-if ${entry.name}`;
    const warn = (path: (string | number)[], message: string, code: string) =>
      found.push({ code, severity: "warning", path, message: `${label}: ${message}` });
    if (entry.problem !== null) {
      warn([], entry.problem, "what-if-unreadable");
      continue;
    }
    for (const stale of staleRules(
      entry.whatIf,
      stages.map((s) => ({ name: s.name, actions: s.actions ?? [] })),
    )) {
      warn([], stale.message, "what-if-stale-rule");
    }
    const outcome = entry.outcome;
    if (outcome?.kind === "invalid-what-if") warn([], outcome.message, "what-if-invalid");
    if (outcome?.kind !== "ran") continue;
    for (const expectation of outcome.result.expectations ?? []) {
      if (expectation.passed) continue;
      const stage = expectation.stage;
      warn(
        stage === undefined ? [] : stagePath(stage),
        `expected ${expectation.expected}, but the rehearsal gave ${expectation.actual}`,
        "what-if-expectation",
      );
    }
  }
  const value = found.length === 0 ? NONE : found;
  last = { key, value };
  return value;
}
