import { CircleAlert, Info, TriangleAlert } from "lucide-react";
import type { Diagnostic } from "../../shared/validate/diagnostic";
import { useAppStore } from "../store";
import { useShallow } from "zustand/react/shallow";
import { selectDiagnostics } from "../store/derived";
import { selectRehearsalProblems } from "../store/rehearse-problems";
import { describePlace, fieldKey } from "./problem-place";

const ICON = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/**
 * Every diagnostic, with where it is in words; activating one selects its element on the canvas
 * and puts the keyboard in the inspector field that fixes it.
 */
export function ProblemsList() {
  const hasDocument = useAppStore((s) => s.doc !== null);
  const problems = useAppStore(useShallow((s) => [...selectDiagnostics(s), ...selectRehearsalProblems(s)]));
  const pipeline = useAppStore((s) => s.doc?.document.pipeline);
  const revealed = useAppStore((s) => s.problemRevealed);
  const focus = useAppStore((s) => s.focusRequested);
  if (!hasDocument) return <p className="muted">No document is open.</p>;
  if (problems.length === 0) return <p className="muted">No problems found.</p>;
  const open = (d: Diagnostic) => {
    revealed(d.path);
    focus(fieldKey(d.path));
  };
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((d, i) => {
        const Icon = ICON[d.severity];
        return (
          <li key={i} className={`problem problem-${d.severity}`}>
            <button type="button" className="problem-button" onClick={() => open(d)}>
              <Icon aria-hidden="true" size={14} />
              <span>
                <span className="visually-hidden">{d.severity}: </span>
                {d.message} <span className="problem-where">{describePlace(pipeline, d.path)}</span>
                {d.location !== undefined && <span className="problem-where"> · line {d.location.line}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
