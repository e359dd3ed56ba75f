import { lazy, Suspense } from "react";
import { useAppStore } from "../store";
import { countBySeverity, selectDiagnostics } from "../store/derived";
import { RehearsePanel } from "../rehearse/RehearsePanel";
import { selectRehearsalProblems } from "../store/rehearse-problems";
import { ProblemsList } from "./ProblemsList";

// CodeMirror is only needed once the JSON view opens; it stays out of the first bundle.
const JsonView = lazy(() => import("./json/JsonView"));

function StatusBar() {
  const errors = useAppStore((s) => countBySeverity(selectDiagnostics(s)).error);
  const warnings = useAppStore(
    (s) => countBySeverity(selectDiagnostics(s)).warning + selectRehearsalProblems(s).length,
  );
  const jsonError = useAppStore((s) => s.jsonDraft?.error ?? null);
  return (
    <div className="status-bar" role="status" aria-label="Status">
      <span className={errors > 0 ? "has-errors" : ""}>
        {errors} error{errors === 1 ? "" : "s"}
      </span>
      <span>
        {warnings} warning{warnings === 1 ? "" : "s"}
      </span>
      {jsonError !== null && <span className="has-errors">JSON not applied: line {jsonError.line}</span>}
    </div>
  );
}

/** The bottom area: problems and the JSON view as tabs, with the status bar's counts. */
export function BottomPanel() {
  const hasDocument = useAppStore((s) => s.doc !== null);
  const tab = useAppStore((s) => s.bottomTab);
  const chosen = useAppStore((s) => s.bottomTabChosen);
  const total = useAppStore((s) => selectDiagnostics(s).length + selectRehearsalProblems(s).length);
  const rehearsing = useAppStore((s) => s.rehearseMode);
  return (
    <section className="panel bottom" aria-label="Problems and JSON">
      <div className="bottom-head">
        <div role="tablist" aria-label="Bottom panel">
          <button
            type="button"
            role="tab"
            id="tab-problems"
            aria-selected={tab === "problems"}
            aria-controls="tabpanel-bottom"
            onClick={() => chosen("problems")}
          >
            Problems ({total})
          </button>
          <button
            type="button"
            role="tab"
            id="tab-json"
            aria-selected={tab === "json"}
            aria-controls="tabpanel-bottom"
            onClick={() => chosen("json")}
            disabled={!hasDocument}
          >
            JSON
          </button>
          {rehearsing && (
            <button
              type="button"
              role="tab"
              id="tab-rehearse"
              aria-selected={tab === "rehearse"}
              aria-controls="tabpanel-bottom"
              onClick={() => chosen("rehearse")}
            >
              Rehearse
            </button>
          )}
        </div>
        <StatusBar />
      </div>
      <div
        className="bottom-body"
        role="tabpanel"
        id="tabpanel-bottom"
        aria-labelledby={
          tab === "json" ? "tab-json" : tab === "rehearse" && rehearsing ? "tab-rehearse" : "tab-problems"
        }
      >
        {tab === "rehearse" && rehearsing && hasDocument ? (
          <RehearsePanel />
        ) : tab === "json" && hasDocument ? (
          <Suspense fallback={<p className="muted">Loading the JSON view…</p>}>
            <JsonView />
          </Suspense>
        ) : (
          <ProblemsList />
        )}
      </div>
    </section>
  );
}
