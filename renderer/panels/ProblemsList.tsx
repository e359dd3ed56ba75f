import { useAppStore } from "../store";
import { useShallow } from "zustand/react/shallow";
import { pipelinePath, selectDiagnostics } from "../store/derived";
import { selectRehearsalProblems } from "../store/rehearse-problems";

/** Every diagnostic; activating one selects the element it is about and reveals it on the canvas. */
export function ProblemsList() {
  const hasDocument = useAppStore((s) => s.doc !== null);
  const problems = useAppStore(useShallow((s) => [...selectDiagnostics(s), ...selectRehearsalProblems(s)]));
  const revealed = useAppStore((s) => s.problemRevealed);
  if (!hasDocument) return <p className="muted">No document is open.</p>;
  if (problems.length === 0) return <p className="muted">No problems found.</p>;
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((d, i) => (
        <li key={i} className={`problem problem-${d.severity}`}>
          <button type="button" className="problem-button" onClick={() => revealed(d.path)}>
            <span className="problem-severity">{d.severity}</span> {d.message}{" "}
            {d.location !== undefined && <span className="muted">line {d.location.line} </span>}
            <code className="muted">{pipelinePath(d.path).join(".")}</code>
          </button>
        </li>
      ))}
    </ul>
  );
}
