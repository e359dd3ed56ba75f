import { useMemo } from "react";
import { validateDocument } from "../../shared/validate";
import { useAppStore } from "../store";

/** The bottom area: problems in the document, from the parse and from the validator. */
export function BottomPanel() {
  const document = useAppStore((s) => s.doc?.document);
  const parseFindings = useAppStore((s) => s.doc?.diagnostics);
  const problems = useMemo(
    () => (document === undefined ? [] : [...(parseFindings ?? []), ...validateDocument(document)]),
    [document, parseFindings],
  );
  return (
    <section className="panel bottom" aria-label="Problems">
      <h2>Problems ({problems.length})</h2>
      {document !== undefined && problems.length === 0 ? (
        <p className="muted">No problems found.</p>
      ) : (
        <ul>
          {problems.map((d, i) => (
            <li key={i} className={`problem problem-${d.severity}`}>
              <span className="problem-severity">{d.severity}</span> {d.message}{" "}
              <code className="muted">{d.path.join(".")}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
